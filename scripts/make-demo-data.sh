#!/usr/bin/env bash
# Regenerates data/demo/demo-export.json: six weeks of a runner whose left knee
# started to hurt after a long run. Uses the built program (scripts/run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${STRIDECARE_EXE:-build/release/src/cli/stridecare}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sc() { "$exe" --db "$tmp/demo.db" "$@" >/dev/null; }

sc profile --tz Europe/London --available mon,tue,wed,thu,sat,sun --long-run-day sun --cross swim,cycle,walk \
  --gym yes --strength-per-week 2
# Weeks of easy running: Tue, Thu, Sun long run growing; strength Mon/Wed or Thu; a swim on Saturdays.
week=0
for monday in 2026-02-02 2026-02-09 2026-02-16 2026-02-23 2026-03-02 2026-03-09; do
  d() { date -d "$monday + $1 days" +%F; }
  long=$((10 + week * 2))
  sc log run --date "$(d 1)" --distance 6km --duration 36:30 --rpe 4
  sc log run --date "$(d 3)" --distance 7km --duration 41:00 --rpe 5 --note "tempo middle 2 km"
  sc log cross --sport swim --date "$(d 5)" --duration 35:00 --rpe 3
  sc log run --date "$(d 6)" --distance "${long}km" --duration "$((long * 6 + 3)):00" --rpe 6
  sc log strength --date "$(d 0)" --exercise squat:3x10@40kg --exercise deadlift:3x8@50kg --exercise lunge:3x10
  sc log strength --date "$(d 2)" --exercise leg_press:3x12@80kg --exercise good_morning:3x10@20kg
  week=$((week + 1))
done
# The 20 km long run on 2026-03-15 was followed by a sore left knee (outer side).
sc log pain --date 2026-03-15 --time 18:30 --site knee --region outer --side left --pain 3 --timing after_run
sc log pain --date 2026-03-16 --time 07:30 --site knee --region outer --side left --pain 4 --timing next_morning
sc log pain --date 2026-03-17 --time 19:00 --site knee --region outer --side left --pain 4 --timing at_rest \
  --note "stairs hurt"
sc log cross --sport cycle --date 2026-03-17 --duration 40:00 --rpe 4 --note "pain-free on the bike"
"$exe" --db "$tmp/demo.db" export --format json > data/demo/demo-export.json
echo "wrote data/demo/demo-export.json"
