#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS on a copy of its seed corpus.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: icalendar
#
# Builds Fuzz/<Target>Fuzz with -sanitize=fuzzer,address into .build-fuzz
# (the normal .build is untouched), fuzzes a temporary copy of
# Fuzz/corpus/TARGET (the seeds in git stay small), and fails on any crash,
# hang (-timeout=1: one input over 1 s), leak or out-of-memory. A failing
# input is kept in .build-fuzz/artifacts/TARGET/ and can be replayed with the
# normal build: swift run icalendar-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: Fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS}
shift 2
case "$target" in
  icalendar) product=icalendar-fuzz ;;
  *) echo "Fuzz/run.sh: unknown target '$target' (known: icalendar)" >&2; exit 64 ;;
esac

scratch=.build-fuzz
echo "== building $product with -sanitize=fuzzer,address"
swift build -c release --product "$product" --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  2>&1 | grep -v '^\[' || true
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/$product"
[ -x "$binary" ] || { echo "Fuzz/run.sh: build failed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "Fuzz/corpus/$target" "$work/corpus"
artifacts="$scratch/artifacts/$target"
mkdir -p "$artifacts"

echo "== fuzzing $target for ${seconds}s"
set +e
ASAN_OPTIONS=detect_leaks=1 "$binary" "$work/corpus" \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=16384 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" 2>"$work/log"
status=$?
set -e
grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Fatal error|.*Test unit written)' "$work/log" || true
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
files=$(find "$work/corpus" -type f | wc -l)
bytes=$(du -sk "$work/corpus" | cut -f1)
if [ "$status" -ne 0 ]; then
  tail -n 60 "$work/log" >&2
  echo "== $target: FAILED (libFuzzer exit $status); input in $artifacts/" >&2
  exit 1
fi
echo "== $target: ${runs:-?} executions in ${seconds}s, corpus $files files (${bytes} KiB), no crash, hang or leak"
