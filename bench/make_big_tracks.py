#!/usr/bin/python3
"""Writes a large, realistic GPX and TCX file of the same run for the XML
parse benchmark (bench/xml_parse.sh); they are generated, not checked in.

    python3 bench/make_big_tracks.py OUT_DIR [POINTS]

OUT_DIR/big_track.gpx: GPX 1.1 as Garmin Connect exports it (default namespace,
`ns3:` TrackPointExtension v1 with hr and cad, ele, time with milliseconds,
indented). OUT_DIR/big_track.tcx: the same points as TrainingCenterDatabase v2
(Position, AltitudeMeters, DistanceMeters, HeartRateBpm, `ns3:` ActivityExtension
v2 TPX with Speed and RunCadence), one Lap per 1,000 points. POINTS defaults to
100,000 (one point a second, a 28-hour ultra). Deterministic: the same
arguments give the same bytes.
"""
import datetime
import math
import pathlib
import random
import sys

EARTH_RADIUS_M = 6371008.8
START = datetime.datetime(2024, 3, 1, 7, 0, 0, tzinfo=datetime.timezone.utc)
POINTS_PER_LAP = 1000


def track(points: int):
    """(time, lat, lon, ele, distance_m, speed, hr, cad) per second of a wandering run."""
    rng = random.Random(20240301)
    lat, lon, ele, heading, distance = 46.0569, 14.5058, 295.0, 0.3, 0.0
    for i in range(points):
        speed = 2.8 + 0.6 * math.sin(i / 600.0) + rng.uniform(-0.15, 0.15)
        heading += rng.uniform(-0.08, 0.08)
        step = speed  # one second
        lat += math.degrees(step * math.cos(heading) / EARTH_RADIUS_M)
        lon += math.degrees(step * math.sin(heading) / (EARTH_RADIUS_M * math.cos(math.radians(lat))))
        ele += rng.uniform(-0.4, 0.4)
        distance += step
        hr = int(140 + 15 * math.sin(i / 900.0) + rng.randint(-3, 3))
        cad = int(84 + rng.randint(-3, 3))
        yield START + datetime.timedelta(seconds=i), lat, lon, ele, distance, speed, hr, cad


def iso(t: datetime.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def write_gpx(path: pathlib.Path, points: int) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<gpx creator="Garmin Connect" version="1.1" '
                'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/11.xsd" '
                'xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
                'xmlns="http://www.topografix.com/GPX/1/1" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xmlns:ns2="http://www.garmin.com/xmlschemas/GpxExtensions/v3">\n'
                f'  <metadata>\n    <link href="connect.garmin.com">\n      <text>Garmin Connect</text>\n'
                f'    </link>\n    <time>{iso(START)}</time>\n  </metadata>\n'
                '  <trk>\n    <name>Ljubljana Ultra</name>\n    <type>running</type>\n    <trkseg>\n')
        for t, lat, lon, ele, _, _, hr, cad in track(points):
            f.write(f'      <trkpt lat="{lat:.8f}" lon="{lon:.8f}">\n'
                    f'        <ele>{ele:.15g}</ele>\n'
                    f'        <time>{iso(t)}</time>\n'
                    '        <extensions>\n'
                    '          <ns3:TrackPointExtension>\n'
                    f'            <ns3:hr>{hr}</ns3:hr>\n'
                    f'            <ns3:cad>{cad}</ns3:cad>\n'
                    '          </ns3:TrackPointExtension>\n'
                    '        </extensions>\n'
                    '      </trkpt>\n')
        f.write('    </trkseg>\n  </trk>\n</gpx>\n')


def write_tcx(path: pathlib.Path, points: int) -> None:
    rows = list(track(points))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<TrainingCenterDatabase '
                'xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 '
                'http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd" '
                'xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1" '
                'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2" '
                'xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2" '
                'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xmlns:ns4="http://www.garmin.com/xmlschemas/ProfileExtension/v1">\n'
                '  <Activities>\n    <Activity Sport="Running">\n'
                f'      <Id>{iso(START)}</Id>\n')
        for lap_start in range(0, len(rows), POINTS_PER_LAP):
            lap = rows[lap_start:lap_start + POINTS_PER_LAP]
            previous = rows[lap_start - 1][4] if lap_start else 0.0
            f.write(f'      <Lap StartTime="{iso(lap[0][0])}">\n'
                    f'        <TotalTimeSeconds>{float(len(lap))}</TotalTimeSeconds>\n'
                    f'        <DistanceMeters>{lap[-1][4] - previous:.2f}</DistanceMeters>\n'
                    f'        <MaximumSpeed>{max(r[5] for r in lap):.15g}</MaximumSpeed>\n'
                    f'        <Calories>{len(lap) // 10}</Calories>\n'
                    f'        <AverageHeartRateBpm>\n          <Value>{sum(r[6] for r in lap) // len(lap)}</Value>\n'
                    '        </AverageHeartRateBpm>\n'
                    f'        <MaximumHeartRateBpm>\n          <Value>{max(r[6] for r in lap)}</Value>\n'
                    '        </MaximumHeartRateBpm>\n'
                    '        <Intensity>Active</Intensity>\n        <TriggerMethod>Manual</TriggerMethod>\n'
                    '        <Track>\n')
            for t, lat, lon, ele, distance, speed, hr, cad in lap:
                f.write('          <Trackpoint>\n'
                        f'            <Time>{iso(t)}</Time>\n'
                        '            <Position>\n'
                        f'              <LatitudeDegrees>{lat:.15g}</LatitudeDegrees>\n'
                        f'              <LongitudeDegrees>{lon:.15g}</LongitudeDegrees>\n'
                        '            </Position>\n'
                        f'            <AltitudeMeters>{ele:.15g}</AltitudeMeters>\n'
                        f'            <DistanceMeters>{distance:.15g}</DistanceMeters>\n'
                        f'            <HeartRateBpm>\n              <Value>{hr}</Value>\n            </HeartRateBpm>\n'
                        '            <Extensions>\n'
                        '              <ns3:TPX>\n'
                        f'                <ns3:Speed>{speed:.15g}</ns3:Speed>\n'
                        f'                <ns3:RunCadence>{cad}</ns3:RunCadence>\n'
                        '              </ns3:TPX>\n'
                        '            </Extensions>\n'
                        '          </Trackpoint>\n')
            f.write('        </Track>\n      </Lap>\n')
        f.write('      <Creator xsi:type="Device_t">\n        <Name>Forerunner 965</Name>\n'
                '      </Creator>\n    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n')


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1])
    points = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    out.mkdir(parents=True, exist_ok=True)
    write_gpx(out / "big_track.gpx", points)
    write_tcx(out / "big_track.tcx", points)
    return 0


if __name__ == "__main__":
    sys.exit(main())
