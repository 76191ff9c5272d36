#!/usr/bin/python3
"""Reads the messages an SMTP test server wrote (N.eml with its envelope N.json) with
Python's email package and prints them as JSON, for the delivery tests: envelope, headers
decoded, the plain and HTML parts, and each attachment's name, type, size and SHA-256.

    read-mail.py FOLDER"""
import email
import email.policy
import hashlib
import json
import sys
from pathlib import Path

messages = []
folder = Path(sys.argv[1])
for path in sorted(folder.glob("*.eml"), key=lambda p: int(p.stem)):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    entry = {
        "envelope": json.loads(path.with_suffix(".json").read_text()),
        "from": str(message["From"]), "to": str(message["To"] or ""), "cc": str(message["Cc"] or ""),
        "subject": str(message["Subject"]), "message_id": str(message["Message-ID"]), "date": str(message["Date"]),
        "auto_submitted": str(message["Auto-Submitted"] or ""), "defects": [str(d) for d in message.defects],
        "text": "", "html": "", "attachments": [],
    }
    body = message.get_body(preferencelist=("plain",))
    # Lines arrive with CRLF, as SMTP carries them; compared here as LF.
    entry["text"] = body.get_content().replace("\r\n", "\n") if body else ""
    html = message.get_body(preferencelist=("html",))
    entry["html"] = html.get_content().replace("\r\n", "\n") if html else ""
    for part in message.iter_attachments():
        data = part.get_content()
        entry["attachments"].append({"name": part.get_filename(), "type": part.get_content_type(), "size": len(data),
                                     "sha256": hashlib.sha256(data).hexdigest()})
    messages.append(entry)
print(json.dumps(messages, indent=1))
