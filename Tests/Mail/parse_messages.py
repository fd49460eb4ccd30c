#!/usr/bin/env python3
"""Parses the messages the fixture SMTP server received with Python's own
`email` package (policy.default: RFC 5322, MIME, RFC 2047), for imrf's
end-to-end tests of `imrf remind`.

Usage: parse_messages.py STATE.json  -> prints a JSON list, one object per
message: the decoded headers, the plain-text and HTML parts, and every defect
the parser found (a test expects none).
"""
import json, sys
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime


def mailbox(header):
    if header is None:
        return None
    address = header.addresses[0]
    return {"name": address.display_name, "address": address.addr_spec}


def parse(entry):
    raw = entry["data"].encode("utf-8", "surrogateescape")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [type(d).__name__ for d in message.defects]
    parts = {}
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.get_content_maintype() == "text":
            parts[part.get_content_subtype()] = part.get_content()
    lines = raw.split(b"\r\n")
    return {
        "envelopeTo": entry["rcptTos"],
        "from": mailbox(message["From"]),
        "to": mailbox(message["To"]),
        "replyTo": mailbox(message["Reply-To"]),
        "subject": str(message["Subject"]),
        "messageID": str(message["Message-ID"]),
        "date": parsedate_to_datetime(str(message["Date"])).isoformat(),
        "contentType": message.get_content_type(),
        "charsets": sorted({p.get_content_charset() or "" for p in message.walk() if p.get_content_maintype() == "text"}),
        "text": parts.get("plain"),
        "html": parts.get("html"),
        "defects": defects,
        "bareLineFeeds": any(b"\n" in line for line in lines),
        "longestLine": max(len(line) for line in lines),
        "tls": entry["tls"],
        "authUser": entry["authUser"],
    }


with open(sys.argv[1]) as f:
    state = json.load(f)
json.dump([parse(m) for m in state["messages"]], sys.stdout)
