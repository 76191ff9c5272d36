#!/usr/bin/env python3
"""Reads a PDF with PyMuPDF and prints what a reader sees, as JSON: page labels and text,
the outline, every link (with the text under it and the page it lands on), and metadata.
Used by the end-to-end tests: pdf-report.py FILE.pdf"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import pymupdf  # noqa: E402

document = pymupdf.open(sys.argv[1])
names = document.resolve_names()
pages = []
for page in document:
    links = []
    for link in page.get_links():
        entry = {"text": page.get_textbox(link["from"]).strip(), "rect": list(link["from"])}
        if link.get("uri"):
            entry["uri"] = link["uri"]
        else:
            entry["dest"] = link.get("nameddest", "")
            entry["page"] = names.get(entry["dest"], {}).get("page", link.get("page", -1))
        links.append(entry)
    pages.append({"label": page.get_label(), "text": page.get_text(), "links": links})
report = {
    "pages": pages,
    "outline": [{"level": level, "title": title, "page": number - 1} for level, title, number in document.get_toc()],
    "metadata": document.metadata,
}
json.dump(report, sys.stdout, ensure_ascii=False)
