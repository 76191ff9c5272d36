import BriefingContent
import BriefingModel

/// Lays out a `Document` on A4 pages: cover, body sections, Sources, running heads.
/// Text is measured through a `TextMeasurer`, so this target never touches Cairo or Pango.
public struct LayoutEngine {
    public var style: BriefingStyle
    let measurer: any TextMeasurer

    public init(measurer: any TextMeasurer, style: BriefingStyle = BriefingStyle()) {
        self.measurer = measurer
        self.style = style
    }

    /// - Parameter creator: program name and version, for the PDF metadata.
    public func layout(_ document: Document, creator: String) -> PagedDocument {
        let store = ParagraphStore(measurer: measurer)
        let styler = InlineStyler(style: style, citationNumber: document.citationNumber)

        let cover = CoverLayout(style: style, store: store, styler: styler).layout(document)
        var pages = cover.pages
        var outline = cover.outline

        var builder = FlowBuilder(style: style, store: store, styler: styler, source: document.source)
        for section in document.sections {
            let anchor = "section-\(section.id)"
            builder.addSectionHeading(number: section.number, title: section.title, anchor: anchor)
            builder.add(section.blocks, anchorPrefix: anchor)
        }
        if !document.sources.isEmpty {
            builder.addSectionHeading(number: nil, title: "Sources", anchor: "sources")
            builder.addSources(document.sources)
        }
        let frame = Rect(
            x: style.marginLeft, y: style.marginTop, width: style.frameWidth,
            height: style.frameBottom - style.marginTop)
        var paginator = Paginator(frame: frame, firstPageIndex: pages.count, boxColor: style.panel)
        paginator.place(builder.elements)
        pages += paginator.pages
        outline += paginator.outline

        addRunningHeads(to: &pages, document: document, store: store)

        let metadata = PagedDocument.Metadata(
            title: document.title, author: document.author ?? document.publisher, subject: document.subtitle,
            keywords: document.keywords.joined(separator: ", "), creator: creator,
            creationDate: String(format: "%04d-%02d-%02dT00:00:00Z", document.date.year, document.date.month ?? 1, document.date.day ?? 1))
        return PagedDocument(
            pageSize: style.pageSize, pages: pages.map { PagedDocument.Page(items: $0) },
            paragraphs: store.paragraphs, outline: outline, metadata: metadata)
    }

    /// Header (title and date) and footer (publisher and "page N of M") on every page but the cover.
    private func addRunningHeads(to pages: inout [[FrameItem]], document: Document, store: ParagraphStore) {
        let total = pages.count
        let width = style.frameWidth
        func place(_ text: String, alignment: Paragraph.Alignment, baseline: Double, page: Int, bold: Bool = false) {
            let runStyle = style.running.with { if bold { $0.weight = .semibold; $0.color = style.navy } }
            let (index, measured) = store.add(Paragraph([TextRun(text, runStyle)], alignment: alignment), width: width)
            guard let line = measured.lines.first else { return }
            pages[page].append(
                .text(paragraph: index, lines: 0..<1, origin: Point(x: style.marginLeft, y: baseline - line.baseline), width: width))
        }
        for page in 1..<max(1, total) {
            place(document.title, alignment: .left, baseline: style.headerBaseline, page: page, bold: true)
            place(document.dateText, alignment: .right, baseline: style.headerBaseline, page: page)
            pages[page].append(
                .line(
                    from: Point(x: style.marginLeft, y: style.headerBaseline + 7),
                    to: Point(x: style.marginLeft + width, y: style.headerBaseline + 7), color: style.rule, width: 0.5))
            place(document.publisher, alignment: .left, baseline: style.footerBaseline, page: page)
            place("page \(page + 1) of \(total)", alignment: .right, baseline: style.footerBaseline, page: page)
        }
    }
}
