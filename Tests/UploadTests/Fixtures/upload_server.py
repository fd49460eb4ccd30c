#!/usr/bin/env python3
"""A document endpoint for imrf's upload tests (stdlib only, 127.0.0.1 only).

Prints its port on the first line of stdout, then serves until killed.
After every request it writes the whole state (documents stored, requests
seen per path) as JSON to --state FILE *before* answering, so a test that
has its response can read the state without racing.

Modes by path (query string parameters in brackets):
  /ok                     store the document, 201 + Location
  /flaky503[?n=2]         first n requests: 503 (Retry-After: 0); then store
  /auth401                always 401
  /status[?code=404]      always that status
  /slow[?delay=10]        read the body, wait, then store
  /sink                   read the body and drop it (benchmark), 201
  /drop                   first request: read half the body, close the connection; then store
  /garbage                read the body, answer bytes that are not HTTP, close
  /folder/NAME            store the document (its path is kept), 201 + Location
  /echo                   store the document, 201 + a Location with a signature in
                          its query, a Set-Cookie, and the request's Authorization
                          and X-Api-Key echoed back (for the trace's redaction)
Documents are keyed by Idempotency-Key: a repeated key never stores twice.
"""
import argparse, base64, hashlib, json, os, signal, socket, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

lock = threading.Lock()
documents = {}      # idempotency key -> document
requests = {}       # path -> count
state_file = None


def write_state():
    tmp = state_file + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"documents": list(documents.values()), "requests": requests}, f)
    os.replace(tmp, state_file)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def read_body(self, limit=None):
        """Reads the body (Content-Length or chunked); hashes it, keeps it if small."""
        digest, kept, total = hashlib.sha256(), bytearray(), 0
        def take(data):
            nonlocal total
            digest.update(data)
            total += len(data)
            if len(kept) < (1 << 20):
                kept.extend(data)
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                take(self.rfile.read(size))
                self.rfile.readline()
        else:
            remaining = int(self.headers.get("Content-Length", "0"))
            if limit is not None:
                remaining = min(remaining, limit)
            while remaining > 0:
                data = self.rfile.read(min(remaining, 1 << 20))
                if not data:
                    break
                take(data)
                remaining -= len(data)
        return digest.hexdigest(), total, bytes(kept)

    def answer(self, code, headers=None, body=b""):
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def store(self, sha, size, body):
        key = self.headers.get("Idempotency-Key") or "none-%d" % len(documents)
        if key in documents:
            return documents[key], 200
        doc = {
            "id": len(documents) + 1,
            "key": key,
            "sha256": sha,
            "bytes": size,
            "method": self.command,
            "path": urlsplit(self.path).path,
            "authorization": self.headers.get("Authorization"),
            "contentDigest": self.headers.get("Content-Digest"),
            "contentType": self.headers.get("Content-Type"),
            "extra": self.headers.get("X-Imrf-Test"),
            "body": base64.b64encode(body).decode() if size < (1 << 20) else None,
        }
        documents[key] = doc
        return doc, 201

    def handle_upload(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        path = url.path
        with lock:
            requests[path] = requests.get(path, 0) + 1
            count = requests[path]
            write_state()
        if path == "/sink":  # for the benchmark: read and drop, no hashing
            remaining = int(self.headers.get("Content-Length", "0"))
            while remaining > 0:
                data = self.rfile.read(min(remaining, 1 << 20))
                if not data:
                    break
                remaining -= len(data)
            return self.answer(201, {"Location": "/documents/sink"})
        if path == "/drop" and count == 1:
            length = int(self.headers.get("Content-Length", "0"))
            self.read_body(limit=length // 2)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        sha, size, body = self.read_body()
        if path == "/garbage":
            self.wfile.write(b"this is not an HTTP reply\r\n")
            self.wfile.flush()
            self.close_connection = True
            return
        if path == "/auth401":
            return self.answer(401, {"WWW-Authenticate": "Bearer"})
        if path == "/status":
            return self.answer(int(query.get("code", "404")))
        if path == "/flaky503" and count <= int(query.get("n", "2")):
            return self.answer(503, {"Retry-After": "0"})
        if path == "/slow":
            time.sleep(float(query.get("delay", "10")))
        if path == "/echo":
            with lock:
                doc, code = self.store(sha, size, body)
                write_state()
            return self.answer(code, {
                "Location": "/documents/%d?X-Amz-Signature=SIGNATURE-s3cr3t" % doc["id"],
                "Set-Cookie": "session=COOKIE-s3cr3t; HttpOnly",
                "X-Echo-Authorization": self.headers.get("Authorization", ""),
                "X-Echo-Api-Key": self.headers.get("X-Api-Key", ""),
            })
        if path in ("/ok", "/flaky503", "/slow", "/drop") or path.startswith("/folder/"):
            with lock:
                doc, code = self.store(sha, size, body)
                write_state()
            return self.answer(code, {"Location": "/documents/%d" % doc["id"]})
        self.answer(404)

    do_PUT = handle_upload
    do_POST = handle_upload


def exit_when_parent_goes():
    """The test keeps our stdin open; EOF means it is gone, so we go too."""
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    global state_file
    # A test runner may start us with signals blocked or ignored: undo that so SIGTERM works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(signal.Signals))
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    state_file = args.state
    write_state()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    if not sys.stdin.isatty():
        threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
