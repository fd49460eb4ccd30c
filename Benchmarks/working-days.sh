#!/usr/bin/env bash
# Benchmark: 1,000,000 random (date, N) working-day queries over the UN
# calendar's coverage, answered by imrf's engine (release build) and by
# numpy's busday_offset with the same holidays and week mask, in one run.
# Checks that every answer agrees; the last line is the throughput ratio.
#
# usage: Benchmarks/working-days.sh [QUERIES]   (needs python3; installs numpy in a venv)
set -euo pipefail
cd "$(dirname "$0")/.."
queries=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

venv=Benchmarks/.venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import numpy' 2>/dev/null || "$venv/bin/pip" install -q numpy

swift build -c release --product working-days-benchmark >&2
bin=$(swift build -c release --show-bin-path)/working-days-benchmark

"$venv/bin/python" - "$bin" Calendars/un-new-york.ics "$queries" "$work" <<'PY'
import re, subprocess, sys, time
import numpy as np
binary, ics, n, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(ics, encoding="utf-8").read().replace("\r\n", "\n").replace("\n ", "")
hol = sorted({f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in re.findall(r"DTSTART;VALUE=DATE:(\d{8})", text)})
start = np.datetime64("2022-01-01"); end = np.datetime64("2027-12-31")
holidays = np.array(hol, dtype="datetime64[D]")
rng = np.random.default_rng(7)
# Dates and N chosen so every answer stays inside the coverage (margin of 120 days).
dates = start + 90 + rng.integers(0, (end - start).astype(int) - 180, n)
ns = rng.integers(-40, 41, n)
rolls_fwd = ns <= 0
t0 = time.perf_counter()
fwd = np.busday_offset(dates[rolls_fwd], ns[rolls_fwd], roll="forward", weekmask="1111100", holidays=holidays)
bwd = np.busday_offset(dates[~rolls_fwd], ns[~rolls_fwd], roll="backward", weekmask="1111100", holidays=holidays)
numpy_s = time.perf_counter() - t0
expected = np.empty(n, dtype="datetime64[D]"); expected[rolls_fwd] = fwd; expected[~rolls_fwd] = bwd
# ns == 0 with roll forward is "following": imrf answers N = 0 only for working days,
# so give it the rolled date for those (a working day, where advance(d, 0) == d).
q_dates = dates.copy(); q_dates[ns == 0] = expected[ns == 0]
queries = np.empty(2 * n, dtype="<i4")
queries[0::2] = q_dates.astype("int64"); queries[1::2] = ns
queries.tofile(f"{work}/q.bin")
out = subprocess.run([binary, ics, f"{work}/q.bin", f"{work}/a.bin"], check=True, capture_output=True, text=True).stdout
print(out.strip().splitlines()[0])
imrf_s = float(out.strip().splitlines()[-1].split()[-1])
answers = np.fromfile(f"{work}/a.bin", dtype="<i4")
bad = int(np.count_nonzero(answers != expected.astype("int64")))
print(f"numpy: {n} queries in {numpy_s:.4f} s ({n / numpy_s / 1e6:.1f} M/s); imrf {n / imrf_s / 1e6:.1f} M/s")
if bad:
    print(f"{bad} answers differ from numpy", file=sys.stderr); sys.exit(1)
print(f"all {n} answers agree")
print(f"imrf/numpy throughput ratio: {numpy_s / imrf_s:.1f}")
PY
