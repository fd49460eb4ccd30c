#!/usr/bin/env python3
"""Differential check of `imrf deadline` against two outside oracles.

numpy's busday_offset and QuantLib's Calendar.advance (a BespokeCalendar with
the same holidays and a Saturday-Sunday weekend) answer the same random
(date, N) questions as the built imrf binary, over the whole coverage of
Calendars/un-new-york.ics. Every answer must agree.

The holidays are read from the .ics file here, independently of imrf's own
reader, and compared with what `imrf calendar show --json` reports.

usage: working_days_oracle.py IMRF_BINARY CALENDAR_ICS [PAIRS]
"""
import datetime as dt
import json
import random
import re
import subprocess
import sys
from collections import defaultdict

import numpy as np
import QuantLib as ql


def read_ics(path):
    """DTSTART dates of non-cancelled VEVENTs, and the declared coverage."""
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n").replace("\n ", "")
    holidays = set()
    for event in re.findall(r"BEGIN:VEVENT\n(.*?)END:VEVENT", text, re.S):
        if "STATUS:CANCELLED" in event:
            continue
        assert "RRULE" not in event, "this oracle reads explicit dates only"
        day = re.search(r"^DTSTART;VALUE=DATE:(\d{8})$", event, re.M).group(1)
        holidays.add(dt.datetime.strptime(day, "%Y%m%d").date())
    start = re.search(r"X-IMRF-COVERAGE-START;VALUE=DATE:(\d{8})", text).group(1)
    end = re.search(r"X-IMRF-COVERAGE-END;VALUE=DATE:(\d{8})", text).group(1)
    parse = lambda s: dt.datetime.strptime(s, "%Y%m%d").date()
    return sorted(holidays), parse(start), parse(end)


def main():
    binary, ics = sys.argv[1], sys.argv[2]
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    holidays, start, end = read_ics(ics)

    shown = json.loads(subprocess.run([binary, "calendar", "show", ics, "--json"],
                                      check=True, capture_output=True, text=True).stdout)
    imrf_holidays = sorted({dt.date.fromisoformat(h["date"]) for h in shown["holidays"]})
    assert imrf_holidays == holidays, "imrf reads different holidays from the file than the oracle"
    assert shown["coverage"] == {"start": start.isoformat(), "end": end.isoformat()}

    np_holidays = np.array(holidays, dtype="datetime64[D]")
    qcal = ql.BespokeCalendar("un-new-york")
    qcal.addWeekend(ql.Saturday)
    qcal.addWeekend(ql.Sunday)
    for h in holidays:
        qcal.addHoliday(ql.Date(h.day, h.month, h.year))

    rng = random.Random(20260508)
    span = (end - start).days
    by_n = defaultdict(list)  # N -> [(from, expected)]
    tries = 0
    while sum(len(v) for v in by_n.values()) < pairs:
        tries += 1
        d = start + dt.timedelta(days=rng.randrange(span + 1))
        n = rng.randint(-60, 60)
        d64 = np.datetime64(d.isoformat())
        # busday_offset counts from the rolled date; rolling away from the
        # direction of travel makes D itself never count, as in QuantLib.
        roll = "forward" if n <= 0 else "backward"
        expected = np.busday_offset(d64, n, roll=roll, weekmask="1111100", holidays=np_holidays)
        exp = dt.date.fromisoformat(str(expected))
        # Keep questions whose every needed day lies inside the coverage.
        if not (start <= min(d, exp) and max(d, exp) <= end):
            continue
        ql_result = qcal.advance(ql.Date(d.day, d.month, d.year), n, ql.Days,
                                 ql.Following if n == 0 else ql.Unadjusted)
        q = dt.date(ql_result.year(), ql_result.month(), ql_result.dayOfMonth())
        assert q == exp, f"numpy and QuantLib disagree on {d} {n:+}: {exp} vs {q}"
        by_n[n].append((d, exp))

    mismatches = 0
    checked = 0
    for n, questions in sorted(by_n.items()):
        args = [binary, "deadline", "-", "--working-days", str(n), "--calendar", ics]
        if n == 0:
            args += ["--roll", "following"]
        stdin = "".join(f"{d.isoformat()}\n" for d, _ in questions)
        out = subprocess.run(args, input=stdin, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"imrf failed for N={n}: exit {out.returncode}\n{out.stderr[:2000]}", file=sys.stderr)
            sys.exit(1)
        lines = out.stdout.splitlines()
        assert len(lines) == len(questions), f"N={n}: {len(lines)} answers for {len(questions)} questions"
        for (d, exp), line in zip(questions, lines):
            got_from, got = line.split()
            checked += 1
            if got_from != d.isoformat() or got != exp.isoformat():
                mismatches += 1
                if mismatches <= 20:
                    print(f"MISMATCH {d} {n:+}: imrf {got}, numpy/QuantLib {exp}", file=sys.stderr)
    print(f"working-day oracle: {checked} (date, N) pairs over {start}..{end}, "
          f"{len(holidays)} holidays; numpy and QuantLib agree with each other on all")
    print(f"{checked - mismatches} passed, {mismatches} failed")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
