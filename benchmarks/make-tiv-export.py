#!/usr/bin/env python3
"""Writes a CSV in the layout of a SIPRI TIV export (title, notes, Generated and Source
lines, a header of years ending in Total, one row per supplier padded to the full width,
a Total row), Latin-1 with CRLF lines as SIPRI writes them, for measuring the import at
scale: make-tiv-export.py SUPPLIERS YEARS > export.csv (the years end in 2024)."""
import random
import sys

suppliers, span = int(sys.argv[1]), int(sys.argv[2])
years = list(range(2025 - span, 2025))
rng = random.Random(suppliers * 1000 + span)
width = len(years) + 2
names = ["China", "United States", "Türkiye", "Sweden", "Italy"] + [f"Supplier {i:03d}" for i in range(suppliers - 5)]


def line(cells):
    return ",".join(cells + [""] * (width - len(cells)))


rows = [line([f"TIV of arms exports to Testland, {years[0]}-{years[-1]}"]), line(["Generated: 22 April 2025"]),
        line(['"Figures are SIPRI Trend Indicator Values (TIVs) expressed in millions."']),
        line(['"A \'0\' indicates that the value of deliveries is less than 0.5m"']),
        line(["Note: generated test data in the layout of a SIPRI export, not SIPRI data."]),
        line(["Source: SIPRI Arms Transfers Database"]), line([]), line([""] + [str(y) for y in years] + ["Total"])]
totals = [0] * len(years)
for index, name in enumerate(names[:suppliers]):
    cells = []
    for column in range(len(years)):
        # Most suppliers deliver in few years: empty cells, as in a real export.
        value = rng.randint(1, 900) if index < 3 or rng.random() < 0.3 else None
        cells.append("" if value is None else str(value))
        totals[column] += value or 0
    rows.append(line([name] + cells + [str(sum(int(c) for c in cells if c))]))
rows += [line([]), line(["Total"] + [str(t) for t in totals] + [str(sum(totals))])]
sys.stdout.buffer.write(("\r\n".join(rows) + "\r\n").encode("latin-1"))
