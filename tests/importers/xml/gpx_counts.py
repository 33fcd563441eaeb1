#!/usr/bin/python3
"""Prints, for every .gpx file under the corpus, the number of track points
(trk/trkseg/trkpt, all tracks and segments) that python3-gpxpy reads.

The output is the golden file gpx_point_counts.tsv that the C++ corpus test
compares against. Regenerate it after the corpus changes:

    /usr/bin/python3 tests/importers/xml/gpx_counts.py ../shared/corpus \
        > tests/importers/xml/gpx_point_counts.tsv

Columns: path relative to the corpus, then the count, or `error` when gpxpy
rejects the file (the C++ test lists what it expects for those).
Needs the Debian package python3-gpxpy (1.5.0).
"""
import pathlib
import sys

import gpxpy


def gpxpy_count(path: pathlib.Path) -> str:
    """Track points gpxpy reads in the file, as text; `error` when it rejects the file.
    Also used by reference_counts.py."""
    try:
        with open(path, "rb") as f:
            gpx = gpxpy.parse(f.read().decode("utf-8-sig"))
    except Exception:  # gpxpy raises several types; any rejection is recorded the same way
        return "error"
    return str(sum(len(seg.points) for trk in gpx.tracks for seg in trk.segments))


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    print(f"# gpxpy {gpxpy.__version__}: track points per file\npath\tcount")
    for path in sorted(p for p in root.rglob("*") if p.suffix.lower() == ".gpx" and p.is_file()):
        print(f"{path.relative_to(root).as_posix()}\t{gpxpy_count(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
