import BriefingContent
import BriefingModel

/// Lays out a `Document` on A4 pages: cover, body sections, Sources, running heads.
/// Text is measured through a `TextMeasurer`, so this target never touches Cairo or Pango.
public struct LayoutEngine {
    public var style: BriefingStyle
    let measurer: any TextMeasurer
    /// Whether the last sections are measured on a second thread meanwhile (`SectionsAhead`),
    /// when the measurer can make a helper: for a process whose other core is idle during
    /// layout, not for one already running a layout on each core.
    public var measuresAhead: Bool

    public init(measurer: any TextMeasurer, style: BriefingStyle = BriefingStyle(), measuresAhead: Bool = false) {
        self.measurer = measurer
        self.style = style
        self.measuresAhead = measuresAhead
    }

    /// - Parameter creator: program name and version, for the PDF metadata.
    public func layout(_ document: Document, creator: String) -> PagedDocument {
        let store = ParagraphStore(measurer: measurer)
        let styler = InlineStyler(style: style, marks: InlineMarks(document: document))
        let labels = document.labels
        let ahead =
            measuresAhead
            ? measuringAhead(measurer, document: document) { [style, document] helperStore in
                FlowBuilder(style: style, store: helperStore, styler: styler, labels: labels, source: document.source)
            } : nil
        // However layout ends, the helper's thread has ended before its text can be drawn.
        defer { ahead?.finish() }
        let cover = CoverLayout(style: style, store: store, styler: styler).layout(document)

        // The body is paginated on its own: its page labels start at 1 whatever the front
        // matter holds, so the contents page cannot shift the numbers it lists.
        let frame = Rect(x: style.marginLeft, y: style.marginTop, width: style.frameWidth, height: style.frameBottom - style.marginTop)
        var body = Paginator(frame: frame, firstPageIndex: 0, boxColor: style.panel)
        body.place(bodyFlow(document, store: store, styler: styler, ahead: ahead))

        // Contents: sections and sub-headings from the body's outline, figures from its anchors.
        let numbers = Dictionary(document.sections.map { (Anchor.section($0.id), "\($0.number)") }, uniquingKeysWith: { a, _ in a })
        let sectionEntries = body.outline.map { entry -> ContentsLayout.Entry in
            let title = numbers[entry.destination].map { number in String(entry.title.dropFirst(number.count + 1)) } ?? entry.title
            return .init(
                title: title, number: numbers[entry.destination], level: entry.level, destination: entry.destination,
                pageLabel: "\(entry.page + 1)")
        }
        var anchorPages: [String: Int] = [:]
        for (page, items) in body.pages.enumerated() {
            for item in items { if let name = item.anchorName, anchorPages[name] == nil { anchorPages[name] = page } }
        }
        var figureEntries: [ContentsLayout.Entry] = []
        for section in document.sections {
            for figure in section.blocks.flatMap(\.charts) {
                guard let page = anchorPages[figure.anchor] else { continue }
                figureEntries.append(
                    .init(
                        title: figure.title, number: labels.text(.figure, ["n": "\(figure.number)"]), level: 2, destination: figure.anchor,
                        pageLabel: "\(page + 1)"))
            }
        }
        let contents = ContentsLayout(style: style, store: store, labels: labels).layout(
            sections: sectionEntries, figures: figureEntries, frame: frame)

        let front = cover.pages.count + contents.count
        // The body's pages are moved, not shared: the running heads added to each page below
        // would otherwise copy every page's items while the paginator kept the originals
        // (at 50 times the sections, 4 MB more at the run's peak of memory).
        var bodyPages = body.pages
        body.pages = []
        var pages = (cover.pages + contents + bodyPages).enumerated().map { index, items in
            PagedDocument.Page(items: items, label: index < front ? PageLabel.roman(index + 1) : "\(index - front + 1)")
        }
        bodyPages = []
        var outline = cover.outline
        outline.append(.init(title: labels[.contents], level: 1, destination: Anchor.contents, page: cover.pages.count))
        outline += body.outline.map { entry in
            var entry = entry
            entry.page += front
            return entry
        }
        addRunningHeads(to: &pages, document: document, store: store, firstBodyPage: front)

        var metadata = PagedDocument.Metadata(
            title: document.title, author: document.author ?? document.publisher, subject: document.subtitle,
            keywords: document.keywords.joined(separator: ", "), creator: creator,
            creationDate: String(format: "%04d-%02d-%02dT00:00:00Z", document.date.year, document.date.month ?? 1, document.date.day ?? 1))
        metadata.language = document.language
        var paged = PagedDocument(
            pageSize: style.pageSize, pages: pages, paragraphs: store.paragraphs, shaped: store.shaped, links: store.links,
            outline: outline,
            metadata: metadata)
        paged.coverOverflowLines = cover.overflowLines
        return paged
    }

    /// The body as a flow: the "what changed" list, every section and the Sources. A function
    /// of its own so the flow (6 MB at 50 times the sections) is released once the paginator
    /// has placed it, before the contents and running heads are made.
    private func bodyFlow(
        _ document: Document, store: ParagraphStore, styler: InlineStyler, ahead: (any MeasuringAhead)?
    ) -> [FlowElement] {
        let labels = document.labels
        var builder = FlowBuilder(style: style, store: store, styler: styler, labels: labels, source: document.source)
        if let changes = document.changes {
            builder.addChanges(
                changes, sectionNumbers: Dictionary(document.sections.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a }))
        }
        for (part, section) in document.sections.enumerated() {
            ahead?.reach(part: part, block: 0)
            let anchor = Anchor.section(section.id)
            builder.addSectionHeading(number: section.number, title: section.title, anchor: anchor)
            builder.styler.noteScope = anchor
            for (offset, block) in section.blocks.enumerated() {
                if offset > 0 { ahead?.reach(part: part, block: offset) }
                builder.add(block, at: offset, anchorPrefix: anchor)
            }
        }
        if !document.sources.isEmpty {
            ahead?.reach(part: document.sections.count, block: 0)
            builder.addSectionHeading(number: nil, title: labels[.sources], anchor: Anchor.sources)
            builder.addSources(document.sources)
        }
        return builder.elements
    }

    /// Header (title and date) and footer (publisher and page label) on every page but the
    /// cover; body pages count "page N of M" over the body alone, as their labels do.
    private func addRunningHeads(to pages: inout [PagedDocument.Page], document: Document, store: ParagraphStore, firstBodyPage: Int) {
        let width = style.frameWidth
        let bodyCount = pages.count - firstBodyPage
        func place(_ text: String, alignment: Paragraph.Alignment, baseline: Double, page: Int, bold: Bool = false) {
            let runStyle = style.running.with {
                if bold {
                    $0.weight = .semibold
                    $0.color = style.navy
                }
            }
            let (index, measured) = store.add(Paragraph([TextRun(text, runStyle)], alignment: alignment), width: width)
            guard let line = measured.lines.first else { return }
            pages[page].items.append(
                .text(paragraph: index, lines: 0..<1, origin: Point(x: style.marginLeft, y: baseline - line.baseline), width: width))
        }
        if let banner = document.draftBanner {
            // On every page, the cover included, above the running head.
            let bannerStyle = style.running.with {
                $0.weight = .semibold; $0.color = style.accent
            }
            for page in pages.indices {
                let (index, measured) = store.add(Paragraph([TextRun(banner, bannerStyle)], alignment: .center), width: width)
                guard let line = measured.lines.first else { continue }
                pages[page].items.append(
                    .text(paragraph: index, lines: 0..<1, origin: Point(x: style.marginLeft, y: 24 - line.baseline), width: width))
            }
        }
        for page in pages.indices where page > 0 {
            place(document.title, alignment: .left, baseline: style.headerBaseline, page: page, bold: true)
            place(document.dateText, alignment: .right, baseline: style.headerBaseline, page: page)
            pages[page].items.append(
                .line(
                    from: Point(x: style.marginLeft, y: style.headerBaseline + 7),
                    to: Point(x: style.marginLeft + width, y: style.headerBaseline + 7), color: style.rule, width: 0.5))
            place(document.publisher, alignment: .left, baseline: style.footerBaseline, page: page)
            let label =
                page < firstBodyPage
                ? document.labels.text(.page, ["n": pages[page].label])
                : document.labels.text(.pageOf, ["n": pages[page].label, "total": "\(bodyCount)"])
            place(label, alignment: .right, baseline: style.footerBaseline, page: page)
        }
    }
}

extension LayoutEngine {
    /// Every font the layout sets text in, so the renderer can load them before layout starts
    /// (on another core, while the template is still being read). Loading a font at a new size
    /// costs about a millisecond in fontconfig and Pango, and a briefing uses about thirty.
    /// `PreparedFontsTests` checks the list against a real layout of the default briefing;
    /// a font missing here is still drawn, only loaded on first use instead.
    public static func fonts(_ style: BriefingStyle) -> [FontKey] {
        let body = style.bodySize
        let sans: [(Double, TextStyle.Weight)] = [
            (27, .bold), (19, .bold),  // cover title, key-figure values
            (12.5, .regular), (9, .medium), (8.2, .medium), (7.3, .regular),  // cover subtitle, date line, key-figure label and detail
            (15, .semibold), (11, .semibold), (10, .semibold), (9, .semibold),  // headings, contents sections, figure captions
            (8.4, .semibold), (7.6, .semibold), (7.4, .semibold), (6.8, .semibold),  // kicker, labels, chart headings and legends
            (8.8, .regular), (8.4, .regular), (7.6, .regular), (7.4, .regular), (6.8, .regular),  // contents, notes, running heads, chart text
            (style.smallSize, .regular), (body * 0.9, .regular), (body * 0.64, .medium),  // small print, list numbers, citations
        ]
        let serif: [(Double, TextStyle.Weight, Bool)] = [
            (body, .regular, false), (body, .bold, false), (body, .regular, true),  // body text
            (body * 0.7, .regular, false), (11, .regular, false), (8.4, .regular, false), (6.4, .regular, false),  // confidence markers
        ]
        return sans.map { FontKey(family: .sans, size: $0.0, weight: $0.1) }
            + serif.map { FontKey(family: .serif, size: $0.0, weight: $0.1, italic: $0.2) }
    }
}
