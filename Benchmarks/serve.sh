#!/usr/bin/env bash
# Benchmark: the web intake (`imrf serve`, the release build) under wrk at 64
# connections (`-t2 -c64`, DURATION each, default 10s), side by side in one
# run with nginx serving the same `GET /api/me` answer as a static file (the
# floor of an HTTP round trip on this machine; `daemon off; master_process
# on; worker_processes 2; access_log off`, as an unprivileged foreground
# process on a port of its own). A workspace of the 2026 example, one person
# invited, and one of the office; the server with a rate limit no run
# reaches. Measured:
#   - `GET /api/me` with `Authorization: Bearer` (imrf and nginx),
#   - `GET /api/status` with the office's bearer token (imrf and nginx),
#   - `POST /api/check` with a typical note of about 5 KB (the example
#     workspace's notes, one after another, under one front matter),
#   - `GET /favicon.ico` (204, no work: the router, the middlewares and the
#     request log), the floor of imrf serve itself.
# Prints requests/s and the latency percentiles of each (wrk --latency, and
# a Lua `done` function for p99), the server's CPU time per request (user +
# system, from /proc: a loaded machine hardly changes it), the server's peak
# memory (VmHWM), and last the lines
#   imrf/nginx me throughput ratio: X   (target X >= 0.5)
#   imrf/nginx status throughput ratio: S (target S >= 0.5)
#   check p99 ms: Y                     (target Y < 20)
#   server peak memory MiB: Z           (target Z < 150)
# With PERF_DIR=DIR set, the imrf runs are also recorded with `perf record`
# (DWARF call graphs) into DIR/me.data, DIR/status.data, DIR/check.data and DIR/floor.data (root,
# or kernel.perf_event_paranoid <= 1); `perf report -i DIR/me.data --children
# --sort symbol -g none | swift demangle --simplified` shows where the time goes.
#
# usage: Benchmarks/serve.sh [DURATION]   (needs python3, curl, wrk and nginx:
#        apt-get install wrk nginx-light; the script installs them as root)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}

nginx_binary=$(command -v nginx || true)
[ -z "$nginx_binary" ] && [ -x /usr/sbin/nginx ] && nginx_binary=/usr/sbin/nginx
if ! command -v wrk >/dev/null || [ -z "$nginx_binary" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -q wrk >&2
        apt-get install -y -q nginx-light >&2 || apt-get install -y -q nginx >&2
        nginx_binary=/usr/sbin/nginx
    else
        echo "serve.sh: needs wrk and nginx: apt-get install wrk nginx-light" >&2
        exit 1
    fi
fi

swift build -c release --product imrf-server >&2
swift build -c release --product imrf >&2
imrf="$(swift build -c release --show-bin-path)/imrf"

work=$(mktemp -d)
# nginx's workers (user nobody when started as root) read the static file.
chmod 755 "$work"
server=""
nginx_pid=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$imrf" init "$work/ws" --edition 2026 --example >/dev/null
token=$("$imrf" invite -w "$work/ws" --name "Bench Rapporteur" --session round-table-2 --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["url"].rsplit("/", 1)[1])')
office_token=$("$imrf" invite -w "$work/ws" --name "Bench Office" --role office --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["url"].rsplit("/", 1)[1])')

# A typical note of about 5 KB: the example notes' bodies (footnote labels
# made unique) under one front matter, for round table 2.
python3 - "$work/ws/notes" "$work/note.md" <<'PY'
import os, re, sys
folder, out = sys.argv[1], sys.argv[2]
bodies = []
for name in sorted(os.listdir(folder)):
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    bodies.append(text.split("\n---\n", 1)[1])
note = "---\nsession: round-table-2\ntitle: Technical summary of round table 2\nauthor: Bench Rapporteur\nrole: rapporteur\nobjectives: [4, 8, 13]\n---\n"
count = 0
while len(note.encode()) < 5000:
    body, count = bodies[count % len(bodies)], count + 1
    note += re.sub(r"\[\^(\w+)\]", lambda m: f"[^{m.group(1)}{count}]", body) + "\n"
open(out, "w", encoding="utf-8").write(note)
PY

# The server, on a free port; `imrf serve` execs imrf-server, so $! is the server.
"$imrf" serve "$work/ws" --listen 127.0.0.1:0 --rate-limit 1000000000 >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$work/serve.out")
[ -n "$base" ] || { echo "serve.sh: imrf serve did not start: $(cat "$work/serve.log")" >&2; exit 1; }

mkdir -p "$work/html/api" "$work/nginx/tmp"
curl -sS --fail -H "Authorization: Bearer $token" "$base/api/me" >"$work/html/api/me"
curl -sS --fail -H "Authorization: Bearer $office_token" "$base/api/status" >"$work/html/api/status"
check_answer=$(curl -sS --fail -H "Authorization: Bearer $token" -H 'Content-Type: text/markdown' --data-binary @"$work/note.md" "$base/api/check")
chmod -R a+rX "$work/html"

nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    default_type application/json;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/html;
    }
}
EOF
"$nginx_binary" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/api/me" && break; sleep 0.1; done
cmp -s <(curl -sS --fail "http://127.0.0.1:$nginx_port/api/me") "$work/html/api/me" ||
    { echo "serve.sh: nginx does not serve the saved answer" >&2; exit 1; }

# wrk's scripts: the bearer token, the note, and a `done` that prints one line of figures.
cat >"$work/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.3f p90=%.3f p99=%.3f max=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
EOF
cat "$work/report.lua" - >"$work/me.lua" <<'EOF'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("IMRF_TOKEN")
EOF
cat "$work/report.lua" - >"$work/status.lua" <<'EOF'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("IMRF_OFFICE_TOKEN")
EOF
cat "$work/report.lua" - >"$work/check.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("IMRF_TOKEN")
wrk.headers["Content-Type"] = "text/markdown"
local file = io.open(os.getenv("IMRF_NOTE"), "rb")
wrk.body = file:read("*a")
file:close()
EOF
export IMRF_TOKEN=$token IMRF_OFFICE_TOKEN=$office_token IMRF_NOTE=$work/note.md
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$(grep '^RESULT ' "$work/$1.txt")"; }

# The server's CPU time (user + system) in clock ticks: other processes hardly change it.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# run LABEL SCRIPT URL [PERF_NAME]: wrk's output to $work/LABEL.txt, the RESULT
# line echoed (for imrf, with the server's CPU milliseconds per request).
run() {
    local label=$1 script=$2 url=$3 perf_name=${4:-} perf_pid="" before after
    wrk -t2 -c64 -d2s -s "$script" "$url" >/dev/null # warm-up
    if [ -n "${PERF_DIR:-}" ] && [ -n "$perf_name" ]; then
        mkdir -p "$PERF_DIR"
        perf record -q --call-graph dwarf,16384 -F 499 -p "$server" -o "$PERF_DIR/$perf_name.data" 2>/dev/null &
        perf_pid=$!
    fi
    before=$(server_ticks)
    wrk -t2 -c64 -d"$duration" --latency -s "$script" "$url" >"$work/$label.txt"
    after=$(server_ticks)
    if [ -n "$perf_pid" ]; then kill -INT "$perf_pid" && wait "$perf_pid" || true; fi
    local result
    result=$(grep '^RESULT ' "$work/$label.txt")
    case "$result" in
    *" non2xx=0 socket_errors=0") ;;
    *) echo "serve.sh: $label had errors: $result" >&2; cat "$work/$label.txt" >&2; exit 1 ;;
    esac
    case "$label" in
    imrf-*)
        result+=$(awk -v a="$before" -v b="$after" -v t="$ticks_per_second" -v r="$(field "$label" requests)" \
            'BEGIN { printf " server_cpu_ms_per_request=%.3f", (b - a) / t * 1000 / r }')
        ;;
    esac
    echo "$label: ${result#RESULT }"
    sed -n '/Latency Distribution/,/^ *99%/p' "$work/$label.txt" | sed "s/^/  /"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; others' processes slow every figure)"
echo "note for /api/check: $(wc -c <"$work/note.md") bytes; its check: $check_answer" | cut -c1-200
echo "wrk -t2 -c64 -d$duration --latency; latencies in ms"
run nginx-me "$work/me.lua" "http://127.0.0.1:$nginx_port/api/me"
run imrf-me "$work/me.lua" "$base/api/me" me
run nginx-status "$work/status.lua" "http://127.0.0.1:$nginx_port/api/status"
run imrf-status "$work/status.lua" "$base/api/status" status
run imrf-check "$work/check.lua" "$base/api/check" check
# The floor of imrf serve itself: a route that does no work (204), through the
# same router, middlewares and request log.
run imrf-floor "$work/report.lua" "$base/favicon.ico" floor
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "imrf/nginx floor throughput ratio (GET /favicon.ico, no work): $(awk -v a="$(field imrf-floor rps)" -v b="$(field nginx-me rps)" 'BEGIN { printf "%.3f", a / b }')"

peak_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server/status")
now_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server/status")
echo "server memory now: $((now_kib / 1024)) MiB (VmRSS)"
echo "imrf/nginx me throughput ratio: $(awk -v a="$(field imrf-me rps)" -v b="$(field nginx-me rps)" 'BEGIN { printf "%.3f", a / b }')"
echo "imrf/nginx status throughput ratio: $(awk -v a="$(field imrf-status rps)" -v b="$(field nginx-status rps)" 'BEGIN { printf "%.3f", a / b }')"
echo "check p99 ms: $(field imrf-check p99)"
echo "server peak memory MiB: $(awk -v k="$peak_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
