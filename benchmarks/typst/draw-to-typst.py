#!/usr/bin/env python3
"""Writes Typst's side of the benchmark: the C baseline's draw list (benchmarks/baseline/
baseline.c describes it) as a Typst document with the same pages, so Typst sets the same
text in the same bundled fonts at the same places and draws the same shapes and links.

Like the C program, Typst then has no data, templates, Markdown, line breaking or
pagination to do: it is given finished pages, and the ratio is what Briefing spends beyond
a typesetter drawing them. Internal links are left out (Typst needs a located element to
point at); web links are kept.

usage: draw-to-typst.py IN.draw OUT.typ"""
import json
import sys
from pathlib import Path

A4 = (595.276, 841.89)


def colour(hex_value):
    return "none" if hex_value == "-" else f'rgb("#{hex_value}")'


def typst_string(text):
    out = ['"']
    for character in text:
        if character == '"':
            out.append('\\"')
        elif character == "\\":
            out.append("\\\\")
        elif ord(character) < 0x20:
            out.append(f"\\u{{{ord(character):x}}}")
        else:
            out.append(character)
    out.append('"')
    return "".join(out)


def path(fill, stroke, width, ops):
    """A D command: rectangles as rect, everything else as a curve."""
    stroke_value = "none" if stroke == "-" else f"(paint: {colour(stroke)}, thickness: {width}pt)"
    if len(ops) == 5 and ops[0] == "R":
        x, y, w, h = ops[1:]
        return f"#place(dx: {x}pt, dy: {y}pt, rect(width: {w}pt, height: {h}pt, fill: {colour(fill)}, stroke: {stroke_value}, inset: 0pt))"
    parts, index = [], 0
    while index < len(ops):
        op = ops[index]
        if op == "M":
            parts.append(f"curve.move(({ops[index + 1]}pt, {ops[index + 2]}pt))")
            index += 3
        elif op == "L":
            parts.append(f"curve.line(({ops[index + 1]}pt, {ops[index + 2]}pt))")
            index += 3
        elif op == "C":
            a = ops[index + 1:index + 7]
            parts.append(f"curve.cubic(({a[0]}pt, {a[1]}pt), ({a[2]}pt, {a[3]}pt), ({a[4]}pt, {a[5]}pt))")
            index += 7
        elif op == "R":
            x, y, w, h = (float(v) for v in ops[index + 1:index + 5])
            parts += [f"curve.move(({x}pt, {y}pt))", f"curve.line(({x + w}pt, {y}pt))", f"curve.line(({x + w}pt, {y + h}pt))",
                      f"curve.line(({x}pt, {y + h}pt))", "curve.close()"]
            index += 5
        elif op == "Z":
            parts.append("curve.close()")
            index += 1
        else:
            raise SystemExit(f"unknown path op {op!r}")
    return f"#place(dx: 0pt, dy: 0pt, curve(fill: {colour(fill)}, stroke: {stroke_value}, {', '.join(parts)}))"


def convert(draw, out):
    lines = draw.read_text(encoding="utf-8").splitlines()
    typ = [
        f"#set page(width: {A4[0]}pt, height: {A4[1]}pt, margin: 0pt)",
        '#set document(title: "Sino-Pak collaboration in science and technology")',
        '#set text(lang: "en", region: "gb", top-edge: "baseline", bottom-edge: "baseline", hyphenate: false)',
    ]
    first = True
    index = 0
    while index < len(lines):
        fields = lines[index].split("\t")
        kind = fields[0]
        if kind == "P":
            if not first:
                typ.append("#pagebreak()")
            if len(fields) >= 3:
                typ.append(f"#set page(width: {fields[1]}pt, height: {fields[2]}pt)")
            first = False
        elif kind == "D":
            typ.append(path(fields[1], fields[2], fields[3], fields[4:]))
        elif kind == "T":
            x, y, count = fields[1], fields[2], int(fields[3])
            segments = []
            for segment in lines[index + 1:index + 1 + count]:
                _, family, weight, italic, size, fill, text = segment.split("\t", 6)
                style = ', style: "italic"' if italic == "1" else ""
                segments.append(f'text(font: "{family}", weight: {weight}{style}, size: {size}pt, fill: {colour(fill)}, {typst_string(text)})')
            typ.append(f"#place(dx: {x}pt, dy: {y}pt, box({' + '.join(segments)}))")
            index += count
        elif kind == "K" and fields[5] == "uri":
            x, y, w, h = fields[1:5]
            typ.append(f"#place(dx: {x}pt, dy: {y}pt, link({typst_string(fields[6])}, box(width: {w}pt, height: {h}pt)))")
        index += 1
    out.write_text("\n".join(typ) + "\n", encoding="utf-8")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
