"""Checks Cadence's .ics files with a real iCalendar parser (PyPI icalendar).

Usage: check_ics.py FIRST.ics SECOND.ics
FIRST and SECOND are the same agenda made on two days. Exits non-zero naming
what is wrong; prints the summaries of FIRST when all is well.
"""
import sys

import icalendar


def events(path):
    raw = open(path, "rb").read()
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            sys.exit(f"{path}:{number}: line of {len(line)} octets (RFC 5545 folds at 75)")
    if b"\n" in raw.replace(b"\r\n", b""):
        sys.exit(f"{path}: a bare LF (lines end with CRLF)")
    calendar = icalendar.Calendar.from_ical(raw)
    found = [c for c in calendar.walk("VEVENT")]
    for event in found:
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if required not in event:
                sys.exit(f"{path}: an event without {required}")
    return found


first, second = events(sys.argv[1]), events(sys.argv[2])
uids = [str(e["UID"]) for e in first]
if len(set(uids)) != len(uids):
    sys.exit("UIDs repeat within one file")
by_summary = {str(e["SUMMARY"]): str(e["UID"]) for e in second}
for event in first:
    summary = str(event["SUMMARY"])
    if summary in by_summary and by_summary[summary] != str(event["UID"]):
        sys.exit(f"the UID of '{summary}' changed between days")
for event in first:
    print(f'{event["DTSTART"].dt.isoformat()} {event["SUMMARY"]} | {str(event["DESCRIPTION"]).splitlines()[0]}')
