import BriefingLayout
import CCairoPango
import CLinux
import Foundation

/// Writes a finished layout as PDF: fonts embedded and subset by cairo, metadata, bookmarks,
/// internal and external links. Returns the bytes; the caller publishes them (atomically, so
/// a failure never touches the last good briefing).
public enum PDFExporter {
    /// - Parameter marking: given the page contents as cairo writes them, to mark them on the
    ///   other core meanwhile; the finisher takes them from it (`PageMarking`).
    public static func export(_ document: consuming PagedDocument, marking: PageMarking? = nil) throws -> Data {
        if let problem = StructureNesting.problem(in: document) {
            throw RenderError.drawing(
                message: "the layout's structure tags do not nest (\(problem.message))",
                place: DrawingPlace.describe(page: problem.page, item: problem.item, in: document))
        }
        let size = document.pageSize
        let sink = ByteSink(tap: marking)
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height) else {
            throw RenderError.drawing(message: "cairo could not create a PDF surface", place: "the first page")
        }
        // A surface whose drawing cairo refused is left, not destroyed: destroying it can
        // abort the process inside cairo 1.16 (an assertion on the named destinations of the
        // refused page), and an internal error must reach the user as one. It is freed with
        // the process; a run that fails this way writes nothing anyway.
        var refused = false
        defer { if !refused { cairo_surface_destroy(surface) } }
        try check(cairo_surface_status(surface), place: "the first page")
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        setMetadata(document.metadata, on: surface)
        // Drawn, then let go: the pages (their shaped text above all) are freed here, before
        // cairo writes the fonts and structure tree and the finisher reads the file.
        let drawn = draw(consume document, on: surface)
        malloc_trim(0)
        refused = drawn.status != CAIRO_STATUS_SUCCESS
        try check(drawn.status, place: drawn.place)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), place: "the PDF's trailer")
        return try withExtendedLifetime(sink) { try sink.data() }
    }

    /// Every page, the bookmarks and the document tag, on a surface that is then only to be
    /// finished: cairo's status after drawing, and where it first refused (when it did).
    private static func draw(_ document: consuming PagedDocument, on surface: OpaquePointer) -> (status: cairo_status_t, place: String) {
        let cr = cairo_create(surface)!
        // The painter holds the only copy, and lets each page go once drawn.
        let painter = CairoPainter(document: consume document)
        let lastPages = painter.lastPages()
        // cairo 1.16 writes a damaged PDF when link tags have no enclosing structure tag.
        cairo_tag_begin(cr, StructureRole.document.tag, nil)
        // cairo records a page and replays it when the page is shown, so what it refuses is
        // known page by page: the first page whose drawing fails is the place reported. The
        // pages after it are still handed over and the document tag closed: cairo asserts
        // (and the process aborts) when a surface is destroyed halfway through its document.
        var failedPage: Int?
        for index in painter.document.pages.indices {
            let label = painter.document.pages[index].label
            if !label.isEmpty { cairo_pdf_surface_set_page_label(surface, label) }
            painter.draw(page: index, on: cr)
            cairo_show_page(cr)
            if failedPage == nil, cairo_status(cr) != CAIRO_STATUS_SUCCESS { failedPage = index }
            painter.forget(page: index, lastPages: lastPages)
        }
        cairo_tag_end(cr, StructureRole.document.tag)
        addOutline(painter.document.outline, to: surface)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        guard status != CAIRO_STATUS_SUCCESS else { return (status, "") }
        return (status, failedPage.map { DrawingPlace.describe(page: $0, in: painter.document) } ?? "the end of the document")
    }

    private static func setMetadata(_ metadata: PagedDocument.Metadata, on surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator), (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate),
        ]
        for (key, value) in fields where !value.isEmpty { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// Bookmarks: level-1 entries at the root, deeper entries under the latest shallower one.
    private static func addOutline(_ outline: [PagedDocument.OutlineEntry], to surface: OpaquePointer) {
        var parents: [(level: Int, id: Int32)] = []
        for entry in outline {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let id = cairo_pdf_surface_add_outline(
                surface, parent, entry.title, "dest='\(TagAttribute.escape(entry.destination))'",
                cairo_pdf_outline_flags_t(rawValue: 0))
            parents.append((entry.level, id))
        }
    }

    /// A cairo failure: cairo refusing what Briefing gave it, never the disk (the bytes go
    /// to memory), so an internal error naming where it happened.
    static func check(_ status: cairo_status_t, place: @autoclosure () -> String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.drawing(message: "cairo: \(String(cString: cairo_status_to_string(status)))", place: place())
        }
    }
}
