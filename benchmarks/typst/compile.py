#!/usr/bin/env python3
"""Typst as a peer in `make bench` (PyPI `typst`, the compiler as a Python extension):
compiles a .typ with the bundled fonts only and PDF/UA-1 on, as Briefing's default PDF is.

usage: compile.py IN.typ OUT.pdf FONTS_DIR              one compile (whole process: the benchmark times it)
       compile.py IN.typ OUT.pdf FONTS_DIR --repeat N   one warm-up, then N compiles in this process;
                                                         prints their median in ms (in-process, fonts loaded)"""
import statistics
import sys
import time

import typst


def compile_once(source, output, fonts):
    typst.compile(source, output=output, font_paths=[fonts], ignore_system_fonts=True, pdf_standards=["ua-1"])


def main():
    source, output, fonts = sys.argv[1:4]
    if "--repeat" not in sys.argv:
        compile_once(source, output, fonts)
        return
    count = int(sys.argv[sys.argv.index("--repeat") + 1])
    compile_once(source, output, fonts)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        compile_once(source, output, fonts)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
