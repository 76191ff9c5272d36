#!/usr/bin/env python3
"""Whether two PDFs say the same to a reader, however their objects are arranged: what the
watch joins from pages made apart against what `generate` makes in one piece. Read with
pikepdf, not by the program that wrote them.

    pdf-equivalence.py ONE.pdf OTHER.pdf  ->  JSON: {"differences": [...], "mismatches": {file: n}}

Compared: the structure tree (each element's type, nesting, /Alt, /ID, /A and the links it
holds), its ID tree (each identifier with its element), every page's link annotations (words, target, flags, rectangle), the named
destinations (page and place), the bookmarks, the page labels, the catalog's entries, the XMP
metadata, the Info dictionary and each page's /Tabs. `mismatches` counts, per file, the
marked content its parent tree gives an element that does not list it (the two files' page
content is compared by rendering, outside this script)."""
import json
import sys

import pikepdf


def kids(element):
    value = element.get("/K")
    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def read(path):
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    tree = []

    def walk(element, depth):
        line = "  " * depth + str(element.get("/S"))
        for key in ("/Alt", "/ID"):
            if key in element:
                line += " %s=%s" % (key, element[key])
        if "/A" in element:
            line += " /A=" + json.dumps({str(k): str(v) for k, v in element.A.items()}, sort_keys=True)
        for kid in kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                line += " link(%s)" % kid.Obj.get("/Contents")
        tree.append(line)
        for kid in kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                walk(kid, depth + 1)

    root = pdf.Root.StructTreeRoot
    for element in kids(root):
        walk(element, 0)

    numbers = {}

    def collect_numbers(node):
        for kid in node.get("/Kids", []):
            collect_numbers(kid)
        entries = node.get("/Nums", [])
        for index in range(0, len(entries), 2):
            numbers[int(entries[index])] = entries[index + 1]

    collect_numbers(root.ParentTree)
    mismatches = 0
    for page in pdf.pages:
        for mcid, element in enumerate(numbers.get(int(page.obj.StructParents), [])):
            if not isinstance(element, pikepdf.Dictionary):
                continue
            listed = False
            for kid in kids(element):
                if isinstance(kid, pikepdf.Dictionary):
                    listed |= kid.get("/Type") == "/MCR" and int(kid.MCID) == mcid and kid.Pg.objgen == page.obj.objgen
                else:
                    listed |= int(kid) == mcid and "/Pg" in element and element.Pg.objgen == page.obj.objgen
            mismatches += 0 if listed else 1

    def rounded(values):
        return [round(float(value), 2) for value in values]

    links = [[(str(a.get("/Contents")), str(a.get("/Dest", "")), str(a.get("/A", {}).get("/URI", "")), int(a.get("/F", 0)),
               rounded(a.Rect)) for a in page.obj.get("/Annots", [])] for page in pdf.pages]
    destinations = {}

    def collect_names(node):
        for kid in node.get("/Kids", []):
            collect_names(kid)
        entries = node.get("/Names", [])
        for index in range(0, len(entries), 2):
            target = entries[index + 1]
            target = target.D if isinstance(target, pikepdf.Dictionary) else target
            destinations[str(entries[index])] = [pages[target[0].objgen], str(target[1])] + rounded(list(target)[2:])

    collect_names(pdf.Root.Names.Dests)
    outline = []

    def collect_outline(item, depth):
        while item is not None:
            outline.append((depth, str(item.Title), str(item.Dest), int(item.get("/Count", 0))))
            if "/First" in item:
                collect_outline(item.First, depth + 1)
            item = item.get("/Next")

    if "/Outlines" in pdf.Root:
        outline.append(("root", int(pdf.Root.Outlines.get("/Count", 0))))
        collect_outline(pdf.Root.Outlines.get("/First"), 0)
    identifiers = []

    def collect_identifiers(node):
        for kid in node.get("/Kids", []):
            collect_identifiers(kid)
        entries = node.get("/Names", [])
        for index in range(0, len(entries), 2):
            identifiers.append((str(entries[index]), str(entries[index + 1].get("/S")), str(entries[index + 1].get("/ID"))))

    if "/IDTree" in root:
        collect_identifiers(root.IDTree)
    catalog = {str(key): repr(value) for key, value in pdf.Root.items()
               if key not in ("/Pages", "/StructTreeRoot", "/Names", "/Outlines", "/Metadata", "/OutputIntents")}
    intents = [{str(k): str(v) for k, v in intent.items() if k != "/DestOutputProfile"} for intent in pdf.Root.get("/OutputIntents", [])]
    return {
        "structure tree": tree,
        "id tree": identifiers,
        "links": links,
        "destinations": destinations,
        "outline": outline,
        "catalog": catalog,
        "output intents": intents,
        "xmp": pdf.Root.Metadata.read_bytes().decode("utf-8"),
        "info": {str(k): str(v) for k, v in pdf.trailer.Info.items()},
        "tabs": [str(page.obj.get("/Tabs")) for page in pdf.pages],
        "pages": len(pdf.pages),
    }, mismatches


def main():
    one, one_mismatches = read(sys.argv[1])
    other, other_mismatches = read(sys.argv[2])
    differences = []
    for key in one:
        if one[key] != other[key]:
            if isinstance(one[key], list) and isinstance(other[key], list):
                first = next((index for index, (a, b) in enumerate(zip(one[key], other[key])) if a != b), min(len(one[key]), len(other[key])))
                differences.append({"what": key, "at": first, "one": str(one[key][first:first + 3])[:400],
                                    "other": str(other[key][first:first + 3])[:400]})
            else:
                differences.append({"what": key, "one": str(one[key])[:400], "other": str(other[key])[:400]})
    json.dump({"differences": differences, "mismatches": {sys.argv[1]: one_mismatches, sys.argv[2]: other_mismatches}}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
