#!/usr/bin/env bash
# Runs the release binary under valgrind's memcheck: the default briefing, a PNG page, the
# second briefing with its images and a dense timeline. Fails on any invalid read or write (the C libraries we call take lengths
# and pointers from Swift; a wrong one corrupts memory silently, and a cron job would crash
# later and elsewhere). Leaks are not counted: the run is a short process. Uses of
# uninitialised values are not counted either: optimized Swift reads spare bits of enum
# payloads it never uses (valgrind reports them in GRDB's SQL generation, for example).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install valgrind" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF that Swift 6 writes, so it runs a copy without it.
strip --strip-debug -o "$work/briefing" .build/release/briefing
export BRIEFING_HOME="$PWD"
check() {
  echo "memcheck: briefing $*"
  valgrind --quiet --error-exitcode=99 --leak-check=no --undef-value-errors=no "$work/briefing" "$@" >/dev/null
}
check generate --date 2026-11-30 --output "$work/briefing.pdf"
check generate --date 2026-11-30 --sections space --format png --dpi 40 --output "$work/page.pdf"
# PNG through cairo's decoder and SVG through librsvg, both fed bytes from Swift.
check generate --date 2026-11-30 --template Tests/Fixtures/chips --output "$work/chips.pdf"
python3 benchmarks/make-timeline-data.py 300 > "$work/events.yaml"
check chart timeline --data "$work/events.yaml" --format svg --output "$work/timeline.svg"
echo "memcheck: no invalid reads or writes"
