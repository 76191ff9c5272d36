#!/usr/bin/python3
"""A real SMTP server for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd), on
127.0.0.1: writes each message it accepts to FOLDER as N.eml, with its envelope in N.json,
prints "port P" when it listens and runs until killed.

    smtp-server.py FOLDER [PORT] [--reject ADDRESS ...]

Recipients given with --reject are refused with 550 (a permanent failure)."""
import json
import socket
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller

folder = Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
arguments = sys.argv[2:]
rejected = set()
if "--reject" in arguments:
    index = arguments.index("--reject")
    rejected = {address.lower() for address in arguments[index + 1:]}
    arguments = arguments[:index]
port = int(arguments[0]) if arguments else 0


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.lower() in rejected:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = len(list(folder.glob("*.eml"))) + 1
        (folder / f"{number}.eml").write_bytes(envelope.original_content)
        (folder / f"{number}.json").write_text(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos}))
        return "250 Message accepted for delivery"


if not port:
    # A free port, chosen by the kernel (the controller cannot listen on port 0).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print(f"port {port}", flush=True)
try:
    while True:
        time.sleep(3600)
finally:
    controller.stop()
