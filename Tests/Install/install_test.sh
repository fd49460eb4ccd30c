#!/usr/bin/env bash
# `make install` into a temporary PREFIX (the debug build the tests made),
# then the installed imrf used from a folder with no repository above it and
# no IMRF_CALENDARS or IMRF_TEMPLATES: it must find its calendars, templates
# and imrf-server under PREFIX. Then a calendar the office edited is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
unset IMRF_CALENDARS IMRF_TEMPLATES IMRF_WORKSPACE
failures=0
check() { if "$@"; then echo "PASS  $description"; else echo "FAIL  $description"; failures=$((failures + 1)); fi; }

make -s install CONFIGURATION=debug PREFIX="$prefix" >/dev/null
imrf="$prefix/bin/imrf"

description="imrf and imrf-server in PREFIX/bin, calendars and templates in PREFIX/share/imrf"
check test -x "$imrf" -a -x "$prefix/bin/imrf-server" -a -f "$prefix/share/imrf/Calendars/un-new-york.ics" \
    -a -f "$prefix/share/imrf/Templates/summary.html.mustache"

description="the installed imrf finds its calendar from another folder (the 2026 deadline is Fri 22 May)"
check bash -c "cd '$work' && '$imrf' deadline 2026-05-08 | grep -q 'Friday 22 May 2026'"

description="that calendar is the installed one: without it the deadline cannot be computed"
mv "$prefix/share/imrf/Calendars/un-new-york.ics" "$work/hidden.ics"
check bash -c "cd '$work' && ! '$imrf' deadline 2026-05-08 >/dev/null 2>&1"
mv "$work/hidden.ics" "$prefix/share/imrf/Calendars/un-new-york.ics"

description="init, compile and status work in a workspace outside the repository"
check bash -c "cd '$work' && '$imrf' init ws --edition 2026 --example >/dev/null && '$imrf' compile ws --format html >/dev/null && test -s ws/build/summary.html && '$imrf' status ws --today 2026-05-01 >/dev/null; test \$? -le 2"

description="imrf serve finds the installed imrf-server (its --help answers)"
check bash -c "'$imrf' serve --help | grep -q 'listen'"

# The office corrected the installed calendar; a second install keeps it.
calendar="$prefix/share/imrf/Calendars/un-new-york.ics"
sleep 1
echo "X-OFFICE-EDIT:1" >> "$calendar"
output=$(make -s install CONFIGURATION=debug PREFIX="$prefix" 2>&1)
description="a calendar edited after the install is kept, the new one put beside it, and make says so"
check bash -c "grep -q X-OFFICE-EDIT '$calendar' && test -f '$calendar.new' && grep -q 'was changed since it was installed' <<< '$output'"

[ "$failures" = 0 ] && echo "all checks passed" || { echo "$failures check(s) failed"; exit 1; }
