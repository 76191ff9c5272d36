#!/usr/bin/env python3
"""Writes the C baseline's draw list: every text span, path and link of a Briefing PDF, read
back with PyMuPDF (format in benchmarks/baseline/baseline.c).

usage: draw-list.py BRIEFING.pdf OUT.draw"""
import sys
from pathlib import Path


def draw_list(pdf, path):
    """What the C baseline draws: every text span, path and link of Briefing's own PDF, read
    back with PyMuPDF (see benchmarks/baseline/baseline.c for the format)."""
    import pymupdf

    def hex_colour(value):
        if value is None:
            return "-"
        if isinstance(value, int):
            return f"{value:06x}"
        return "".join(f"{round(channel * 255):02x}" for channel in value[:3])

    weights = {"Regular": 400, "Medium": 500, "SemiBold": 600, "Bold": 700, "Italic": 400, "BoldItalic": 700}
    families = {"NotoSerif": "Noto Serif", "Inter": "Inter", "NotoNastaliqUrdu": "Noto Nastaliq Urdu", "DroidSansFallbackFull": "Droid Sans Fallback"}
    lines = []
    with pymupdf.open(pdf) as document:
        destinations = {}
        for page in document:
            for link in page.get_links():
                if link.get("nameddest"):
                    destinations.setdefault(link["page"], {})[link["nameddest"]] = link["to"]
        for page in document:
            lines.append(f"P\t{page.rect.width:.3f}\t{page.rect.height:.3f}")
            for name, point in destinations.get(page.number, {}).items():
                lines.append(f"A\t{point.x:.2f}\t{point.y:.2f}\t{name}")
            for drawing in page.get_drawings():
                ops = []
                for item in drawing["items"]:
                    if item[0] == "l":
                        ops += ["M", f"{item[1].x:.3f}", f"{item[1].y:.3f}", "L", f"{item[2].x:.3f}", f"{item[2].y:.3f}"]
                    elif item[0] == "c":
                        ops += ["M", f"{item[1].x:.3f}", f"{item[1].y:.3f}", "C"] + [f"{v:.3f}" for point in item[2:5] for v in (point.x, point.y)]
                    elif item[0] == "re":
                        ops += ["R", f"{item[1].x0:.3f}", f"{item[1].y0:.3f}", f"{item[1].width:.3f}", f"{item[1].height:.3f}"]
                    elif item[0] == "qu":
                        quad = item[1]
                        ops += ["M", f"{quad.ul.x:.3f}", f"{quad.ul.y:.3f}"] + [v for point in (quad.ur, quad.lr, quad.ll) for v in ("L", f"{point.x:.3f}", f"{point.y:.3f}")] + ["Z"]
                if drawing.get("closePath"):
                    ops.append("Z")
                lines.append("\t".join(["D", hex_colour(drawing.get("fill")), hex_colour(drawing.get("color")), f"{drawing.get('width') or 0:.2f}"] + ops))
            # Spans on one baseline that follow each other closely form one line of text, set as
            # one Pango layout with a font per segment, as Briefing sets a paragraph's runs.
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    groups = []
                    for span in line["spans"]:
                        if not span["text"].strip():
                            continue
                        previous = groups[-1][-1] if groups else None
                        if previous and abs(previous["origin"][1] - span["origin"][1]) < 0.5 and span["bbox"][0] - previous["bbox"][2] < 12:
                            groups[-1].append(span)
                        else:
                            groups.append([span])
                    for group in groups:
                        lines.append(f"T\t{group[0]['origin'][0]:.3f}\t{group[0]['origin'][1]:.3f}\t{len(group)}")
                        for span in group:
                            family, _, style = span["font"].split("+")[-1].partition("-")
                            lines.append("\t".join(["S", families.get(family, family), str(weights.get(style, 400)), "1" if "Italic" in style else "0",
                                                     f"{span['size']:.3f}", hex_colour(span["color"]), span["text"].replace("\t", " ")]))
            for link in page.get_links():
                rect = link["from"]
                if link.get("uri"):
                    target = ["uri", link["uri"]]
                elif link.get("nameddest"):
                    target = ["dest", link["nameddest"]]
                else:
                    continue
                lines.append("\t".join(["K", f"{rect.x0:.2f}", f"{rect.y0:.2f}", f"{rect.width:.2f}", f"{rect.height:.2f}"] + target))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    draw_list(Path(sys.argv[1]), Path(sys.argv[2]))
