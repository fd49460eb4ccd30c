#!/usr/bin/env bash
# Benchmark: `imrf status` on the example workspace of the 2026 edition, as
# cron runs it: a whole process each time, RUNS times (default 200), side by
# side with `imrf --version` (the same binary doing no work: process start
# and the Swift runtime, the floor), runs alternating so a busy machine slows
# both alike. Measures the release build with the Swift runtime and
# Foundation linked statically (`make build`, what to install: half the start
# time of a dynamically linked binary, which is also measured, for
# reference). Prints the medians and ratios (wall clock, and CPU time, which a
# busy machine hardly changes), and last the line
# `imrf status median ms: X` (target X < 30).
#
# usage: Benchmarks/status.sh [RUNS]   (needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product imrf >&2
dynamic=$(swift build -c release --show-bin-path)/imrf
# A scratch folder of its own, so the two builds do not rebuild each other.
static_flags=(-c release --static-swift-stdlib --scratch-path .build/static)
swift build "${static_flags[@]}" --product imrf >&2
static=$(swift build "${static_flags[@]}" --show-bin-path)/imrf
"$static" init "$work/ws" --edition 2026 --example >/dev/null

python3 - "$static" "$dynamic" "$work/ws" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
static, dynamic, workspace, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def run_ms(binary, arguments, expected):
    """Wall-clock and CPU (user + system) milliseconds of one whole process;
    CPU time hardly grows when other processes share the cores."""
    start = time.perf_counter()
    process = subprocess.Popen([binary] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in expected:
        sys.exit(f"{' '.join(arguments)} exited {process.returncode}")
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000

version = ["--version"]
status_args = ["status", workspace, "--today", "2026-05-20"]
cases = [(static, version, {0}), (static, status_args, {1}), (dynamic, version, {0}), (dynamic, status_args, {1})]
# A few runs first so all start with the file cache warm.
for _ in range(5):
    for binary, arguments, expected in cases:
        run_ms(binary, arguments, expected)
times = [[] for _ in cases]
cpu = [[] for _ in cases]
for _ in range(runs):
    for index, (binary, arguments, expected) in enumerate(cases):
        wall, used = run_ms(binary, arguments, expected)
        times[index].append(wall)
        cpu[index].append(used)
floor, status, dynamic_floor, dynamic_status = (statistics.median(t) for t in times)
cpu_floor, cpu_status = statistics.median(cpu[0]), statistics.median(cpu[1])
print(f"load average (1 min): {os.getloadavg()[0]:.1f} (others' processes slow every wall-clock figure)")
print(f"runs: {runs}")
print(f"dynamically linked: imrf --version median ms: {dynamic_floor:.1f}, imrf status median ms: {dynamic_status:.1f}")
print(f"static/dynamic imrf status time ratio: {status / dynamic_status:.2f}")
print(f"imrf --version median ms: {floor:.1f}")
print(f"imrf status / imrf --version time ratio: {status / floor:.2f}")
print(f"CPU (user + system) median ms: imrf --version {cpu_floor:.1f}, imrf status {cpu_status:.1f}")
print(f"imrf status median ms: {status:.1f}")
PY
