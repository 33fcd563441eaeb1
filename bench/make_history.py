#!/usr/bin/env python3
"""Writes a stridecare export with 10 years of daily runs and pain check-ins
(3,650 of each) ending on --end, for the whole-process latency benchmark."""
import argparse
import datetime as dt
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("--days", type=int, default=3650)
parser.add_argument("--end", default="2026-03-01")
parser.add_argument("--out", required=True)
args = parser.parse_args()

rng = random.Random(42)
end = dt.date.fromisoformat(args.end)
activities, checkins = [], []
next_id = 1
for i in range(args.days):
    day = (end - dt.timedelta(days=args.days - 1 - i)).isoformat()
    km = round(rng.uniform(5, 16), 2)
    activities.append({"id": next_id, "sport": "run", "date": day, "distance_m": km * 1000,
                       "duration_s": round(km * rng.uniform(300, 390)), "rpe": rng.randint(3, 7),
                       "exercises": [], "note": ""})
    next_id += 1
    pain = rng.choice([0, 0, 0, 1, 1, 2, 2, 3, 4])
    checkins.append({"id": next_id, "date": day, "time": "19:00", "site": rng.choice(["knee", "hip"]),
                     "region": None, "side": rng.choice(["left", "right"]), "pain": pain,
                     "timing": "after_run", "persists_after_run": False, "cleared_by_clinician": False,
                     "note": ""})
    next_id += 1
doc = {"format": "stridecare-export", "version": 1,
       "profile": {"time_zone": "Europe/London", "available_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                   "long_run_day": "sun", "cross_training": ["swim", "cycle"], "gym_access": True,
                   "strength_per_week": 2},
       "activities": activities, "checkins": checkins}
with open(args.out, "w") as f:
    json.dump(doc, f)
print(f"wrote {args.out}: {len(activities)} runs, {len(checkins)} check-ins, {args.days} days to {args.end}")
