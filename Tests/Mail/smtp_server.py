#!/usr/bin/python3
"""A loopback SMTP server for the end-to-end tests of `imrf remind` (aiosmtpd).

Run with Debian's /usr/bin/python3 (python3-aiosmtpd is installed for it only):

  /usr/bin/python3 Tests/Mail/smtp_server.py --state FILE --cert PEM --key PEM
      [--port N] [--smtps | --no-tls] [--refuse ADDRESS]... [--verbose]

Listens on 127.0.0.1 (port N, default 0 = any free port), prints the port on
the first line of stdout, then serves until stdin is closed or it is killed.

Modes:
  default   plain SMTP; STARTTLS offered and required before MAIL and AUTH
  --smtps   implicit TLS from the first byte (what libcurl does for smtps://)
  --no-tls  no TLS at all; AUTH allowed in the clear
In every mode AUTH (PLAIN or LOGIN) is required before MAIL FROM. The one valid
login is read from the environment, IMRF_TEST_SMTP_USER and
IMRF_TEST_SMTP_PASSWORD (never argv); a wrong one is answered 535 and counted.
RCPT TO an address given with --refuse (case-insensitive, angle brackets
optional) is answered 550 5.1.1 and recorded.

After every accepted message, refused recipient, failed AUTH and new connection
the whole state is written atomically as JSON to --state *before* the reply is
sent, so a test that has its reply can read the state without racing:
  {"messages": [{"mailFrom", "rcptTos", "data", "authUser", "tls", "queueID",
                 "mailOptions"}],
   "refused": [...], "authFailures": N, "connections": N}
"data" is the message exactly as received (CRLF line ends, dot-unstuffed),
decoded as UTF-8 with errors="replace". An accepted message is answered
"250 2.0.0 Ok: queued as Q<n>".
"""
import argparse, asyncio, json, logging, os, signal, ssl, sys, threading, warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

state = {"messages": [], "refused": [], "authFailures": 0, "connections": 0}
state_file = None


def write_state():
    tmp = state_file + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f, ensure_ascii=False)
    os.replace(tmp, state_file)


def bare_address(text):
    """`<A@B>` or `A@B`, in any case, as `a@b`."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    return text.lower()


def uses_tls(server):
    """True when the connection is encrypted, by STARTTLS or from the first byte."""
    transport = server.transport
    return transport is not None and transport.get_extra_info("ssl_object") is not None


class Handler:
    def __init__(self, user, password, refuse):
        self.user = user.encode("utf-8")
        self.password = password.encode("utf-8")
        self.refuse = {bare_address(address) for address in refuse}

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if (isinstance(auth_data, LoginPassword)
                and auth_data.login == self.user and auth_data.password == self.password):
            return AuthResult(success=True, auth_data=auth_data)
        state["authFailures"] += 1
        write_state()
        return AuthResult(success=False, handled=False)  # aiosmtpd answers 535 5.7.8

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if bare_address(address) in self.refuse:
            state["refused"].append(address)
            write_state()
            return "550 5.1.1 <%s>: Recipient address rejected: user unknown" % address
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        queue_id = "Q%d" % (len(state["messages"]) + 1)
        login = getattr(session.auth_data, "login", None)
        state["messages"].append({
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "data": envelope.original_content.decode("utf-8", errors="replace"),
            "authUser": login.decode("utf-8", errors="replace") if login is not None else None,
            "tls": uses_tls(server),
            "queueID": queue_id,
            "mailOptions": list(envelope.mail_options),
        })
        write_state()
        return "250 2.0.0 Ok: queued as " + queue_id


def exit_when_parent_goes():
    """The test keeps our stdin open; EOF means it is gone, so we go too."""
    sys.stdin.buffer.read()
    os._exit(0)


async def serve(args, handler):
    loop = asyncio.get_running_loop()
    if not args.verbose:
        loop.set_exception_handler(lambda loop, context: None)  # e.g. a client that gives up mid-handshake
    context = None
    if not args.no_tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)

    def new_connection():
        state["connections"] += 1
        write_state()
        return SMTP(
            handler,
            hostname="imrf-test.localhost",
            ident="imrf test SMTP",
            enable_SMTPUTF8=True,
            tls_context=context if not args.smtps else None,
            require_starttls=not args.smtps and not args.no_tls,
            auth_required=True,
            # With --smtps the connection is TLS before aiosmtpd sees it, so it cannot tell.
            auth_require_tls=not args.smtps and not args.no_tls,
            authenticator=handler.authenticate,
            loop=loop,
        )

    server = await loop.create_server(
        new_connection, "127.0.0.1", args.port,
        ssl=context if args.smtps else None,
        ssl_handshake_timeout=args.handshake_timeout if args.smtps else None,
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


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
    parser.add_argument("--port", type=int, default=0)
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--smtps", action="store_true", help="implicit TLS from the first byte")
    modes.add_argument("--no-tls", action="store_true", help="no STARTTLS; AUTH in the clear")
    parser.add_argument("--refuse", action="append", default=[], metavar="ADDRESS")
    parser.add_argument("--handshake-timeout", type=float, default=10,
                        help="seconds an --smtps client has to start TLS (a plain client never does)")
    parser.add_argument("--verbose", action="store_true", help="aiosmtpd's log on stderr")
    args = parser.parse_args()
    if not args.no_tls and not (args.cert and args.key):
        parser.error("--cert and --key are required unless --no-tls")
    user = os.environ.get("IMRF_TEST_SMTP_USER")
    password = os.environ.get("IMRF_TEST_SMTP_PASSWORD")
    if user is None or password is None:
        parser.error("IMRF_TEST_SMTP_USER and IMRF_TEST_SMTP_PASSWORD must be set")
    # aiosmtpd warns about AUTH without its own TLS check (--smtps, --no-tls): that is meant here.
    warnings.simplefilter("ignore")
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.CRITICAL, stream=sys.stderr)
    state_file = args.state
    write_state()
    if not sys.stdin.isatty():
        threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    asyncio.run(serve(args, Handler(user, password, args.refuse)))


if __name__ == "__main__":
    main()
