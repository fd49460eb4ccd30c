#!/usr/bin/env bash
# The web intake in a real browser: makes a workspace with the built imrf
# (imrf init --example), invites the rapporteurs of the scenario, starts
# 'imrf serve' on a free loopback port, runs intake_browser_test.py in
# headless Chromium (Selenium, the system chromedriver), then stops the
# server with SIGTERM and requires exit 0.
# Usage: Tests/Browser/run.sh BIN_DIR   (the folder holding imrf and imrf-server)
# Environment: IMRF_BROWSER_PYTHON (default .build/browser-venv/bin/python),
# IMRF_BROWSER_SHOTS (screenshots, default .build/browser-shots).
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
server=""
# The server always goes, however this script ends.
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
show_log() {
    echo "---- server log (stderr) ----" >&2
    cat "$work/server.log" >&2 || true
    echo "---- end of server log ----" >&2
}

"$imrf" init "$work/ws" --edition 2026 --example >/dev/null

# A free loopback port: the base URL must name the real port, since the
# server checks the Origin of the browser's posts against it. Another
# process may take the port between here and the bind: then try again.
start_server() {
    local port deadline
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    base="http://127.0.0.1:$port"
    : >"$work/server.out"
    "$imrf" serve -w "$work/ws" --listen "127.0.0.1:$port" --base-url "$base" --rate-limit 600 \
        >"$work/server.out" 2>"$work/server.log" &
    server=$!
    deadline=$((SECONDS + 60))
    until grep -q '^listening on ' "$work/server.out"; do
        kill -0 "$server" 2>/dev/null || { wait "$server" || true; server=""; return 1; }
        [ "$SECONDS" -lt "$deadline" ] || { echo "browser test: the server did not say 'listening on' within 60 s" >&2; show_log; exit 1; }
        sleep 0.1
    done
}
started=0
for _ in 1 2 3; do
    if start_server; then started=1; break; fi
done
[ "$started" = 1 ] || { echo "browser test: the server did not start" >&2; show_log; exit 1; }
echo "browser test: $(head -1 "$work/server.out")"

# The people of the scenario, each link printed once as JSON.
mkdir "$work/invites"
invite() {
    local who=$1
    shift
    "$imrf" invite -w "$work/ws" --json --base-url "$base" "$@" >"$work/invites/$who.json"
}
invite a --name "Amina Diallo" --session round-table-2
invite b --name "Bruno Costa" --session round-table-3
invite c --name "Chen Wei" --session plenary
invite d --name "Dana Levi" --session hearing
# Expires a few seconds from now: the test waits for that moment, then opens it.
invite e --name "Eva Novak" --session hearing --expires "$(date -u -d '+8 seconds' +%Y-%m-%dT%H:%M:%SZ)"

# Every wait in the test has its own timeout; this one bounds a hung
# browser or driver, so the CI step stays under 3 minutes.
status=0
IMRF_BROWSER_SHOTS="$shots" timeout -k 10 150 "$python" "$root/Tests/Browser/intake_browser_test.py" \
    --base "$base" --workspace "$work/ws" --imrf "$imrf" --invites "$work/invites" || status=$?
[ "$status" -ne 124 ] || echo "FAIL: the browser test did not finish within 150 s" >&2

kill -TERM "$server"
deadline=$((SECONDS + 30))
while kill -0 "$server" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
if kill -0 "$server" 2>/dev/null; then
    echo "FAIL: the server did not stop within 30 s of SIGTERM" >&2
    kill -KILL "$server" 2>/dev/null || true
fi
server_status=0
wait "$server" || server_status=$?
server=""
if [ "$server_status" -ne 0 ]; then
    echo "FAIL: the server exited $server_status on SIGTERM (expected 0)" >&2
    status=1
else
    echo "ok: the server stopped on SIGTERM with exit 0"
fi
if grep -q -- "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"].rsplit("/", 1)[1])' "$work/invites/a.json")" "$work/server.log"; then
    echo "FAIL: a personal link's token is in the server log" >&2
    status=1
else
    echo "ok: no token in the server log"
fi
[ "$status" -eq 0 ] || show_log
echo "browser test: screenshots in $shots"
exit "$status"
