"""Parses an iCalendar file with Python's icalendar package (an
implementation independent of imrf) and prints what it read as JSON, so the
end-to-end tests can compare it with the deliverables.

usage: ics_check.py FILE.ics
Exit 1 with a message when the file does not parse or a component lacks a
property RFC 5545 requires.
"""
import json
import sys

import icalendar


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    problems = []
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            problems.append(f"{component.name}: {error}")
    for name in ("PRODID", "VERSION"):
        if name not in calendar:
            problems.append(f"VCALENDAR lacks {name}")
    events = []
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if name not in event:
                problems.append(f"VEVENT lacks {name}")
        alarms = []
        for alarm in event.walk("VALARM"):
            for name in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if name not in alarm:
                    problems.append(f"VALARM lacks {name}")
            trigger = alarm.decoded("TRIGGER")
            alarms.append({
                "action": str(alarm["ACTION"]),
                "trigger": trigger.isoformat() if hasattr(trigger, "isoformat") else str(trigger),
            })
        start = event.decoded("DTSTART")
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
            "start": start.isoformat(),
            "allDay": not hasattr(start, "hour"),
            "alarms": alarms,
        })
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
