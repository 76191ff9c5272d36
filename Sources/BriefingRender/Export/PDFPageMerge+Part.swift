import Foundation

extension PDFPageMerge {
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
            if let tree = rootValue["/ParentTree"] {
                parentTree = try entries(of: resolved(tree), in: "/Nums").map { key, value in
                    guard let number = key.integer else { throw MergeError(message: "a parent tree key is not an integer") }
                    return (number, value)
                }
            }
            parentTree.sort { $0.key < $1.key }
            if let names = resolved(catalogValue["/Names"]), let dests = names["/Dests"] {
                destinations = try entries(of: resolved(dests), in: "/Names").map { key, value in
                    guard case .token(let name) = key else { throw MergeError(message: "a destination's name is not a string") }
                    return (name, value)
                }
            }
        }

        /// The key and value pairs of a number tree (`array` "/Nums") or a name tree
        /// ("/Names"), from every node down its `/Kids`, in order.
        private func entries(of node: PDFValue?, in array: String, depth: Int = 0) throws -> [(PDFValue, PDFValue)] {
            guard depth < 32, let node else { throw MergeError(message: "a \(array) tree is malformed") }
            var found: [(PDFValue, PDFValue)] = []
            for kid in node["/Kids"]?.elements ?? [] { found += try entries(of: resolved(kid), in: array, depth: depth + 1) }
            let items = node[array]?.elements ?? []
            guard items.count % 2 == 0 else { throw MergeError(message: "a tree's \(array) has an odd count") }
            for index in stride(from: 0, to: items.count, by: 2) { found.append((items[index], items[index + 1])) }
            return found
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
        lazy var continuations: [Int32]? = chain(depth: continued, taking: \.first)

        /// The elements open at the page's end, outermost first, `depth` deep: the last child
        /// at each level.
        func endChain(depth: Int) -> [Int32]? { chain(depth: depth, taking: \.last) }

        /// From the Document element down `depth` levels, the child `pick` takes at each.
        private func chain(depth: Int, taking pick: ([Int32]) -> Int32?) -> [Int32]? {
            var chain: [Int32] = []
            var here = documentElement
            for _ in 0..<depth {
                guard let next = pick(childElements(of: here)) else { return nil }
                chain.append(next)
                here = next
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
                    for entry in entries where !["/K", "/ParentTree", "/ParentTreeNextKey", "/IDTree"].contains(entry.key) {
                        values.append(entry.value)
                    }
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
            /// The notes on the pages before: this page's `note.N` is `note.(N + noteOffset)`.
            var noteOffset: Int
        }

        /// The Note elements that begin on this page, in the order the finisher numbered them
        /// (`note.N`): a note continued from the page before is that page's, and joins it.
        lazy var notes: [Int32] = {
            let continued = Set(continuations ?? [])
            return objects.compactMap { id, object -> (element: Int32, number: Int)? in
                guard !continued.contains(id), object.value["/S"]?.name == "/Note", case .token(let token)? = object.value["/ID"],
                    let number = PDFPageMerge.noteNumber(token)
                else { return nil }
                return (id, number)
            }.sorted { $0.number < $1.number }.map(\.element)
        }()
        var written: (numbering: Numbering, text: [UInt8], starts: [Int])?
    }
}
