#!/usr/bin/env bash
# The web intake in a real browser, two scenarios, each on its own workspace
# and its own 'imrf serve' (a free loopback port each):
# - the rapporteurs (intake_browser_test.py): imrf init --example, the
#   rapporteurs of the scenario invited;
# - the office's dashboard (office_browser_test.py): imrf init --example
#   less the hearing's note, an office person invited.
# Both run in headless Chromium (Selenium, the system chromedriver); then
# each server is stopped with SIGTERM and must exit 0, and no personal
# link's token may be in a server's log.
# Usage: Tests/Browser/run.sh BIN_DIR   (the folder holding imrf and imrf-server)
# Environment: IMRF_BROWSER_PYTHON (default .build/browser-venv/bin/python),
# IMRF_BROWSER_SHOTS (screenshots, default .build/browser-shots; the
# office's in its office/ folder).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:?usage: run.sh BIN_DIR}")
imrf="$bin/imrf"
python=${IMRF_BROWSER_PYTHON:-$root/.build/browser-venv/bin/python}
shots=${IMRF_BROWSER_SHOTS:-$root/.build/browser-shots}
for tool in "$imrf" "$bin/imrf-server" "$python"; do
    [ -x "$tool" ] || { echo "browser test: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d)
# The servers by scenario (intake, office): process id and base URL. Each
# scenario's files are $work/NAME-ws (the workspace), NAME.out and NAME.log
# (the server's stdout and stderr), NAME-invites (the links, one JSON each).
declare -A server=() base=() failed=()
# The servers always go, however this script ends.
cleanup() {
    local name
    for name in "${!server[@]}"; do
        if [ -n "${server[$name]}" ] && kill -0 "${server[$name]}" 2>/dev/null; then
            kill -KILL "${server[$name]}" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
show_log() {
    echo "---- $1 server log (stderr) ----" >&2
    cat "$work/$1.log" >&2 || true
    echo "---- end of $1 server log ----" >&2
}

"$imrf" init "$work/intake-ws" --edition 2026 --example >/dev/null
# The office's workspace: the hearing has no note yet.
"$imrf" init "$work/office-ws" --edition 2026 --example >/dev/null
rm "$work/office-ws/notes/hearing.md"

# A free loopback port: the base URL must name the real port, since the
# server checks the Origin of the browser's posts against it. Another
# process may take the port between here and the bind: then try again.
start_server() {
    local name=$1 port deadline pid
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    base[$name]="http://127.0.0.1:$port"
    : >"$work/$name.out"
    "$imrf" serve -w "$work/$name-ws" --listen "127.0.0.1:$port" --base-url "${base[$name]}" --rate-limit 600 \
        >"$work/$name.out" 2>"$work/$name.log" &
    pid=$!
    server[$name]=$pid
    deadline=$((SECONDS + 60))
    until grep -q '^listening on ' "$work/$name.out"; do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; server[$name]=""; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { echo "browser test: the $name server did not say 'listening on' within 60 s" >&2; show_log "$name"; exit 1; }
        sleep 0.1
    done
}
for name in intake office; do
    started=0
    for _ in 1 2 3; do
        if start_server "$name"; then started=1; break; fi
    done
    [ "$started" = 1 ] || { echo "browser test: the $name server did not start" >&2; show_log "$name"; exit 1; }
    echo "browser test ($name): $(head -1 "$work/$name.out")"
    mkdir "$work/$name-invites"
done

# The people of the scenarios, each link printed once as JSON.
invite() {
    local name=$1 who=$2
    shift 2
    "$imrf" invite -w "$work/$name-ws" --json --base-url "${base[$name]}" "$@" >"$work/$name-invites/$who.json"
}
invite office office --name "Olga Petrova" --role office
invite intake a --name "Amina Diallo" --session round-table-2
invite intake b --name "Bruno Costa" --session round-table-3
invite intake c --name "Chen Wei" --session plenary
invite intake d --name "Dana Levi" --session hearing
# Expires a few seconds from now: the test waits for that moment, then opens it.
invite intake e --name "Eva Novak" --session hearing --expires "$(date -u -d '+8 seconds' +%Y-%m-%dT%H:%M:%SZ)"

# Every wait in the tests has its own timeout; these bound a hung browser
# or driver, so the CI step stays under 3 minutes.
scenario() {
    local name=$1 script=$2 limit=$3 result=0
    IMRF_BROWSER_SHOTS="$shots" timeout -k 10 "$limit" "$python" "$root/Tests/Browser/$script" \
        --base "${base[$name]}" --workspace "$work/$name-ws" --imrf "$imrf" --invites "$work/$name-invites" || result=$?
    [ "$result" -ne 124 ] || echo "FAIL: the $name browser test did not finish within $limit s" >&2
    [ "$result" -eq 0 ] || failed[$name]=1
}
scenario intake intake_browser_test.py 70
scenario office office_browser_test.py 80

# Each server stops on SIGTERM with exit 0; no token of its links in its log.
stop_server() {
    local name=$1 pid=${server[$1]} deadline server_status=0
    kill -TERM "$pid"
    deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        echo "FAIL: the $name server did not stop within 30 s of SIGTERM" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" || server_status=$?
    server[$name]=""
    if [ "$server_status" -ne 0 ]; then
        echo "FAIL: the $name server exited $server_status on SIGTERM (expected 0)" >&2
        return 1
    fi
    echo "ok: the $name server stopped on SIGTERM with exit 0"
}
tokens_logged() {
    local name=$1 file token found=0
    for file in "$work/$name-invites"/*.json; do
        token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"].rsplit("/", 1)[1])' "$file")
        if grep -q -F -- "$token" "$work/$name.log"; then
            echo "FAIL: the token of $(basename "$file" .json)'s link is in the $name server's log" >&2
            found=1
        fi
    done
    [ "$found" -eq 0 ] && echo "ok: no token in the $name server's log ($(ls "$work/$name-invites" | wc -l) links)"
    return "$found"
}
status=0
for name in intake office; do
    stop_server "$name" || failed[$name]=1
    tokens_logged "$name" || failed[$name]=1
    if [ -n "${failed[$name]:-}" ]; then
        status=1
        show_log "$name"
    fi
done
echo "browser test: screenshots in $shots and $shots/office"
exit "$status"
