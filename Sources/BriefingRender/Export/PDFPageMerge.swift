import BriefingLayout
import Foundation

/// Joins finished one-page PDFs (each page of a document made apart, `PageSlice`, and
/// finished by `PDFFinisher`) into one tagged file, so a watch redraws only the pages an edit
/// changed. Each part's objects are renumbered into one sequence; what belongs to the whole
/// document is made once:
/// - the page tree, and the catalog (the first part's: language, XMP metadata, output intent);
/// - one Document element holding every part's elements in page order, where an element a
///   part opened again at its top (a list continued from the page before) is joined to the
///   one it continues: its children move to it, their marked content named with its page;
/// - the parent tree with every part's keys renumbered in page order, and each page's
///   `/StructParents` and each link's `/StructParent` with them;
/// - the named destinations of every part (a link to another page names its destination,
///   as cairo writes every internal link), the bookmarks and the page labels.
/// Only what is reachable from the new catalog is written; each part's own catalog, page
/// tree, structure root, parent tree and (after the first) metadata are left behind.
enum PDFPageMerge {
    struct MergeError: Error, CustomStringConvertible {
        var message: String
        var description: String { "joining the pages: \(message)" }
    }

    /// The merged file.
    static func merge(_ parts: [Part], outline: [PagedDocument.OutlineEntry], labels: [String]) throws -> Data {
        guard let first = parts.first else { throw MergeError(message: "no pages") }
        // Numbers of the objects made once; the parts' objects follow.
        let catalogID: Int32 = 1, pagesID: Int32 = 2, rootID: Int32 = 3, documentID: Int32 = 4, parentTreeID: Int32 = 5
        let destsID: Int32 = 6, outlineID: Int32 = 7
        var next = outlineID + (outline.isEmpty ? 0 : Int32(outline.count) + 1)

        var maps: [[Int32: Int32]] = []
        var numberings: [Part.Numbering] = []
        var nextKey = 0
        var documentKids: [PDFValue] = []
        var pageIDs: [Int32] = []
        /// Children joined to an element from the parts that continue it, by its new number.
        var joined: [Int32: [PDFValue]] = [:]
        var numbers: [PDFValue] = []
        var destinations: [[UInt8]: PDFValue] = [:]
        var destinationOrder: [[UInt8]] = []
        /// Every Note element's new `/ID` and number, for the ID tree.
        var identified: [(name: [UInt8], element: Int32)] = []
        var noteOffset = 0

        for (index, part) in parts.enumerated() {
            var map: [Int32: Int32] = [part.catalog: catalogID, part.pages: pagesID, part.structRoot: rootID, part.documentElement: documentID]
            // The continued elements, each joined to the one open at the page before's end
            // (which may itself continue an earlier one).
            guard let continuations = part.continuations else {
                throw MergeError(message: "page \(index + 1) does not open again the elements it continues")
            }
            var targets: [Int32] = []
            if !continuations.isEmpty {
                guard index > 0, let originals = parts[index - 1].endChain(depth: continuations.count) else {
                    throw MergeError(message: "page \(index + 1) continues elements the page before does not end with")
                }
                for (continuation, original) in zip(continuations, originals) {
                    guard let target = maps[index - 1][original],
                        part.value(continuation)?["/S"]?.name == parts[index - 1].value(original)?["/S"]?.name
                    else { throw MergeError(message: "page \(index + 1) continues an element of another kind") }
                    map[continuation] = target
                    targets.append(target)
                }
            }
            let kept = try part.kept(first: index == 0)
            for (offset, id) in kept.enumerated() { map[id] = next + Int32(offset) }
            numberings.append(
                Part.Numbering(first: index == 0, base: next, targets: targets, keyOffset: nextKey, joined: [:], noteOffset: noteOffset))
            next += Int32(kept.count)
            maps.append(map)
            let renumber: (Int32) -> Int32? = { map[$0] }
            // Marked content of a continued element names its page: the element it joins has another.
            func kids(of element: Int32) -> [PDFValue] {
                let page = part.value(element)?["/Pg"]?.renumbered(renumber)
                return (part.value(element)?["/K"]?.elements ?? []).map { kid in
                    if let mcid = kid.integer, let page { return markedContent(mcid, on: page) }
                    return kid.renumbered(renumber)
                }
            }
            var top = kids(of: part.documentElement)
            if let continuation = continuations.first { top.removeAll { $0.reference == map[continuation] } }
            documentKids += top
            // A continued element's next-level continuation is already its original's child.
            for (level, continuation) in continuations.enumerated() {
                let deeper = level + 1 < continuations.count ? map[continuations[level + 1]] : nil
                joined[map[continuation]!, default: []] += kids(of: continuation).filter { deeper == nil || $0.reference != deeper }
            }
            for entry in part.parentTree {
                numbers += [.integer(nextKey), entry.value.renumbered(renumber)]
                nextKey += 1
            }
            for (name, value) in part.destinations {
                let key = Self.decodedString(name)
                guard destinations[key] == nil else { continue }
                destinations[key] = value.renumbered(renumber)
                destinationOrder.append(key)
            }
            for (rank, note) in part.notes.enumerated() {
                guard let element = map[note] else { continue }
                identified.append((Array("note.\(noteOffset + rank + 1)".utf8), element))
            }
            noteOffset += part.notes.count
            pageIDs.append(map[part.page]!)
        }

        // Each part's objects, as the last merge wrote them when nothing that decides them changed.
        var chunks: [(text: [UInt8], starts: [Int])] = []
        for (index, part) in parts.enumerated() {
            var numbering = numberings[index]
            let kept = try part.kept(first: index == 0)
            for (offset, _) in kept.enumerated() {
                let id = numbering.base + Int32(offset)
                if let extra = joined[id] { numbering.joined[id] = text(.array(extra)) }
            }
            if let written = part.written, written.numbering == numbering {
                chunks.append((written.text, written.starts))
                continue
            }
            let map = maps[index]
            let noteRanks = Dictionary(uniqueKeysWithValues: part.notes.enumerated().map { ($1, $0 + 1) })
            var keys: [Int: Int] = [:]
            for (rank, entry) in part.parentTree.enumerated() { keys[entry.key] = numbering.keyOffset + rank }
            var chunk: [UInt8] = []
            var starts: [Int] = []
            for (offset, local) in kept.enumerated() {
                let id = numbering.base + Int32(offset)
                // Each kept object was found when `kept` was worked out.
                guard let object = part.objects[local] else { throw MergeError(message: "page \(index + 1) lost object \(local)") }
                var value = object.value.renumbered { map[$0] }
                for key in ["/StructParents", "/StructParent"] {
                    if let old = value[key]?.integer {
                        guard let new = keys[old] else { throw MergeError(message: "page \(index + 1) has a \(key) its parent tree lacks") }
                        value = value.setting(key, .integer(new))
                    }
                }
                // Notes are numbered through the whole document, as a run numbers them.
                if let rank = noteRanks[local] {
                    value = value.setting("/ID", .token(Self.literalString(Array("note.\(numbering.noteOffset + rank)".utf8))))
                }
                if let extra = joined[id] {
                    // The element's own marked content stays on its page; what joins names its own.
                    let page = object.value["/Pg"]?.renumbered { map[$0] }
                    let own = (object.value["/K"]?.elements ?? []).map { kid -> PDFValue in
                        if let mcid = kid.integer, let page { return markedContent(mcid, on: page) }
                        return kid.renumbered { map[$0] }
                    }
                    value = value.setting("/K", .array(own + extra))
                }
                starts.append(chunk.count)
                PDFValue.writeDecimal(Int(id), to: &chunk)
                chunk.append(contentsOf: " 0 obj\n".utf8)
                PDFObjectBody(value: value, streamTail: object.streamTail).write(to: &chunk)
                chunk.append(contentsOf: "\nendobj\n".utf8)
            }
            part.written = (numbering, chunk, starts)
            chunks.append((chunk, starts))
        }

        // The objects made once.
        var made: [Int32: [UInt8]] = [:]
        let firstMap = maps[0]
        guard var catalog = first.value(first.catalog)?.renumbered({ firstMap[$0] }) else { throw MergeError(message: "no catalog") }
        catalog = catalog.setting("/Pages", .reference(pagesID)).setting("/StructTreeRoot", .reference(rootID))
            .setting("/Names", .dictionary([("/Dests", .reference(destsID))]))
            .setting("/Outlines", outline.isEmpty ? nil : .reference(outlineID))
            .setting("/PageLabels", pageLabels(labels))
        made[catalogID] = text(catalog)
        let pageTree = (first.value(first.pages)?.renumbered { firstMap[$0] } ?? .dictionary([("/Type", .token(Array("/Pages".utf8)))]))
            .setting("/Kids", .array(pageIDs.map { .reference($0) })).setting("/Count", .integer(pageIDs.count))
        made[pagesID] = text(pageTree)
        let structRoot = (first.value(first.structRoot)?.renumbered { firstMap[$0] } ?? .dictionary([]))
            .setting("/K", .array([.reference(documentID)])).setting("/ParentTree", .reference(parentTreeID))
            .setting("/IDTree", identified.isEmpty ? nil : idTree(identified))
        made[rootID] = text(structRoot)
        let document = (first.value(first.documentElement)?.renumbered { firstMap[$0] } ?? .dictionary([]))
            .setting("/P", .reference(rootID)).setting("/K", .array(documentKids))
        made[documentID] = text(document)
        made[parentTreeID] = text(.dictionary([("/Nums", .array(numbers))]))
        let sortedNames = destinationOrder.sorted { $0.lexicographicallyPrecedes($1) }
        made[destsID] = text(.dictionary([("/Names", .array(sortedNames.flatMap { [PDFValue.token(Self.literalString($0)), destinations[$0]!] }))]))
        for (id, body) in outlineObjects(outline, rootID: outlineID) { made[id] = body }

        // The ID sums each page's file and what was made once (the rest is numbering).
        var hash = FileIDHash()
        for part in parts { Array(part.digest.utf8).withUnsafeBytes { hash.add($0) } }
        for id in made.keys.sorted() { made[id]!.withUnsafeBytes { hash.add($0) } }
        let info = first.info.flatMap { firstMap[$0] }
        return assemble(
            made: made, chunks: chunks, header: Array(first.bytes[..<first.headerLength]), size: next, catalog: catalogID, info: info,
            fileID: String(hash.hex.prefix(32)))
    }

    private static func markedContent(_ mcid: Int, on page: PDFValue) -> PDFValue {
        .dictionary([("/Type", .token(Array("/MCR".utf8))), ("/Pg", page), ("/MCID", .integer(mcid))])
    }

    private static func text(_ value: PDFValue) -> [UInt8] {
        var bytes: [UInt8] = []
        value.write(to: &bytes)
        return bytes
    }

    /// The file: the objects made once (numbered first), each part's objects (numbered on in
    /// page order), a classic xref table (free entries for unused numbers) and the trailer.
    private static func assemble(
        made: [Int32: [UInt8]], chunks: [(text: [UInt8], starts: [Int])], header: [UInt8], size: Int32, catalog: Int32, info: Int32?,
        fileID: String
    ) -> Data {
        var output = header
        output.reserveCapacity(header.count + chunks.reduce(0) { $0 + $1.text.count } + 64 * 1024)
        var offsets = [Int?](repeating: nil, count: Int(size))
        for id in made.keys.sorted() {
            offsets[Int(id)] = output.count
            PDFValue.writeDecimal(Int(id), to: &output)
            output.append(contentsOf: " 0 obj\n".utf8)
            output.append(contentsOf: made[id]!)
            output.append(contentsOf: "\nendobj\n".utf8)
        }
        var id = (made.keys.max() ?? 0) + 1
        // Parts' numbers follow the made objects' (and any gap after the bookmarks).
        for chunk in chunks {
            let start = output.count
            output.append(contentsOf: chunk.text)
            for offset in chunk.starts {
                while id < size, offsets[Int(id)] != nil { id += 1 }
                offsets[Int(id)] = start + offset
                id += 1
            }
        }
        let xref = output.count
        output.append(contentsOf: "xref\n0 \(size)\n0000000000 65535 f\r\n".utf8)
        for number in 1..<Int(size) { CairoXref.appendEntry(offsets[number], to: &output) }
        output.append(contentsOf: "trailer\n<< /Size \(size) /Root \(catalog) 0 R\(info.map { " /Info \($0) 0 R" } ?? "")".utf8)
        output.append(contentsOf: " /ID [<\(fileID)> <\(fileID)>] >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(output)
    }
}
