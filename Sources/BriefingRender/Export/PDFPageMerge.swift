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

    /// One finished page's file, parsed, with what a merge works out about it once: what it
    /// keeps, and its objects' text as the last merge numbered them.
    final class Part {
        /// The bytes, which the parsed streams refer into.
        let bytes: [UInt8]
        var objects: [Int32: PDFObjectBody] = [:]
        var catalog: Int32 = 0
        var info: Int32?
        var page: Int32 = 0
        var pages: Int32 = 0
        var structRoot: Int32 = 0
        var documentElement: Int32 = 0
        var parentTree: [(key: Int, value: PDFValue)] = []
        var destinations: [(name: [UInt8], value: PDFValue)] = []
        /// Structure elements below the document's that continue from the page before.
        let continued: Int
        /// Where the first object starts: the header and its binary comment come before.
        var headerLength = 0
        /// A hash of the file, for the joined file's ID (summed once, when the page is made).
        var digest = ""

        init(pdf: Data, continued: Int) throws {
            bytes = [UInt8](pdf)
            self.continued = continued
            var hash = FileIDHash()
            bytes.withUnsafeBytes { hash.add($0) }
            digest = hash.hex
            let offsets = CairoXref.offsets(pdf)
            guard let xrefStart = PDFTail.startXref(pdf), !offsets.isEmpty,
                let root = PDFTail.trailerReference("/Root", in: pdf, from: xrefStart)
            else { throw MergeError(message: "a page's PDF has no readable xref table or trailer") }
            catalog = root
            info = PDFTail.trailerReference("/Info", in: pdf, from: xrefStart)
            let ordered = offsets.sorted { $0.value < $1.value }
            headerLength = ordered[0].value
            for (index, (id, offset)) in ordered.enumerated() {
                let end = index + 1 < ordered.count ? ordered[index + 1].value : xrefStart
                objects[id] = try PDFObjectBody.parse(Self.body(of: id, in: bytes, from: offset, to: end))
            }
            try readDocumentParts()
        }

        /// The text between `N 0 obj` and `endobj` of the object at `start..<end`.
        private static func body(of id: Int32, in bytes: [UInt8], from start: Int, to end: Int) throws -> ArraySlice<UInt8> {
            let head = Array("\(id) 0 obj".utf8)
            guard start >= 0, end <= bytes.count, start + head.count <= end, Array(bytes[start..<(start + head.count)]) == head else {
                throw MergeError(message: "object \(id) is not where the xref table says")
            }
            var tail = end
            while tail > start, PDFValueParser.isSpace(bytes[tail - 1]) { tail -= 1 }
            let close = Array("endobj".utf8)
            guard tail - close.count >= start + head.count, Array(bytes[(tail - close.count)..<tail]) == close else {
                throw MergeError(message: "object \(id) does not end with endobj")
            }
            return bytes[(start + head.count)..<(tail - close.count)]
        }

        func value(_ id: Int32?) -> PDFValue? { id.flatMap { objects[$0]?.value } }

        /// A value, or the value of the object it refers to.
        func resolved(_ value: PDFValue?) -> PDFValue? {
            if let id = value?.reference { return objects[id]?.value }
            return value
        }

        private func readDocumentParts() throws {
            guard let catalogValue = value(catalog), let pagesID = catalogValue["/Pages"]?.reference,
                let kids = value(pagesID)?["/Kids"]?.elements, kids.count == 1, let pageID = kids[0].reference
            else { throw MergeError(message: "a page's PDF does not have exactly one page") }
            pages = pagesID
            page = pageID
            guard let rootID = catalogValue["/StructTreeRoot"]?.reference, let rootValue = value(rootID),
                let documents = rootValue["/K"]?.elements, documents.count == 1, let documentID = documents[0].reference,
                value(documentID)?["/S"]?.name == "/Document"
            else { throw MergeError(message: "a page's PDF has no single Document element") }
            structRoot = rootID
            documentElement = documentID
            if let tree = rootValue["/ParentTree"] { try collect(numbers: resolved(tree), depth: 0) }
            parentTree.sort { $0.key < $1.key }
            if let names = resolved(catalogValue["/Names"]), let dests = names["/Dests"] { try collect(names: resolved(dests), depth: 0) }
        }

        private func collect(numbers node: PDFValue?, depth: Int) throws {
            guard depth < 32, let node else { throw MergeError(message: "a parent tree is malformed") }
            if let kids = node["/Kids"]?.elements { for kid in kids { try collect(numbers: resolved(kid), depth: depth + 1) } }
            guard let nums = node["/Nums"]?.elements else { return }
            guard nums.count % 2 == 0 else { throw MergeError(message: "a parent tree's /Nums has an odd count") }
            for index in stride(from: 0, to: nums.count, by: 2) {
                guard let key = nums[index].integer else { throw MergeError(message: "a parent tree key is not an integer") }
                parentTree.append((key, nums[index + 1]))
            }
        }

        private func collect(names node: PDFValue?, depth: Int) throws {
            guard depth < 32, let node else { throw MergeError(message: "a name tree is malformed") }
            if let kids = node["/Kids"]?.elements { for kid in kids { try collect(names: resolved(kid), depth: depth + 1) } }
            guard let names = node["/Names"]?.elements else { return }
            guard names.count % 2 == 0 else { throw MergeError(message: "a name tree's /Names has an odd count") }
            for index in stride(from: 0, to: names.count, by: 2) {
                guard case .token(let key) = names[index] else { throw MergeError(message: "a destination's name is not a string") }
                destinations.append((key, names[index + 1]))
            }
        }

        /// The structure elements of `element`'s children, in order.
        func childElements(of element: Int32) -> [Int32] {
            (value(element)?["/K"]?.elements ?? []).compactMap { kid in
                guard let id = kid.reference, value(id)?["/Type"]?.name == "/StructElem" else { return nil }
                return id
            }
        }

        /// The elements this page opens again, outermost first: the first child at each
        /// level below the Document element.
        lazy var continuations: [Int32]? = {
            var chain: [Int32] = []
            var here = documentElement
            for _ in 0..<continued {
                guard let first = childElements(of: here).first else { return nil }
                chain.append(first)
                here = first
            }
            return chain
        }()

        /// The elements open at the page's end, outermost first, `depth` deep: the last child
        /// at each level.
        func endChain(depth: Int) -> [Int32]? {
            var chain: [Int32] = []
            var here = documentElement
            for _ in 0..<depth {
                guard let last = childElements(of: here).last else { return nil }
                chain.append(last)
                here = last
            }
            return chain
        }

        /// The objects the joined file takes from this page, in number order: what its page,
        /// its elements, its parent tree and its destinations refer to (for the first page its
        /// metadata too), and what those refer to; never its catalog, page tree, structure
        /// root, Document element or the elements it opens again.
        func kept(first: Bool) throws -> [Int32] {
            if let known = keptObjects[first] { return known }
            var skipped: Set<Int32> = [catalog, pages, structRoot, documentElement]
            skipped.formUnion(continuations ?? [])
            var roots: [Int32] = [page]
            var values: [PDFValue] = parentTree.map(\.value) + destinations.map(\.value)
            values += value(documentElement)?["/K"]?.elements ?? []
            for continuation in continuations ?? [] { values += value(continuation)?["/K"]?.elements ?? [] }
            if first {
                if let info { roots.append(info) }
                if case .dictionary(let entries)? = value(catalog) {
                    for entry in entries where !["/Pages", "/StructTreeRoot", "/Names", "/Outlines", "/PageLabels"].contains(entry.key) {
                        values.append(entry.value)
                    }
                }
                if case .dictionary(let entries)? = value(structRoot) {
                    for entry in entries where !["/K", "/ParentTree", "/ParentTreeNextKey"].contains(entry.key) { values.append(entry.value) }
                }
            }
            for value in values { value.forEachReference { roots.append($0) } }
            var kept = Set<Int32>()
            while let id = roots.popLast() {
                guard !skipped.contains(id), !kept.contains(id) else { continue }
                guard let object = objects[id] else { throw MergeError(message: "a page's PDF refers to object \(id), which it lacks") }
                kept.insert(id)
                object.value.forEachReference { roots.append($0) }
            }
            let sorted = kept.sorted()
            keptObjects[first] = sorted
            return sorted
        }
        private var keptObjects: [Bool: [Int32]] = [:]

        /// What decides the text of this page's objects in the joined file, and that text
        /// (each object's start in it): an edit that does not move a page's numbers leaves
        /// its text as it was.
        struct Numbering: Equatable {
            var first: Bool
            var base: Int32
            var targets: [Int32]
            var keyOffset: Int
            var joined: [Int32: [UInt8]]
        }
        var written: (numbering: Numbering, text: [UInt8], starts: [Int])?
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
            numberings.append(Part.Numbering(first: index == 0, base: next, targets: targets, keyOffset: nextKey, joined: [:]))
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
            var keys: [Int: Int] = [:]
            for (rank, entry) in part.parentTree.enumerated() { keys[entry.key] = numbering.keyOffset + rank }
            var chunk: [UInt8] = []
            var starts: [Int] = []
            for (offset, local) in kept.enumerated() {
                let id = numbering.base + Int32(offset)
                guard let object = part.objects[local] else { continue }
                var value = object.value.renumbered { map[$0] }
                for key in ["/StructParents", "/StructParent"] {
                    if let old = value[key]?.integer {
                        guard let new = keys[old] else { throw MergeError(message: "page \(index + 1) has a \(key) its parent tree lacks") }
                        value = value.setting(key, .integer(new))
                    }
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

    /// cairo's page labels (`/P (i)` for a label that is not a number, `/S /D /St n` where a
    /// run of numbers starts), for labels given page by page.
    static func pageLabels(_ labels: [String]) -> PDFValue? {
        var nums: [PDFValue] = []
        var previous: Int?
        for (index, label) in labels.enumerated() where !label.isEmpty {
            if let number = Int(label), label.allSatisfy(\.isASCII), number > 0 {
                if let previous, number == previous + 1 {
                    // The run goes on.
                } else {
                    nums += [.integer(index), .dictionary([("/S", .token(Array("/D".utf8))), ("/St", .integer(number))])]
                }
                previous = number
            } else {
                nums += [.integer(index), .dictionary([("/P", .token(Array(CairoXref.textString(label).utf8)))])]
                previous = nil
            }
        }
        return nums.isEmpty ? nil : .dictionary([("/Nums", .array(nums))])
    }

    /// The bookmarks, as cairo writes them for flags 0 (closed): each entry with children
    /// counts them negated, and so does the root.
    static func outlineObjects(_ outline: [PagedDocument.OutlineEntry], rootID: Int32) -> [(Int32, [UInt8])] {
        guard !outline.isEmpty else { return [] }
        var parent = [Int32](repeating: rootID, count: outline.count)
        var stack: [(level: Int, index: Int)] = []
        for (index, entry) in outline.enumerated() {
            while let last = stack.last, last.level >= entry.level { stack.removeLast() }
            if let last = stack.last { parent[index] = rootID + 1 + Int32(last.index) }
            stack.append((entry.level, index))
        }
        func id(_ index: Int) -> Int32 { rootID + 1 + Int32(index) }
        var kidsOf: [Int32: [Int]] = [:]
        for index in outline.indices { kidsOf[parent[index], default: []].append(index) }
        func children(of node: Int32) -> [Int] { kidsOf[node] ?? [] }
        func links(_ node: Int32) -> [(String, PDFValue)] {
            let kids = children(of: node)
            guard let firstKid = kids.first, let lastKid = kids.last else { return [] }
            return [("/First", .reference(id(firstKid))), ("/Last", .reference(id(lastKid))), ("/Count", .integer(-kids.count))]
        }
        var objects: [(Int32, [UInt8])] = []
        var root: [UInt8] = []
        PDFValue.dictionary([("/Type", .token(Array("/Outlines".utf8)))] + links(rootID)).write(to: &root)
        objects.append((rootID, root))
        for (index, entry) in outline.enumerated() {
            let siblings = children(of: parent[index])
            let position = siblings.firstIndex(of: index)!
            var entries: [(key: String, value: PDFValue)] = [("/Title", .token(Array(CairoXref.textString(entry.title).utf8))), ("/Parent", .reference(parent[index]))]
            if position > 0 { entries.append(("/Prev", .reference(id(siblings[position - 1])))) }
            if position + 1 < siblings.count { entries.append(("/Next", .reference(id(siblings[position + 1])))) }
            entries += links(id(index)).map { ($0.0, $0.1) }
            entries.append(("/Dest", .token(Array(CairoXref.textString(entry.destination).utf8))))
            var bytes: [UInt8] = []
            PDFValue.dictionary(entries).write(to: &bytes)
            objects.append((id(index), bytes))
        }
        return objects
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

    /// A string token's bytes: a literal string with its escapes undone, or a hex string decoded.
    static func decodedString(_ token: [UInt8]) -> [UInt8] {
        guard let first = token.first else { return [] }
        if first == UInt8(ascii: "<") {
            let digits = token.dropFirst().prefix { $0 != UInt8(ascii: ">") }.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
                default: return nil
                }
            }
            var bytes: [UInt8] = []
            var index = 0
            while index < digits.count {
                bytes.append(digits[index] << 4 | (index + 1 < digits.count ? digits[index + 1] : 0))
                index += 2
            }
            return bytes
        }
        guard first == UInt8(ascii: "("), token.count >= 2 else { return token }
        var bytes: [UInt8] = []
        var index = 1
        let end = token.count - 1
        while index < end {
            let byte = token[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < end else {
                bytes.append(byte)
                continue
            }
            let escaped = token[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < end, token[index] >= UInt8(ascii: "0"), token[index] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(token[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case 0x0A: continue
            case 0x0D:
                if index < end, token[index] == 0x0A { index += 1 }
            default: bytes.append(escaped)
            }
        }
        return bytes
    }

    /// Bytes as a literal string, escaped.
    static func literalString(_ bytes: [UInt8]) -> [UInt8] {
        var token: [UInt8] = [UInt8(ascii: "(")]
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): token += [UInt8(ascii: "\\"), byte]
            case 0x0A: token += Array("\\n".utf8)
            case 0x0D: token += Array("\\r".utf8)
            default: token.append(byte)
            }
        }
        token.append(UInt8(ascii: ")"))
        return token
    }
}
