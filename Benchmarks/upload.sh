#!/usr/bin/env bash
# Uploads a 1 GiB file to a loopback server with `imrf upload` and with
# `curl -T`, prints imrf's peak memory, and as its last line
# `imrf/curl throughput ratio: X` (target X >= 0.9, peak memory < 64 MiB).
# imrf's time includes hashing the file for Content-Digest and the key.
# Both are headers, so the whole file is hashed before its first byte is
# sent; the script also times `openssl dgst -sha256` on the same file (the
# fastest SHA-256 on this machine) and prints the ratio no client sending a
# SHA-256 Content-Digest header can beat here: curl / (curl + SHA-256).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${UPLOAD_BENCH_BYTES:-1073741824}

swift build -c release --product imrf >/dev/null
imrf="$(swift build -c release --show-bin-path)/imrf"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "upload.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

head -c "$size" /dev/urandom >"$work/doc.bin"
mkfifo "$work/in"
exec 3<>"$work/in"   # the server exits when its stdin closes
python3 Tests/UploadTests/Fixtures/upload_server.py --state "$work/state.json" <&3 >"$work/port" &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
[ -n "$port" ] || { echo "upload.sh: the server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port/sink"

run() { # label, command...
    local label=$1; shift
    "$timer" -f "%e %M" -o "$work/$label.time" "$@" >/dev/null
    read -r seconds kib <"$work/$label.time"
    echo "$label: $seconds s, $(awk -v b="$size" -v s="$seconds" 'BEGIN { printf "%.0f", b / s / 1048576 }') MiB/s, peak memory $((kib / 1024)) MiB"
}

run imrf "$imrf" upload "$work/doc.bin" --endpoint "$url" --retries 0
run curl curl -sS --fail -T "$work/doc.bin" -H "Expect:" "$url"

# The floor: SHA-256 of the same file by OpenSSL (best of 3, warm cache).
sha_seconds=$(python3 - "$work/doc.bin" <<'PY'
import subprocess, sys, time
best = None
for _ in range(3):
    start = time.perf_counter()
    subprocess.run(["openssl", "dgst", "-sha256", sys.argv[1]], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.2f}")
PY
)
echo "sha-256 alone (openssl dgst): $sha_seconds s"

imrf_seconds=$(cut -d' ' -f1 "$work/imrf.time")
curl_seconds=$(cut -d' ' -f1 "$work/curl.time")
echo "bound for a client that sends a SHA-256 Content-Digest header, curl/(curl + sha-256): $(awk -v c="$curl_seconds" -v h="$sha_seconds" 'BEGIN { printf "%.2f", c / (c + h) }')"
echo "imrf/curl throughput ratio: $(awk -v a="$imrf_seconds" -v b="$curl_seconds" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')"
