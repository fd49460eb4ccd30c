#!/usr/bin/env python3
"""Checks the projected years of a holiday calendar against an independent
derivation of UN Headquarters' nine official holidays.

For every year the .ics file marks X-IMRF-STATE=PROJECTED, the holidays are
derived here without imrf: US dates from the `holidays` package (and Easter
from python-dateutil, which it depends on) for New Year's Day, Memorial Day,
Independence Day, Labour Day, Thanksgiving and Christmas, Good Friday as
Easter minus two days; both Eids from `hijridate`'s Umm al-Qura tables.
Then the observance rule of the circulars: Saturday on the Friday, Sunday on
the Monday, an Eid on a day already a holiday on the next working day. The
file must hold exactly those dates, named the same, every one tentative.

Known exceptions (dates recorded before the rule was written down) are
listed below with their reason; nothing else may differ.

usage: projection_oracle.py CALENDAR_ICS
"""
import datetime as dt
import re
import sys

import holidays as us_holidays
from dateutil.easter import easter
from hijridate import Gregorian, Hijri

# (year, name) -> the date the file keeps instead of the rule's, and why.
EXCEPTIONS = {
    (2022, "Eid al-Adha"): (dt.date(2022, 7, 11), "estimate recorded in imrf-facts.md before the rule (Umm al-Qura: Saturday 9 July)"),
}

US_NAMES = {
    "New Year's Day": "New Year's Day",
    "Memorial Day": "Memorial Day",
    "Independence Day": "Independence Day",
    "Labor Day": "Labour Day",
    "Thanksgiving": "Thanksgiving Day",
    "Thanksgiving Day": "Thanksgiving Day",
    "Christmas Day": "Christmas Day",
}


def observed(day):
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def us_dates(year):
    """The US (not observed) dates of the six federal holidays the UN keeps."""
    found = {}
    for day, name in us_holidays.US(years=year, observed=False).items():
        if name in US_NAMES:
            found[US_NAMES[name]] = day
    assert len(found) == 6, f"holidays package gave {found} for {year}"
    return found


def eid(year, month, day):
    hijri_year = Gregorian(year, 1, 1).to_hijri().year
    for candidate in (hijri_year, hijri_year + 1):
        g = Hijri(candidate, month, day).to_gregorian()
        if g.year == year:
            return dt.date(g.year, g.month, g.day)
    raise AssertionError(f"no {month}/{day} in {year}")


def derive(year):
    """(date, name) pairs observed in `year`."""
    fixed = []
    for name, day in us_dates(year).items():
        fixed.append((observed(day), name))
    fixed.append((easter(year) - dt.timedelta(days=2), "Good Friday"))
    next_new_year = observed(dt.date(year + 1, 1, 1))
    if next_new_year.year == year:
        fixed.append((next_new_year, "New Year's Day"))
    fixed = [(d, n) for d, n in fixed if d.year == year]
    taken = {d for d, _ in fixed}
    result = list(fixed)
    for name, month, day in (("Eid al-Fitr", 10, 1), ("Eid al-Adha", 12, 10)):
        date = observed(eid(year, month, day))
        while date in taken or date.weekday() >= 5:
            date += dt.timedelta(days=1)
        if (year, name) in EXCEPTIONS:
            date = EXCEPTIONS[(year, name)][0]
        result.append((date, name))
    return sorted(result)


def read(path):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n").replace("\n ", "")
    projected = [int(y) for y in re.findall(r"^X-IMRF-YEAR;X-IMRF-STATE=PROJECTED:(\d{4})$", text, re.M)]
    start = dt.datetime.strptime(re.search(r"X-IMRF-COVERAGE-START;VALUE=DATE:(\d{8})", text).group(1), "%Y%m%d").date()
    events = []
    for event in re.findall(r"BEGIN:VEVENT\n(.*?)END:VEVENT", text, re.S):
        day = dt.datetime.strptime(re.search(r"^DTSTART;VALUE=DATE:(\d{8})$", event, re.M).group(1), "%Y%m%d").date()
        name = re.search(r"^SUMMARY:(.*)$", event, re.M).group(1)
        status = re.search(r"^STATUS:(.*)$", event, re.M).group(1)
        events.append((day, name, status))
    return projected, start, events


def main():
    projected, start, events = read(sys.argv[1])
    assert projected, "the calendar marks no year projected"
    checked = 0
    for year in projected:
        expected = [(d, n) for d, n in derive(year) if d >= start]
        found = sorted((d, n) for d, n, _ in events if d.year == year)
        if found != expected:
            print(f"projection_oracle: {year} differs", file=sys.stderr)
            print(f"  file:   {found}", file=sys.stderr)
            print(f"  oracle: {expected}", file=sys.stderr)
            sys.exit(1)
        statuses = {s for d, _, s in events if d.year == year}
        assert statuses == {"TENTATIVE"}, f"{year} is projected but has {statuses}"
        checked += len(found)
    # The rule itself, on the one case the circulars show it: Eid al-Fitr 2020,
    # calculated Sunday 24 May, observed Tuesday 26 May after Memorial Day.
    assert (dt.date(2020, 5, 26), "Eid al-Fitr") in derive(2020), derive(2020)
    print(f"projection oracle: {len(projected)} projected years, {checked} holidays agree "
          f"({len(EXCEPTIONS)} recorded exception)")


if __name__ == "__main__":
    main()
