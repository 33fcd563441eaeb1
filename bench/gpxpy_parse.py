#!/usr/bin/python3
"""python3-gpxpy's GPX parse speed on the files bench/xml_parse_bench.cpp
parses, for bench/xml_parse.sh: the bytes are read and decoded to text
before timing (gpxpy.parse takes text), so only gpxpy.parse is timed.

    /usr/bin/python3 bench/gpxpy_parse.py CORPUS_DIR [BIG_TRACK.gpx] [MIN_SECONDS]

Prints one line per input:
    gpxpy LABEL: X MB/s, Y points/s (N files, P points, R rejected)
MB are of the files' bytes (10^6); points are trkpt of all tracks and segments.
"""
import pathlib
import sys
import time

import gpxpy


def load(paths):
    return [(p.stat().st_size, p.read_bytes().decode("utf-8-sig", errors="replace")) for p in paths]


def parse_all(texts):
    points = rejected = 0
    for _, text in texts:
        try:
            gpx = gpxpy.parse(text)
        except Exception:  # gpxpy raises several types; a rejection still took its time
            rejected += 1
            continue
        points += sum(len(seg.points) for trk in gpx.tracks for seg in trk.segments)
    return points, rejected


def measure(label, texts, min_seconds):
    size = sum(n for n, _ in texts)
    runs = 0
    points = rejected = 0
    start = time.perf_counter()
    while True:
        points, rejected = parse_all(texts)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    per_run = elapsed / runs
    print(f"gpxpy {label}: {size / per_run / 1e6:.2f} MB/s, {points / per_run:.0f} points/s "
          f"({len(texts)} files, {points} points, {rejected} rejected, {runs} runs)", flush=True)


def main() -> int:
    corpus = pathlib.Path(sys.argv[1])
    big = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() == ".gpx" and p.is_file())
    print(f"# gpxpy {gpxpy.__version__}", flush=True)
    measure("corpus", load(files), min_seconds)
    if big is not None:
        measure("big_track.gpx", load([big]), min_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
