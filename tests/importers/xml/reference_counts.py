#!/usr/bin/python3
"""ctest importers_xml_reference_counts: recounts the track points of every
GPX and TCX file of the corpus with the reference tools, at test time, and
compares them with what stridecare's parser returns (xml_point_counts) and
with the checked-in golden files (gpx_point_counts.tsv, tcx_point_counts.tsv,
which corpus_test.cpp reads):

  GPX  samples = python3-gpxpy's track points (trk/trkseg/trkpt);
  TCX  samples = Trackpoints under Activities (xml.etree, by namespace URI),
       samples with a position = gpsbabel -i gtrnctr's track points.

Divergences are allowed only where listed below, with the reason. The
reference tools are required: a missing gpxpy or gpsbabel fails the test.

    /usr/bin/python3 reference_counts.py CORPUS_DIR XML_POINT_COUNTS
"""
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

try:
    import gpxpy  # noqa: F401  (python3-gpxpy, installed by scripts/install-deps.sh)
except ImportError:
    sys.exit("FAIL: python3-gpxpy is missing (run scripts/install-deps.sh)")
if shutil.which("gpsbabel") is None:
    sys.exit("FAIL: gpsbabel is missing (run scripts/install-deps.sh)")

import gpx_counts  # noqa: E402
import tcx_counts  # noqa: E402

# GPX files gpxpy rejects, and what we do instead.
GPX_GPXPY_REJECTS = {
    # lat="undefined": we keep both points, without a position.
    "togeojson/test/data/bad.gpx": ("2", "0"),
}
# TCX files whose positioned count differs from gpsbabel's, and ours.
TCX_GPSBABEL_DIFFERS = {
    # gpsbabel drops any point with a coordinate equal to 0 (and reads "no" as 0);
    # we drop 0,0 and non-numeric coordinates but keep 0,10.
    "togeojson/test/data/bad.tcx": "1",
}


def ours(tool, files):
    run = subprocess.run([tool, *map(str, files)], capture_output=True, text=True, check=True)
    out = {}
    for line in run.stdout.splitlines():
        path, first, second = line.split("\t", 2)
        out[path] = (first, second)
    return out


def golden(name):
    rows = {}
    for line in (HERE / name).read_text().splitlines():
        if not line or line.startswith("#") or line.startswith("path\t"):
            continue
        cells = line.split("\t")
        rows[cells[0]] = cells[1:]
    return rows


def main() -> int:
    corpus = pathlib.Path(sys.argv[1]).resolve()
    tool = sys.argv[2]
    failures = []
    fail = failures.append

    gpx_files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() == ".gpx")
    tcx_files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() == ".tcx")
    if len(gpx_files) < 50 or len(tcx_files) < 8:
        fail(f"corpus {corpus}: {len(gpx_files)} GPX and {len(tcx_files)} TCX files, expected at least 50 and 8")

    gpx_golden = golden("gpx_point_counts.tsv")
    parsed = ours(tool, gpx_files)
    for path in gpx_files:
        rel = path.relative_to(corpus).as_posix()
        reference = gpx_counts.gpxpy_count(path)
        if gpx_golden.get(rel, [None])[0] != reference:
            fail(f"{rel}: gpxpy counts {reference}, gpx_point_counts.tsv says {gpx_golden.get(rel)} (rerun gpx_counts.py)")
        first, second = parsed[str(path)]
        if reference == "error":
            expected = GPX_GPXPY_REJECTS.get(rel)
            if expected is None:
                fail(f"{rel}: gpxpy rejects it, and it is not a listed divergence (we give {first} {second})")
            elif (first, second) != expected:
                fail(f"{rel}: expected {expected} samples/positioned, got {first} {second}")
        elif reference == "0":
            # No track point: we reject the file, naming what it holds instead.
            if first != "rejected" or "no track" not in second:
                fail(f"{rel}: gpxpy finds no track point; we give {first} {second}")
        elif first != reference:
            fail(f"{rel}: gpxpy counts {reference} track points, we {first}")

    tcx_golden = golden("tcx_point_counts.tsv")
    parsed = ours(tool, tcx_files)
    for path in tcx_files:
        rel = path.relative_to(corpus).as_posix()
        trackpoints = tcx_counts.activity_trackpoints(path)
        babel = tcx_counts.gpsbabel_points(path)
        if tcx_golden.get(rel) != [trackpoints, babel]:
            fail(f"{rel}: references give {trackpoints} {babel}, tcx_point_counts.tsv says {tcx_golden.get(rel)} "
                 "(rerun tcx_counts.py)")
        first, second = parsed[str(path)]
        if trackpoints == "0":
            # No Activities (a Courses file): we reject it; gpsbabel reads the course points.
            if first != "rejected" or "no activity in file" not in second:
                fail(f"{rel}: no Trackpoint under Activities; we give {first} {second}")
            continue
        if first != trackpoints:
            fail(f"{rel}: {trackpoints} Trackpoints under Activities, we return {first} samples")
        expected_positioned = TCX_GPSBABEL_DIFFERS.get(rel, babel)
        if second != expected_positioned:
            fail(f"{rel}: gpsbabel reads {babel} positioned points (expected {expected_positioned}), we {second}")

    for f in failures:
        print("FAIL:", f)
    print(f"{len(gpx_files)} GPX files against gpxpy {gpxpy.__version__}, {len(tcx_files)} TCX files against "
          f"xml.etree and gpsbabel: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
