#!/usr/bin/env bash
# GPX and TCX parse speed, side by side in one run (issue 3 targets: at least
# 10x python3-gpxpy and 5x gpsbabel on the same files):
#
#   1. in memory: stridecare's parse_xml_activity (bench/xml_parse_bench.cpp,
#      Google Benchmark) against gpxpy.parse (bench/gpxpy_parse.py), both on
#      preloaded bytes, interpreter/process start excluded;
#   2. whole process (bench/interleave.py: rounds that run every command once in
#      a random order, median wall time and user+sys CPU): bench/xml_parse_file.cpp
#      (read each file, parse it in place; on every core like `import`, and with
#      -j 1) against gpsbabel reading the same files with no output at all (its
#      floor), and gpsbabel -t ... -o unicsv -F /dev/null (writing every point).
#
# Inputs: every .gpx / .tcx of ../shared/corpus (each set in one process), and a
# generated 100,000-point big_track.gpx / big_track.tcx (bench/make_big_tracks.py).
# BUILD_DIR (default build/bench) is where the bench preset builds; RUNS (default
# 10) the interleaved rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh bench
build=${BUILD_DIR:-build/bench}
runs=${RUNS:-10}
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target xml_parse_bench xml_parse_file >/dev/null
data="$build/bench-data"
if [ ! -s "$data/big_track.tcx" ] || [ bench/make_big_tracks.py -nt "$data/big_track.tcx" ]; then
  /usr/bin/python3 bench/make_big_tracks.py "$data"
fi
corpus=$(cd ../shared/corpus && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t gpx_files < <(find "$corpus" -type f -iname '*.gpx' | sort)
mapfile -t tcx_files < <(find "$corpus" -type f -iname '*.tcx' | sort)
babel_inputs() {  # gpsbabel's "-f FILE" for each file
  for f in "$@"; do printf ' -f %q' "$f"; done
}
ours="$build/bench/xml_parse_file"

# Points per input set, as stridecare returns them (for points/s of the whole-process runs).
"$ours" "${gpx_files[@]}" > "$tmp/points_corpus_gpx.txt"
"$ours" "${tcx_files[@]}" > "$tmp/points_corpus_tcx.txt"
"$ours" "$data/big_track.gpx" > "$tmp/points_big_gpx.txt"
"$ours" "$data/big_track.tcx" > "$tmp/points_big_tcx.txt"

echo "== in memory: stridecare and python3-gpxpy"
STRIDECARE_BIG_TRACKS="$data" "$build/bench/xml_parse_bench" --benchmark_format=json --benchmark_min_time=2 \
  > "$tmp/ours.json"
/usr/bin/python3 bench/gpxpy_parse.py "$corpus" "$data/big_track.gpx" 2 | tee "$tmp/gpxpy.txt"

echo "== whole process: stridecare and gpsbabel ($(gpsbabel -V | tr -d '\n' | sed 's/^ *//')), $runs interleaved rounds"
# Process start alone, to tell start-up from parsing on the small corpus files:
# stridecare's program with no file, gpsbabel reading a one-point GPX file.
printf '%s\n' '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">' \
  '<trk><trkseg><trkpt lat="46.5" lon="6.6"/></trkseg></trk></gpx>' > "$tmp/one_point.gpx"
/usr/bin/python3 - "$tmp/commands.json" "$ours" "$tmp/one_point.gpx" "$data" "${gpx_files[@]}" -- "${tcx_files[@]}" <<'PY'
import json, sys
out, ours, one_point, data, *rest = sys.argv[1:]
cut = rest.index("--")
sets = {"gpx": ("gpx", rest[:cut]), "tcx": ("gtrnctr", rest[cut + 1:])}
cmds = [{"label": "ours start", "argv": [ours]},
        {"label": "gpsbabel start", "argv": ["gpsbabel", "-i", "gpx", "-f", one_point]}]
def babel(fmt, files, *tail):
    argv = ["gpsbabel", *tail[:1], "-i", fmt]
    for f in files:
        argv += ["-f", f]
    return argv + list(tail[1:])
for kind, (fmt, files) in sets.items():
    big = [f"{data}/big_track.{kind}"]
    for which, fs in [("corpus", files), ("big", big)]:
        cmds.append({"label": f"ours {which} {kind}", "argv": [ours, *fs]})
        if which == "corpus":
            cmds.append({"label": f"ours-1 {which} {kind}", "argv": [ours, "-j", "1", *fs]})
        cmds.append({"label": f"gpsbabel-read {which} {kind}", "argv": babel(fmt, fs)})
        cmds.append({"label": f"gpsbabel-unicsv {which} {kind}",
                     "argv": babel(fmt, fs, "-t", "-o", "unicsv", "-F", "/dev/null")})
json.dump(cmds, open(out, "w"))
PY
/usr/bin/python3 bench/interleave.py "$runs" 1 "$tmp/commands.json" > "$tmp/whole.json"

/usr/bin/python3 - "$tmp" "$corpus" "$data" <<'PY'
import json, os, pathlib, re, statistics, sys
tmp, corpus, data = map(pathlib.Path, sys.argv[1:4])
ours = {b["name"]: b for b in json.load(open(tmp / "ours.json"))["benchmarks"]}
gpxpy = {}
for line in open(tmp / "gpxpy.txt"):
    m = re.match(r"gpxpy (\S+): ([0-9.]+) MB/s, ([0-9.]+) points/s", line)
    if m:
        gpxpy[m[1]] = (float(m[2]), float(m[3]))
verdict = lambda r, t: f"{r:6.1f}x (target >= {t}x) -> {'PASS' if r >= t else 'FAIL'}"

print("\nin memory (MB/s of file bytes; points = samples returned):")
for name, key, label in [("BM_GpxParseCorpus", "corpus", "GPX corpus (50 files)"),
                         ("BM_GpxParseBigTrack", "big_track.gpx", "big_track.gpx")]:
    o = ours[name]
    g_mb, g_pt = gpxpy[key]
    print(f"  {label:<22} stridecare {o['MB/s']:7.1f} MB/s {o['points/s']/1e6:5.2f} M points/s | "
          f"gpxpy {g_mb:5.2f} MB/s {g_pt/1e6:5.3f} M points/s | {verdict(o['MB/s'] / g_mb, 10)}")
for name, label in [("BM_TcxParseCorpus", "TCX corpus (8 files)"), ("BM_TcxParseBigTrack", "big_track.tcx")]:
    o = ours[name]
    print(f"  {label:<22} stridecare {o['MB/s']:7.1f} MB/s {o['points/s']/1e6:5.2f} M points/s | "
          f"(gpxpy reads no TCX)")

by = json.load(open(tmp / "whole.json"))
med = lambda label, what: statistics.median(by[label][what])
def spread(a, b):
    """10th-90th percentile of the per-round ratios b/a (wall): how much the load moved them."""
    deciles = statistics.quantiles([y / x for x, y in zip(by[a]["wall"], by[b]["wall"])], n=10, method="inclusive")
    return f"rounds {deciles[0]:.1f}-{deciles[-1]:.1f}x"
def ratio(theirs, ours):
    """User time is sampled at the clock tick: a short run may show none."""
    return f"{theirs / ours:5.1f}x" if ours > 0 else "  n/a (no tick)"
def files_of(kind, which):
    if which == "big":
        return [data / f"big_track.{kind}"]
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() == f".{kind}")
print("\nwhole process (median of the interleaved rounds, wall time; CPU = user + sys of the process, user alone;"
      " points = what stridecare returns; stridecare on every core as `import` is, and on one, `-j 1`):")
for kind in ["gpx", "tcx"]:
    for which in ["corpus", "big"]:
        files = files_of(kind, which)
        size = sum(os.path.getsize(f) for f in files)
        points = int(re.search(r"([0-9]+) points", open(tmp / f"points_{which}_{kind}.txt").read())[1])
        print(f"  {kind.upper()} {which} ({len(files)} files, {size/1e6:.1f} MB, {points} points):")
        mine = [f"ours {which} {kind}"] + ([f"ours-1 {which} {kind}"] if which == "corpus" else [])
        for label in mine:
            wall, cpu = med(label, "wall"), med(label, "cpu")
            name = "stridecare -j 1" if label.startswith("ours-1") else "stridecare"
            print(f"      {name:<16} {wall*1e3:7.1f} ms ({size/wall/1e6:6.1f} MB/s, "
                  f"{points/wall/1e6:5.2f} M points/s, CPU {cpu*1e3:6.1f} ms, user {med(label, 'user')*1e3:6.1f} ms)")
        for ref in ["gpsbabel-read", "gpsbabel-unicsv"]:
            g = f"{ref} {which} {kind}"
            gw, gc = med(g, "wall"), med(g, "cpu")
            print(f"      {ref:<16} {gw*1e3:7.1f} ms ({size/gw/1e6:6.1f} MB/s, "
                  f"{points/gw/1e6:5.2f} M points/s, CPU {gc*1e3:6.1f} ms, user {med(g, 'user')*1e3:6.1f} ms)")
            for label in mine:
                name = "-j 1" if label.startswith("ours-1") else "stridecare"
                print(f"          vs {name:<10} wall {verdict(gw / med(label, 'wall'), 5)} ({spread(label, g)})"
                      f" | CPU {gc / med(label, 'cpu'):5.1f}x | user {ratio(med(g, 'user'), med(label, 'user'))}")
        if which == "corpus":
            # Start-up (measured alone) is most of a run on these small files; the
            # parsing itself is what is left.
            o0, g0 = med("ours start", "wall"), med("gpsbabel start", "wall")
            g = med(f"gpsbabel-read {which} {kind}", "wall")
            for label in mine:
                ours_parse, babel_parse = med(label, "wall") - o0, g - g0
                name = "stridecare -j 1" if label.startswith("ours-1") else "stridecare"
                print(f"      less start-up (stridecare {o0*1e3:.1f} ms, gpsbabel {g0*1e3:.1f} ms):"
                      f" {name} {ours_parse*1e3:.1f} ms, gpsbabel-read {babel_parse*1e3:.1f} ms"
                      + (f", {babel_parse/ours_parse:.1f}x" if ours_parse > 0 else ", below the noise"))
PY
