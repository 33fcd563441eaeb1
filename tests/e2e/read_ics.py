#!/usr/bin/python3
"""Reads an .ics file with an independent parser (Debian's python3-icalendar)
and prints its events as JSON for the end-to-end tests: what a calendar
application would see, not what stridecare says it wrote."""
import datetime
import json
import sys

import icalendar


def when(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def main():
    with open(sys.argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for e in cal.walk("VEVENT"):
        events.append({
            "uid": str(e["UID"]),
            "sequence": int(e["SEQUENCE"]),
            "dtstamp": when(e["DTSTAMP"]),
            "dtstart": when(e["DTSTART"]),
            "dtend": when(e["DTEND"]),
            "summary": str(e["SUMMARY"]),
            "description": str(e.get("DESCRIPTION", "")),
            "status": str(e["STATUS"]),
        })
    json.dump({"method": str(cal["METHOD"]), "version": str(cal["VERSION"]), "events": events}, sys.stdout)


if __name__ == "__main__":
    main()
