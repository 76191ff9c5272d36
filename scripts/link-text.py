#!/usr/bin/env python3
"""Reads back, from the structure tree, the words each Link element holds, as a screen
reader finds them: the element's marked content (MCIDs) on its page, decoded through the
fonts' ToUnicode maps. Written with pikepdf (which pdfua is built on), not by the program
that made the PDF, so it checks what the file says rather than what Briefing meant.

    link-text.py FILE.pdf...  ->  JSON: per file, the number of Link elements, those that hold
                                  no text (with their /Contents), and every link's text

Exits 1 if a file cannot be read."""
import json
import re
import sys

import pikepdf


def parse_cmap(data):
    """A ToUnicode CMap's bfchar and bfrange entries: code (bytes) -> text."""
    text = data.decode("latin-1")
    mapping = {}
    widths = set()

    def hexbytes(value):
        return bytes.fromhex(value)

    def unicode(value):
        raw = bytes.fromhex(value)
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(r"begincodespacerange(.*?)endcodespacerange", text, re.S):
        for low in re.findall(r"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", block):
            widths.add(len(low) // 2)
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[hexbytes(code)] = unicode(target)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[.*?\])", block, re.S):
            start, end = int(low, 16), int(high, 16)
            size = len(low) // 2
            if target.startswith("["):
                targets = re.findall(r"<([0-9A-Fa-f]*)>", target)
                for offset, value in enumerate(targets):
                    mapping[(start + offset).to_bytes(size, "big")] = unicode(value)
            else:
                base = int(target[1:-1], 16)
                digits = len(target) - 2
                for offset in range(end - start + 1):
                    mapping[(start + offset).to_bytes(size, "big")] = unicode(format(base + offset, "0%dx" % digits))
    return mapping, (max(widths) if widths else 1)


class Fonts:
    """Decodes shown strings with each font's ToUnicode map (bytes as Latin-1 without one)."""

    def __init__(self):
        self.cache = {}

    def decode(self, font, raw):
        if font is None:
            return raw.decode("latin-1")
        key = font.objgen
        if key not in self.cache:
            mapping, width = {}, 1
            if "/ToUnicode" in font:
                mapping, width = parse_cmap(font.ToUnicode.read_bytes())
            elif font.get("/Subtype") == "/Type0":
                width = 2
            self.cache[key] = (mapping, width)
        mapping, width = self.cache[key]
        out = []
        for index in range(0, len(raw), width):
            code = bytes(raw[index:index + width])
            out.append(mapping.get(code, code.decode("latin-1") if width == 1 else ""))
        return "".join(out)


def marked_text(page, fonts):
    """MCID -> the text shown inside that marked-content sequence on `page`."""
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    font_resources = resources.get("/Font", pikepdf.Dictionary())
    texts = {}
    stack = []  # MCID (or None) of each open BDC/BMC
    font = None
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            mcid = None
            if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
            stack.append(mcid)
        elif name == "EMC":
            if stack:
                stack.pop()
        elif name == "Tf":
            font = font_resources.get(operands[0])
        elif name in ("Tj", "'", '"', "TJ"):
            current = next((mcid for mcid in reversed(stack) if mcid is not None), None)
            if current is None:
                continue
            if name == "TJ":
                pieces = [bytes(item) for item in operands[0] if isinstance(item, pikepdf.String)]
            else:
                pieces = [bytes(operands[-1])]
            texts[current] = texts.get(current, "") + "".join(fonts.decode(font, piece) for piece in pieces)
    return texts


def read(path):
    pdf = pikepdf.open(path)
    fonts = Fonts()
    pages = {page.obj.objgen: page for page in pdf.pages}
    cache = {}

    def text_of(page_obj, mcid):
        key = page_obj.objgen
        if key not in cache:
            cache[key] = marked_text(pages[key], fonts) if key in pages else {}
        return cache[key].get(mcid, "")

    links = []
    root = pdf.Root.get("/StructTreeRoot")
    stack = [root] if root is not None else []
    while stack:
        element = stack.pop()
        kids = element.get("/K")
        if kids is None:
            continue
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if kid.S == "/Link":
                    links.append(kid)
                stack.append(kid)
    report = []
    for link in links:
        words, contents = "", None
        kids = link.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                contents = str(kid.Obj.get("/Contents", ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                words += text_of(kid.Pg, int(kid.MCID))
            elif isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                words += text_of(link.Pg, int(kid))
        report.append({"text": words, "contents": contents})
    empty = [entry for entry in report if not entry["text"].strip()]
    return {"file": path, "links": len(report), "without_text": len(empty), "empty": empty[:20], "texts": [entry["text"] for entry in report]}


if __name__ == "__main__":
    try:
        print(json.dumps([read(path) for path in sys.argv[1:]], ensure_ascii=False, indent=1))
    except Exception as error:  # a file that cannot be read is a failure, not a pass
        print(f"link-text.py: {error}", file=sys.stderr)
        sys.exit(1)
