#!/usr/bin/env bash
# Runs libFuzzer targets for SECONDS each on a copy of their seed corpus.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: icalendar, note, forum, compile, markdown, word-import, or all (each in turn)
#
#   icalendar  the iCalendar reader and writer, and working-day queries
#   note       a note file: front matter and Markdown into the document model
#   forum      forum.yaml: parse, write back, parse again
#   compile    one note compiled to md, html and docx in an in-memory workspace; two (split at 0x1E) as a changes document
#   markdown   a note's Markdown written as summary.md writes it, read again
#   word-import  a .docx (or a word/document.xml in a package built around it) made into a note
#
# Builds Fuzz/<Target>Fuzz (its harness, with the driver in Fuzz/FuzzSupport)
# with -sanitize=fuzzer,address -DFUZZING into .build-fuzz
# (the normal .build is untouched; the targets share it, so only the first
# build compiles the libraries), fuzzes a temporary copy of
# Fuzz/corpus/TARGET (the seeds in git stay small), and fails on any crash,
# hang (-timeout: one input over 1 s; icalendar 5 s, compile 10 s), leak or out-of-memory. A failing
# input is kept in .build-fuzz/artifacts/TARGET/ and can be replayed with the
# normal build: swift run TARGET-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

known="icalendar note forum compile markdown word-import"
usage="usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]  (TARGET: ${known// /, } or all)"
target=${1:?$usage}
seconds=${2:?$usage}
shift 2
case "$target" in
  all) targets=$known ;;
  icalendar|note|forum|compile|markdown|word-import) targets=$target ;;
  *) echo "Fuzz/run.sh: unknown target '$target' (known: ${known// /, }, all)" >&2; exit 64 ;;
esac

scratch=.build-fuzz
for name in $targets; do
  echo "== building $name-fuzz with -sanitize=fuzzer,address"
  swift build -c release --product "$name-fuzz" --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    2>&1 | grep -v '^\[' || true
done
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fuzzes one target; prints its figures, returns non-zero on a finding.
fuzz() {
  local name=$1 binary="$bin/$1-fuzz" corpus="$work/$1/corpus" log="$work/$1/log"
  local artifacts="$scratch/artifacts/$name" status runs files bytes seeds
  [ -x "$binary" ] || { echo "Fuzz/run.sh: build of $name-fuzz failed" >&2; return 1; }
  mkdir -p "$work/$name" "$artifacts"
  cp -R "Fuzz/corpus/$name" "$corpus"
  seeds=$(find "$corpus" -type f | wc -l)
  # compile renders a whole summary in three formats, Word's deflate
  # included: a note at the table limit (100,000 cells) takes 0.13 s in a
  # release build, and 3.2 s with ASan (cmark-gfm's arena a malloc per node
  # under it), coverage and a loaded machine: CI's run flagged one at 3 s.
  # icalendar: the reader may spend about a second of release time on a
  # file's rules (ICalendarReader.Limits.ruleDates) and the engine walks
  # every day of a coverage as long as years 1 to 9999; under ASan and
  # coverage on a loaded machine such a file takes 2-3 s.
  local timeout=1
  [ "$name" = compile ] && timeout=10
  [ "$name" = icalendar ] && timeout=5
  echo "== fuzzing $name for ${seconds}s"
  set +e
  ASAN_OPTIONS=detect_leaks=1 "$binary" "$corpus" \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${extra[@]}" 2>"$log"
  status=$?
  set -e
  grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Fatal error|.*Test unit written)' "$log" || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(du -sk "$corpus" | cut -f1)
  if [ "$status" -ne 0 ]; then
    # Swift's own message first ("...: Fatal error: ..."): the backtrace after it can be longer than the tail.
    grep -m1 -A12 'Fatal error' "$log" >&2 || true
    tail -n 60 "$log" >&2
    echo "== $name: FAILED (libFuzzer exit $status); input in $artifacts/" >&2
    return 1
  fi
  echo "== $name: ${runs:-?} executions in ${seconds}s, corpus $seeds -> $files files (${bytes} KiB), no crash, hang or leak"
}

extra=("$@")
failed=""
for name in $targets; do
  fuzz "$name" || failed="$failed $name"
done
if [ -n "$failed" ]; then
  echo "== Fuzz/run.sh: findings in:$failed" >&2
  exit 1
fi
