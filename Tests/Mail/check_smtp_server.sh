#!/bin/bash
# Checks Tests/Mail/smtp_server.py for real, with Python's smtplib and with the
# curl command line (libcurl, what `imrf remind` sends with), and prints what
# curl answers in each failure case (exit code = CURLcode, error text).
# Usage: Tests/Mail/check_smtp_server.sh    (from anywhere; needs /usr/bin/python3
# with python3-aiosmtpd, openssl and curl). Prints PASS/FAIL per check; exits 1
# on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
server_script="$here/smtp_server.py"
python=/usr/bin/python3
work=$(mktemp -d)
failures=0
declare -A port fd pid

cleanup() {
    local name
    for name in "${!pid[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout key.pem -out cert.pem \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
export IMRF_TEST_SMTP_USER='reminder@example.org'
export IMRF_TEST_SMTP_PASSWORD='s3cr3t p@ss:word'  # smtplib sends ASCII passwords only
echo "$(curl --version | head -1)"

pass() { echo "PASS  $1${2:+  [$2]}"; }
fail() {
    echo "FAIL  $1${2:+  [$2]}"
    failures=$((failures + 1))
}

# start NAME [server options...]: runs a server whose stdin is a FIFO we hold open.
start() {
    local name=$1 handle i
    shift
    rm -f "in.$name" "state.$name.json" "out.$name"
    mkfifo "in.$name"
    # The child must not inherit the other servers' FIFO ends, or they would never see EOF.
    (
        for handle in "${fd[@]}"; do exec {handle}>&-; done
        exec "$python" "$server_script" --state "$work/state.$name.json" --cert cert.pem --key key.pem "$@"
    ) <"in.$name" >"out.$name" 2>"err.$name" &
    pid[$name]=$!
    exec {handle}>"in.$name"
    fd[$name]=$handle
    for i in $(seq 100); do
        [ -s "out.$name" ] && break
        sleep 0.1
    done
    port[$name]=$(head -1 "out.$name")
    if [[ ! ${port[$name]} =~ ^[0-9]+$ ]]; then
        echo "server $name did not start:"
        cat "err.$name"
        exit 1
    fi
}

# stop NAME: closes the server's stdin; it must exit by itself.
stop() {
    local name=$1 handle=${fd[$1]} i
    exec {handle}>&-
    for i in $(seq 50); do
        kill -0 "${pid[$name]}" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "${pid[$name]}" 2>/dev/null; then
        fail "server $name exits when its stdin closes"
        kill "${pid[$name]}"
    else
        pass "server $name exits when its stdin closes"
    fi
    wait "${pid[$name]}" 2>/dev/null || true
    unset "pid[$name]"
}

# Shared helpers for the smtplib checks.
cat >smtpcheck.py <<'EOF'
import json, os, smtplib, ssl, sys

USER = os.environ["IMRF_TEST_SMTP_USER"]
PASSWORD = os.environ["IMRF_TEST_SMTP_PASSWORD"]
PORT = int(os.environ["PORT"])

def state():
    with open(os.environ["STATE"], encoding="utf-8") as f:
        return json.load(f)

def tls_context():
    return ssl.create_default_context(cafile="cert.pem")

def connect(starttls=True, login=True):
    s = smtplib.SMTP("127.0.0.1", PORT, timeout=10)
    s.ehlo("client.example.org")
    if starttls:
        s.starttls(context=tls_context())
        s.ehlo("client.example.org")
    if login:
        s.login(USER, PASSWORD)
    return s

def expect(condition, what):
    if not condition:
        print("expected:", what)
        sys.exit(1)
EOF
export PYTHONPATH="$work"

# py_check NAME SERVER < python-program
py_check() {
    local name=$1 server=$2
    if PORT=${port[$server]} STATE="$work/state.$server.json" "$python" - >"log" 2>&1; then
        pass "$name"
    else
        fail "$name"
        sed 's/^/      /' log
    fi
}

# state_check NAME SERVER EXPRESSION: a Python expression over the state `s`.
state_check() {
    local name=$1 server=$2 expression=$3
    if "$python" -c 'import json, sys; s = json.load(open(sys.argv[1], encoding="utf-8")); sys.exit(0 if eval(sys.argv[2]) else 1)' \
        "$work/state.$server.json" "$expression"; then
        pass "$name"
    else
        fail "$name" "state: $(cat "$work/state.$server.json")"
    fi
}

# curl_case NAME EXPECTED-EXIT EXPECTED-ERROR-REGEX curl-arguments...: runs curl -v
# and checks its exit code and the `curl: (N) ...` line; prints both.
curl_case() {
    local name=$1 expected=$2 pattern=$3 code=0 message
    shift 3
    curl --silent --show-error -v --mail-from sender@example.org --upload-file msg.txt "$@" >curl.out 2>curl.err || code=$?
    message=$(grep -m1 '^curl: (' curl.err || true)
    if [[ $code == "$expected" ]] && [[ $message =~ $pattern ]]; then
        pass "curl: $name" "exit $code${message:+, $message}"
    else
        fail "curl: $name" "exit $code, wanted $expected; ${message:-no error line}"
    fi
}

printf 'From: Sender <sender@example.org>\r\nTo: someone@example.org\r\nSubject: =?UTF-8?Q?Frist_l=C3=A4uft_ab?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\xc3\xbc\xc3\x9fe\r\n.a line that starts with a dot\r\n' >msg.txt

echo "== smtplib, STARTTLS server"
start plain --refuse '<No-Such@Example.org>'

py_check "MAIL before STARTTLS is refused (530)" plain <<'EOF'
from smtpcheck import *
s = connect(starttls=False, login=False)
expect("starttls" in s.esmtp_features and "auth" not in s.esmtp_features, "STARTTLS offered, AUTH not, before TLS")
code, reply = s.mail("sender@example.org")
expect(code == 530, "530, got %r %r" % (code, reply))
code, reply = s.docmd("AUTH", "PLAIN AGEAYg==")
expect(code == 530, "AUTH: 530, got %r %r" % (code, reply))
EOF

py_check "MAIL after STARTTLS but before AUTH is refused (530 5.7.0)" plain <<'EOF'
from smtpcheck import *
s = connect(login=False)
code, reply = s.mail("sender@example.org")
expect(code == 530 and b"Authentication required" in reply, "530, got %r %r" % (code, reply))
EOF

py_check "wrong password is answered 535" plain <<'EOF'
from smtpcheck import *
s = connect(login=False)
s.user, s.password = USER, "wrong"
try:
    s.auth("PLAIN", s.auth_plain)  # not login(), which would try LOGIN after PLAIN
    expect(False, "an SMTPAuthenticationError")
except smtplib.SMTPAuthenticationError as error:
    expect(error.smtp_code == 535, "535, got %r" % error.smtp_code)
EOF
state_check "wrong password counted (authFailures 1)" plain 's["authFailures"] == 1 and s["messages"] == []'

py_check "STARTTLS + AUTH PLAIN + UTF-8 message with an RFC 2047 subject" plain <<'EOF'
from smtpcheck import *
import base64
subject = "=?utf-8?b?" + base64.b64encode("Erinnerung: Frist läuft ab – Übermorgen".encode()).decode() + "?="
message = ("From: sender@example.org\r\nTo: someone@example.org\r\nSubject: " + subject
           + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n.dot\r\n").encode()
s = connect()
expect(s.mail("sender@example.org", ["BODY=8BITMIME"])[0] == 250, "MAIL 250")
expect(s.rcpt("someone@example.org")[0] == 250, "RCPT 250")
code, reply = s.data(message)
expect((code, reply) == (250, b"2.0.0 Ok: queued as Q1"), "250 2.0.0 Ok: queued as Q1, got %r %r" % (code, reply))
s.quit()
m = state()["messages"][-1]
expect(m["data"] == message.decode(), "data as sent, got %r" % m["data"])
expect(m["mailFrom"] == "sender@example.org" and m["rcptTos"] == ["someone@example.org"], "envelope")
expect(m["authUser"] == USER and m["tls"] is True and m["queueID"] == "Q1", "authUser, tls, queueID: %r" % m)
EOF

py_check "AUTH LOGIN works too" plain <<'EOF'
from smtpcheck import *
s = connect(login=False)
s.user, s.password = USER, PASSWORD
code, reply = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
expect(code == 235, "235, got %r %r" % (code, reply))
expect(s.sendmail("sender@example.org", ["someone@example.org"], b"Subject: login\r\n\r\nx\r\n") == {}, "accepted")
expect(state()["messages"][-1]["queueID"] == "Q2", "queueID Q2")
EOF

py_check "SMTPUTF8: a non-ASCII sender address" plain <<'EOF'
from smtpcheck import *
s = connect()
expect(s.has_extn("smtputf8") and s.has_extn("8bitmime"), "SMTPUTF8 and 8BITMIME offered")
s.sendmail("jörg@example.org", ["someone@example.org"], "Subject: utf8\r\n\r\nä\r\n".encode(), mail_options=["SMTPUTF8", "BODY=8BITMIME"])
m = state()["messages"][-1]
expect(m["mailFrom"] == "jörg@example.org" and "SMTPUTF8" in m["mailOptions"], "got %r" % m)
EOF

py_check "refused recipient (any case, no brackets) answered 550 5.1.1" plain <<'EOF'
from smtpcheck import *
s = connect()
refused = s.sendmail("sender@example.org", ["someone@example.org", "no-such@example.ORG"], b"Subject: two\r\n\r\nx\r\n")
expect(refused == {"no-such@example.ORG": (550, b"5.1.1 <no-such@example.ORG>: Recipient address rejected: user unknown")}, "got %r" % refused)
st = state()
expect(st["refused"] == ["no-such@example.ORG"], "recorded, got %r" % st["refused"])
expect(st["messages"][-1]["rcptTos"] == ["someone@example.org"], "sent to the other one only")
EOF

echo "== smtplib, --no-tls server"
start notls --no-tls
py_check "no STARTTLS offered, AUTH in the clear, message tls false" notls <<'EOF'
from smtpcheck import *
s = connect(starttls=False, login=False)
expect(not s.has_extn("starttls") and s.has_extn("auth"), "no STARTTLS, AUTH offered")
s.login(USER, PASSWORD)
s.sendmail("sender@example.org", ["someone@example.org"], b"Subject: clear\r\n\r\nx\r\n")
expect(state()["messages"][-1]["tls"] is False, "tls false")
EOF

echo "== curl $(curl --version | head -1 | cut -d' ' -f2)"
start smtps --smtps --handshake-timeout 4
P=${port[plain]} S=${port[smtps]} N=${port[notls]}
login="$IMRF_TEST_SMTP_USER:$IMRF_TEST_SMTP_PASSWORD"

curl_case "smtp:// STARTTLS success" 0 '^$' --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
if grep -q '^< 250 2.0.0 Ok: queued as Q[0-9]*' curl.err; then pass "curl -v shows the DATA reply as a header line" "$(grep '^< 250 2.0.0' curl.err | tr -d '\r')"; else fail "curl -v shows the DATA reply"; fi
state_check "curl's message stored as sent" plain 's["messages"][-1]["data"] == open("msg.txt", encoding="utf-8", newline="").read() and s["messages"][-1]["tls"]'
curl --silent --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$login" --mail-from sender@example.org \
    --mail-rcpt someone@example.org --upload-file msg.txt --max-time 20 -D headers.txt -o /dev/null
if grep -q '^250 2.0.0 Ok: queued as Q[0-9]*' headers.txt; then pass "curl -D (header callback) gets the DATA reply" "$(tail -1 headers.txt | tr -d '\r')"; else fail "curl -D gets the DATA reply"; fi

curl_case "smtps:// against --smtps success" 0 '^$' --url "smtps://127.0.0.1:$S" --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
state_check "smtps message stored, tls true" smtps 'len(s["messages"]) == 1 and s["messages"][0]["tls"] and s["messages"][0]["authUser"] == "reminder@example.org"'

curl_case "wrong password" 67 '^curl: \(67\) Login denied$' --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$IMRF_TEST_SMTP_USER:wrong" --mail-rcpt someone@example.org --max-time 20
curl_case "one of two recipients refused" 55 '^curl: \(55\) RCPT failed: 550$' --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --mail-rcpt no-such@example.org --max-time 20
curl_case "one of two recipients refused, --mail-rcpt-allowfails" 0 '^$' --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --mail-rcpt no-such@example.org --mail-rcpt-allowfails --max-time 20
state_check "allowfails: sent to the accepted one only" plain 's["messages"][-1]["rcptTos"] == ["someone@example.org"] and s["refused"][-2:] == ["no-such@example.org", "no-such@example.org"]'
curl_case "only recipient refused, --mail-rcpt-allowfails" 55 '^curl: \(55\) RCPT failed: 550 \(last error\)$' --url "smtp://127.0.0.1:$P" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt no-such@example.org --mail-rcpt-allowfails --max-time 20
curl_case "--ssl-reqd against --no-tls" 64 '^curl: \(64\) STARTTLS not supported\.$' --url "smtp://127.0.0.1:$N" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
curl_case "no --ssl-reqd against --no-tls (sends in the clear)" 0 '^$' --url "smtp://127.0.0.1:$N" --user "$login" --mail-rcpt someone@example.org --max-time 20
curl_case "smtps:// against the STARTTLS server" 35 '^curl: \(35\) .*wrong version number$' --url "smtps://127.0.0.1:$P" --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
curl_case "smtp:// against --smtps, server gives up on TLS" 56 '^curl: \(56\) response reading failed' --url "smtp://127.0.0.1:$S" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
curl_case "smtp:// against --smtps, curl times out first" 28 '^curl: \(28\) Operation timed out after [0-9]+ milliseconds with 0 bytes received$' --url "smtp://127.0.0.1:$S" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 2
curl_case "no --cacert: self-signed not trusted (smtp://)" 60 '^curl: \(60\) SSL certificate problem: self-signed certificate$' --url "smtp://127.0.0.1:$P" --ssl-reqd --user "$login" --mail-rcpt someone@example.org --max-time 20
curl_case "no --cacert: self-signed not trusted (smtps://)" 60 '^curl: \(60\) SSL certificate problem: self-signed certificate$' --url "smtps://127.0.0.1:$S" --user "$login" --mail-rcpt someone@example.org --max-time 20

echo "== server down, then up on the same port"
free=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
curl_case "port closed" 7 "^curl: \(7\) Failed to connect to 127.0.0.1 port $free after [0-9]+ ms: Couldn't connect to server$" --url "smtp://127.0.0.1:$free" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
start again --port "$free"
if [[ ${port[again]} == "$free" ]]; then pass "--port $free honoured"; else fail "--port $free honoured" "got ${port[again]}"; fi
curl_case "now up on that port" 0 '^$' --url "smtp://127.0.0.1:$free" --ssl-reqd --cacert cert.pem --user "$login" --mail-rcpt someone@example.org --max-time 20
state_check "connections counted" again 's["connections"] == 1 and len(s["messages"]) == 1'

for name in plain notls smtps again; do stop "$name"; done

if ((failures > 0)); then
    echo "$failures check(s) FAILED"
    exit 1
fi
echo "all checks passed"
