#!/usr/bin/env python3
"""Writes a data.yaml with the default template's facts plus N generated timeline events,
for measuring the timeline at scale: make-timeline-data.py N > data.yaml"""
import random
import sys
from pathlib import Path

count = int(sys.argv[1])
template = Path(__file__).resolve().parent.parent / "Templates" / "sino-pak" / "data.yaml"
text = template.read_text(encoding="utf-8")
head = text.rstrip("\n")  # the events list is last in the default data
rng = random.Random(count)
domains = ["diplomacy", "defence", "space", "it", "energy", "trade"]
words = ["Agreement", "signed", "on", "satellite", "cooperation", "joint", "research", "centre", "opened", "fibre", "link", "launched"]
lines = [head]
for i in range(count):
    year = 1963 + int((1 - (1 - rng.random()) ** 2) * 62)
    kind = rng.random()
    if kind < 0.1:
        when = f"    start: {year}\n    end: {min(2025, year + rng.randint(1, 8))}"
    elif kind < 0.3:
        when = f"    date: {year}"
    elif kind < 0.55:
        when = f"    date: {year}-{rng.randint(1, 12):02d}"
    else:
        when = f"    date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 7))).capitalize()
    lines.append(f"  - id: e{i}\n    title: {title} {i}\n{when}\n    domain: {rng.choice(domains)}\n"
                 f"    source: issra-insight\n    confidence: {rng.choice(['reported', 'unconfirmed'])}")
print("\n".join(lines))
