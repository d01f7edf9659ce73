"""Reads `cadence negotiate --eml` drafts with Python's own RFC 5322 parser.

Usage: letter_eml.py FILE
Prints To, the decoded Subject, then the body as the mail client shows it.
Exits non-zero naming what is wrong: a bare LF or lone CR, a header line
longer than 78 characters, a header with a control or a line break in it.
"""
import email
import email.policy
import sys

raw = open(sys.argv[1], "rb").read()
if b"\n" in raw.replace(b"\r\n", b"") or b"\r" in raw.replace(b"\r\n", b""):
    sys.exit("a line not ended by CRLF")
head = raw.split(b"\r\n\r\n", 1)[0]
for number, line in enumerate(head.split(b"\r\n"), 1):
    if len(line) > 78:
        sys.exit(f"header line {number} is {len(line)} characters")
message = email.message_from_bytes(raw, policy=email.policy.default)
for field in ("To", "Subject", "From"):
    value = str(message[field] or "")
    if any(ord(c) < 0x20 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in value):
        sys.exit(f"{field} holds a control: {value!r}")
print(f"To: {message['To'] or ''}")
print(f"Subject: {message['Subject']}")
print(message.get_content().replace("\r\n", "\n"), end="")
