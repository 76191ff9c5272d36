import BriefingLayout
import Foundation

/// The PDF of a process that builds the same briefing again and again (`watch`): each page is
/// made as a PDF of its own (`PageSlice`), finished, and kept while what it depends on does
/// not change; the pages are then joined into one file (`PDFPageMerge`). An edited sentence
/// redraws its page (and those after it, when the page breaks move), not every page: cairo
/// drawing all pages was most of a rebuild.
///
/// The file says what a one-off run's says, arranged differently: each page embeds the subset
/// of each font that page uses (a font's glyphs are in several subsets), and the objects are
/// numbered otherwise. A run of `generate` still makes one cairo document of every page.
public final class PagewisePDF {
    /// What every page depends on: when it changes, no page is kept.
    private struct Whole: Equatable {
        var metadata: PagedDocument.Metadata
        var outline: [PagedDocument.OutlineEntry]
        var pageSize: Size
        var standard: PDFFinisher.Standard
    }

    private struct Key: Hashable {
        var fingerprint: PageSlice.Fingerprint
        var continued: Int
    }

    private var whole: Whole?
    private var parts: [Key: PDFPageMerge.Part] = [:]
    /// Pages made (not kept) by the last build: for tests and the timings.
    public private(set) var lastDrawn = 0

    public init() {}

    /// The finished file of `document`.
    /// - Parameter mark: told when the pages are made ("pages") and joined ("join").
    public func write(_ document: PagedDocument, standard: PDFFinisher.Standard, mark: (String) -> Void = { _ in }) throws -> Data {
        let now = Whole(metadata: document.metadata, outline: document.outline, pageSize: document.pageSize, standard: standard)
        if whole != now {
            parts.removeAll()
            whole = now
        }
        if let problem = StructureNesting.problem(in: document) {
            throw RenderError.drawing(
                message: "the layout's structure tags do not nest (\(problem.message))",
                place: DrawingPlace.describe(page: problem.page, item: problem.item, in: document))
        }
        var kept: [Key: PDFPageMerge.Part] = [:]
        var ordered: [PDFPageMerge.Part] = []
        lastDrawn = 0
        do {
            for slice in PageSlice.slices(of: document) {
                let key = Key(fingerprint: slice.fingerprint, continued: slice.continued)
                let part = try kept[key] ?? parts[key] ?? make(slice, standard: standard)
                kept[key] = part
                ordered.append(part)
            }
        } catch {
            parts.removeAll()
            throw error
        }
        parts = kept
        mark("pages")
        defer { mark("join") }
        return try PDFPageMerge.merge(ordered, outline: document.outline, labels: document.pages.map(\.label))
    }

    /// One page's finished PDF, parsed.
    private func make(_ slice: PageSlice, standard: PDFFinisher.Standard) throws -> PDFPageMerge.Part {
        lastDrawn += 1
        // The link words name the bookmarks' titles; the page itself has no bookmarks (the
        // joined file's are made once).
        let facts = PDFFinisher.Facts(slice.document)
        var page = slice.document
        page.outline = []
        let drawn = try PDFExporter.export(page)
        let finished = try PDFFinisher.finish(drawn, facts: facts, standard: standard)
        return try PDFPageMerge.Part(pdf: finished, continued: slice.continued)
    }
}
