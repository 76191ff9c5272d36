#!/usr/bin/python3
"""A real SMTP server for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd), on
127.0.0.1: writes each message it accepts to FOLDER as N.eml, with its envelope in N.json,
prints "port P" when it listens and runs until killed.

    smtp-server.py FOLDER [PORT] [--reject ADDRESS ...] [--defer ADDRESS ...]

Recipients given with --reject are refused with 550 (a permanent failure), those given with
--defer with 451 (try again later, as a greylisting server answers)."""
import json
import socket
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller

folder = Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
arguments = sys.argv[2:]
lists = {"--reject": set(), "--defer": set()}
current = None
positional = []
for argument in arguments:
    if argument in lists:
        current = lists[argument]
    elif current is not None:
        current.add(argument.lower())
    else:
        positional.append(argument)
rejected, deferred = lists["--reject"], lists["--defer"]
port = int(positional[0]) if positional else 0


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.lower() in rejected:
            return "550 5.1.1 no such user here"
        if address.lower() in deferred:
            return "451 4.7.1 greylisted, try again later"
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
