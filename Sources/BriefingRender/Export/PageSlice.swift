import BriefingLayout

/// One page of a document as a document of its own, for the watch's writer that makes each
/// page's PDF apart and keeps those of unchanged pages (`PagewisePDF`). The structure
/// elements still open when the page starts (a list or table continued from the page before)
/// are opened again at its top, and those open at its bottom are closed there, so the page's
/// tags nest on their own; `PDFPageMerge` joins each continued element back to the one it
/// continues.
struct PageSlice {
    /// The one-page document.
    var document: PagedDocument
    /// How many structure elements (below the document's) continue from the page before.
    var continued: Int
    /// What the page's PDF depends on: equal fingerprints make the same bytes.
    var fingerprint: Fingerprint

    /// Every page of `document` as a slice.
    static func slices(of document: PagedDocument) -> [PageSlice] {
        var open: [StructureRole] = []
        var slices: [PageSlice] = []
        slices.reserveCapacity(document.pages.count)
        for page in document.pages {
            let opened = open
            for item in page.items {
                switch item {
                case .beginStructure(let role): open.append(role)
                case .endStructure: if !open.isEmpty { open.removeLast() }
                default: continue
                }
            }
            var slice = document
            let items = opened.map { FrameItem.beginStructure($0) } + page.items + open.reversed().map { FrameItem.endStructure($0) }
            slice.pages = [PagedDocument.Page(items: items, label: page.label)]
            slices.append(PageSlice(document: slice, continued: opened.count, fingerprint: Fingerprint(items, label: page.label, in: document)))
        }
        return slices
    }

    /// A page's items with each text item's paragraph in place of its index (an index stays
    /// the same when the paragraph's words change, and changes when a paragraph is added
    /// before it), and its label.
    struct Fingerprint: Hashable {
        enum Item: Hashable {
            case text(Text, [LinkBox], lines: Range<Int>, origin: Point, width: Double)
            case other(FrameItem)
        }

        /// A paragraph as drawn: its shaped text, which the measurer keeps from build to build
        /// for a paragraph of the same words, style and width (the object is the paragraph,
        /// compared and hashed by identity, and held here so no other takes its address), or
        /// the paragraph itself when nothing was shaped.
        enum Text: Hashable {
            case shaped(any ShapedText)
            case paragraph(Paragraph)

            static func == (left: Text, right: Text) -> Bool {
                switch (left, right) {
                case (.shaped(let a), .shaped(let b)): return a === b
                case (.paragraph(let a), .paragraph(let b)): return a == b
                default: return false
                }
            }

            func hash(into hasher: inout Hasher) {
                switch self {
                case .shaped(let shaped): hasher.combine(ObjectIdentifier(shaped))
                case .paragraph(let paragraph): hasher.combine(paragraph)
                }
            }
        }

        var items: [Item]
        var label: String

        init(_ items: [FrameItem], label: String, in document: PagedDocument) {
            self.items = items.map { item in
                guard case .text(let paragraph, let lines, let origin, let width) = item else { return .other(item) }
                let text = document.shaped[paragraph].map(Text.shaped) ?? .paragraph(document.paragraphs[paragraph])
                return .text(text, document.links[paragraph], lines: lines, origin: origin, width: width)
            }
            self.label = label
        }
    }
}
