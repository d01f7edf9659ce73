"""Reads Cadence's .eml drafts with Python's own RFC 5322 parser.

Usage: check_eml.py DIR
Prints, for each draft in name order: the file name, then From, To and the
decoded Subject, then the body's first line. Exits non-zero naming what is wrong.
"""
import email
import email.policy
import os
import sys

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    raw = open(os.path.join(folder, name), "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        sys.exit(f"{name}: a bare LF (lines end with CRLF)")
    for number, line in enumerate(raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"), 1):
        if len(line) > 78:
            sys.exit(f"{name}: header line {number} is {len(line)} characters (RFC 5322 asks for at most 78)")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message["X-Unsent"] != "1":
        sys.exit(f"{name}: not marked as a draft (X-Unsent: 1)")
    if message.get_content_type() != "text/plain" or message.get_content_charset() != "utf-8":
        sys.exit(f"{name}: not text/plain in UTF-8")
    body = message.get_content()
    print(name)
    print(f"  From: {message['From']}")
    print(f"  To: {message['To']}")
    print(f"  Subject: {message['Subject']}")
    print(f"  {body.splitlines()[0]}")
