#!/usr/bin/env bash
# Regenerates data/demo/demo-export.json: about twenty weeks (2025-10-27 to the
# demo day 2026-03-17, scripts/run.sh) of a runner whose left knee hurt twice,
# each time within days of a long run well over the longest run of the previous
# 30 days (LOAD-SPIKE-1, moderate band: > 1.30x):
#   - 16 km on 2025-12-14 after long runs of at most 12 km -> knee pain 2025-12-15,
#     pain-free check-ins from 2025-12-18 (the episode ends, rules.md section 1);
#   - 20 km on 2026-03-15 after long runs of at most 14 km -> knee pain that day.
# In between, eleven pain-free weeks in which no run exceeds 1.10x the 30-day
# longest, so `stridecare insights` has something to say.
# Uses the built program (scripts/run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${STRIDECARE_EXE:-build/release/src/cli/stridecare}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sc() { "$exe" --db "$tmp/demo.db" "$@" >/dev/null; }
# plus DAY N: the day N days after DAY.
plus() { date -d "$1 + $2 days" +%F; }
# long_run DAY KM [NOTE]: a long run at 6 min/km.
long_run() { sc log run --date "$1" --distance "$2km" --duration "$(($2 * 6 + 3)):00" --rpe 6 --note "${3:-long run}"; }
knee() { # knee DAY TIME PAIN TIMING [NOTE]: a left outer knee check-in.
  sc log pain --date "$1" --time "$2" --site knee --region outer --side left --pain "$3" --timing "$4" --note "${5:-}"
}

# The usual Monday to Saturday from MONDAY: strength Mon and Wed, easy 6 km
# Tue, 7 km with a tempo middle Thu, a swim Sat.
weekdays() {
  local monday=$1
  sc log strength --date "$monday" --exercise squat:3x10@40kg --exercise romanian_deadlift:3x8@50kg --exercise lunge:3x10
  sc log run --date "$(plus "$monday" 1)" --distance 6km --duration 36:30 --rpe 4
  sc log strength --date "$(plus "$monday" 2)" --exercise leg_press:3x12@80kg --exercise good_morning:3x10@20kg
  sc log run --date "$(plus "$monday" 3)" --distance 7km --duration 41:00 --rpe 5 --note "tempo middle 2 km"
  sc log cross --sport swim --date "$(plus "$monday" 5)" --duration 35:00 --rpe 3
}
# A usual week from MONDAY, with the long run of LONG km on Sunday.
week() {
  weekdays "$1"
  long_run "$(plus "$1" 6)" "$2"
}

sc profile --tz Europe/London --available mon,tue,wed,thu,sat,sun --long-run-day sun --cross swim,cycle,walk \
  --gym yes --strength-per-week 2

# Autumn base: the long run grows by at most 1 km a week (never > 1.10x).
week 2025-10-27 10
week 2025-11-03 10
week 2025-11-10 11
week 2025-11-17 11
week 2025-11-24 12
week 2025-12-01 12

# First episode: a 16 km club run (1.33x the 12 km longest of the previous
# 30 days), knee pain next morning, three days off running, pain-free by Thursday.
weekdays 2025-12-08
long_run 2025-12-14 16 "club long run, went with the group"
knee 2025-12-15 07:30 3 next_morning "sore on the stairs"
knee 2025-12-16 19:00 2 at_rest
sc log cross --sport cycle --date 2025-12-16 --duration 40:00 --rpe 4 --note "pain-free on the bike"
knee 2025-12-17 19:00 1 at_rest
sc log cross --sport swim --date 2025-12-17 --duration 35:00 --rpe 3
knee 2025-12-18 07:30 0 next_morning
sc log run --date 2025-12-18 --distance 5km --duration 31:00 --rpe 3 --note "easy, knee fine"
knee 2025-12-19 07:30 0 next_morning
knee 2025-12-20 07:30 0 next_morning
sc log cross --sport swim --date 2025-12-20 --duration 35:00 --rpe 3
long_run 2025-12-21 10 "back to a shorter long run"

# Winter: pain-free, the long run back up gradually (never > 1.10x).
week 2025-12-22 11
week 2025-12-29 12
week 2026-01-05 12
week 2026-01-12 13
week 2026-01-19 13
week 2026-01-26 14
week 2026-02-02 14
week 2026-02-09 14
week 2026-02-16 14
week 2026-02-23 14
week 2026-03-02 14

# Second episode: 20 km on 2026-03-15 (1.43x the 14 km longest of the previous
# 30 days), sore left knee (outer side) that evening.
weekdays 2026-03-09
sc log run --date 2026-03-15 --distance 20km --duration 2:03:00 --rpe 6 --note "half-marathon rehearsal"
knee 2026-03-15 18:30 3 after_run
knee 2026-03-16 07:30 4 next_morning
knee 2026-03-17 19:00 4 at_rest "stairs hurt"
sc log cross --sport cycle --date 2026-03-17 --duration 40:00 --rpe 4 --note "pain-free on the bike"
"$exe" --db "$tmp/demo.db" export --format json > data/demo/demo-export.json
echo "wrote data/demo/demo-export.json"
