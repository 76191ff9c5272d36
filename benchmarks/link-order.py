#!/usr/bin/env python3
"""Writes benchmarks/link-order.txt: the functions the release binary runs, in the order
callgrind first meets them, for lld's --symbol-ordering-file (Package.swift links the release
binary with it).

Why: the statically linked binary's code is 27 MiB, of which a run executes about 2.6 MiB,
scattered over it. Every page fault on code maps the 64 KiB around it, so a run touched 20 MiB
of code (resident memory, and page faults at start-up). Laid out together, the functions a run
executes take about 7 MiB of 64 KiB blocks.

A stale list is harmless: names no longer in the binary are skipped (lld is told not to warn),
and new functions are placed where they would be without the list. Rerun with `make link-order`
after large changes and commit the result; needs valgrind.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "briefing"
OUTPUT = ROOT / "benchmarks" / "link-order.txt"


def runs(workdir):
    """What a run of each kind executes: start-up alone, the default briefing in each format,
    another template, a large chart, a check."""
    events = workdir / "events-2000.yaml"
    events.write_bytes(subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make-timeline-data.py"), "2000"],
                                      capture_output=True, check=True).stdout)
    common = ["--date", "2026-11-30", "--quiet"]
    return [
        ["--version"],
        ["generate", *common, "--output", str(workdir / "default.pdf")],
        ["generate", *common, "--format", "pdf,html", "--output", str(workdir / "both.pdf")],
        ["generate", *common, "--format", "png", "--dpi", "40", "--output", str(workdir / "pages.png")],
        ["generate", *common, "--template", str(ROOT / "Tests" / "Fixtures" / "chips"), "--output", str(workdir / "chips.pdf")],
        ["chart", "timeline", "--data", str(events), "--output", str(workdir / "timeline.pdf"), "--quiet"],
        ["check", "--quiet"],
    ]


def executed(binary, workdir):
    """Function names in the order callgrind first meets them, over every run."""
    stripped = workdir / "briefing-stripped"
    # valgrind 3.19 cannot read the DWARF 5 debug information Swift writes.
    subprocess.run(["strip", "--strip-debug", "-o", str(stripped), str(binary)], check=True)
    names, seen = [], set()
    environment = dict(os.environ, BRIEFING_HOME=str(ROOT))
    for index, arguments in enumerate(runs(workdir)):
        profile = workdir / f"callgrind-{index}"
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", str(stripped), *arguments],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment, cwd=workdir, check=True)
        for line in profile.read_text(errors="replace").splitlines():
            found = re.match(r"^c?fn=\(\d+\) (.+)$", line)
            if not found:
                continue
            # callgrind marks recursion depth as name'2.
            name = re.sub(r"'\d+$", "", found.group(1).strip())
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names


def main():
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else BINARY
    if not shutil.which("valgrind"):
        sys.exit("link-order: valgrind is not installed (scripts/install-deps.sh bench installs it)")
    defined = set(re.findall(r"^\S+ [tTwW] (\S+)$", subprocess.run(["nm", "--defined-only", str(binary)], capture_output=True,
                                                                     text=True, check=True).stdout, re.M))
    with tempfile.TemporaryDirectory(prefix="briefing-link-order-") as temporary:
        names = [name for name in executed(binary, Path(temporary)) if name in defined]
    OUTPUT.write_text("".join(f"{name}\n" for name in names))
    print(f"link-order: {len(names)} functions written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
