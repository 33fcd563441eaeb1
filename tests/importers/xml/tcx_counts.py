#!/usr/bin/python3
"""Prints, for every .tcx file under the corpus, two trackpoint counts made
by tools other than ours:

  trackpoints  Trackpoint elements under Activities (any Activity, any Lap,
               any Track), counted with xml.etree by namespace URI: what our
               importer must return as samples, with or without a position;
  gpsbabel     track points that `gpsbabel -t -i gtrnctr -f FILE -o unicsv -F -`
               prints (GPSBabel skips points without a position, and also
               those with a coordinate equal to 0, and reads Courses too).

The output is the golden file tcx_point_counts.tsv that the C++ corpus test
compares against. Regenerate it after the corpus changes:

    /usr/bin/python3 tests/importers/xml/tcx_counts.py ../shared/corpus \
        > tests/importers/xml/tcx_point_counts.tsv

Needs the Debian package gpsbabel (1.8.0).
"""
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

TCD = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def activity_trackpoints(path: pathlib.Path) -> str:
    try:
        root = ET.fromstring(path.read_bytes().lstrip())
    except ET.ParseError:
        return "error"
    activities = root.find(TCD + "Activities")
    return str(0 if activities is None else len(activities.findall(".//" + TCD + "Trackpoint")))


def gpsbabel_points(path: pathlib.Path) -> str:
    run = subprocess.run(["gpsbabel", "-t", "-i", "gtrnctr", "-f", str(path), "-o", "unicsv", "-F", "-"],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return "error"
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    return str(max(0, len(lines) - 1))  # minus the header line


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    version = subprocess.run(["gpsbabel", "-V"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"# xml.etree Trackpoints under Activities; {version}: positioned track points\npath\ttrackpoints\tgpsbabel")
    for path in sorted(p for p in root.rglob("*") if p.suffix.lower() == ".tcx" and p.is_file()):
        print(f"{path.relative_to(root).as_posix()}\t{activity_trackpoints(path)}\t{gpsbabel_points(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
