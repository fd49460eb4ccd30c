#!/usr/bin/env bash
# Benchmark: `imrf status` (release build) on the example workspace of the
# 2026 edition, as cron runs it: a whole process each time, RUNS times
# (default 200), side by side with `imrf --version` (the same binary doing no
# work: process start and the Swift runtime, the floor). Prints the medians,
# the ratio, and last the line `imrf status median ms: X` (target X < 30).
#
# usage: Benchmarks/status.sh [RUNS]   (needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product imrf >&2
bin=$(swift build -c release --show-bin-path)/imrf
"$bin" init "$work/ws" --edition 2026 --example >/dev/null

python3 - "$bin" "$work/ws" "$runs" <<'PY'
import statistics, subprocess, sys, time
binary, workspace, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run_ms(arguments, expected):
    start = time.perf_counter()
    done = subprocess.run([binary] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in expected:
        sys.exit(f"{' '.join(arguments)} exited {done.returncode}")
    return elapsed

version = ["--version"]
status_args = ["status", workspace, "--today", "2026-05-20"]
# A few runs first so both start with the file cache warm; then the two
# alternate, so a busy machine slows both alike.
for _ in range(5):
    run_ms(version, {0}); run_ms(status_args, {1})
floors, statuses = [], []
for _ in range(runs):
    floors.append(run_ms(version, {0}))
    statuses.append(run_ms(status_args, {1}))
floor, status = statistics.median(floors), statistics.median(statuses)
print(f"runs: {runs}")
print(f"imrf --version median ms: {floor:.1f}")
print(f"imrf status / imrf --version time ratio: {status / floor:.2f}")
print(f"imrf status median ms: {status:.1f}")
PY
