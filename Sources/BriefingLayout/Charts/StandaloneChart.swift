import BriefingContent
import BriefingModel

/// One chart on a page of its own (for `briefing chart`): caption, alt text, the chart, its
/// source line and the full sources, on a page exactly as tall as its content.
public enum StandaloneChart {
    public static let margin = 24.0

    public static func layout(
        _ figure: ChartFigure, sources: [Document.SourceEntry], measurer: any TextMeasurer,
        style: BriefingStyle = BriefingStyle(), labels: Labels = .english, creator: String
    ) -> PagedDocument {
        let store = ParagraphStore(measurer: measurer)
        let styler = InlineStyler(style: style, marks: InlineMarks(sources: sources, revisedText: labels[.revisedMarker]))
        var builder = FlowBuilder(
            style: style, store: store, styler: styler, labels: labels, source: { id in sources.first { $0.id == id } })
        // The chart's title is the export's H1 and "Sources" its H2: headings start at the top.
        builder.addFigure(figure, x: 0, width: style.frameWidth, listUnlabelled: false, captionRole: .title)
        builder.addMarkerNote(figure.markedGrades)
        builder.addHeading(labels[.sources])
        builder.addSources(sources)
        let frame = Rect(x: margin, y: margin, width: style.frameWidth, height: 1_000_000)
        var paginator = Paginator(frame: frame, firstPageIndex: 0, boxColor: style.panel)
        paginator.place(builder.elements)
        let items = paginator.pages.flatMap { $0 }
        // The page ends below the lowest text line or shape.
        var bottom = margin
        for item in items {
            switch item {
            case .text(let index, let lines, let origin, let width):
                let measured = store.measurer.measure(store.paragraphs[index], width: width)
                bottom = max(bottom, origin.y + measured.lines[lines.upperBound - 1].bottom)
            case .shape(let shape, _): bottom = max(bottom, shape.bounds.maxY)
            case .fill(let rect, _), .image(_, let rect): bottom = max(bottom, rect.maxY)
            case .line(let from, let to, _, _): bottom = max(bottom, from.y, to.y)
            case .anchor, .beginStructure, .endStructure: break
            }
        }
        let metadata = PagedDocument.Metadata(
            title: labels.text(.chartDocument, ["title": figure.title]), author: "", subject: figure.altText,
            keywords: figure.kind.rawValue,
            creator: creator, creationDate: "")
        return PagedDocument(
            pageSize: Size(width: style.frameWidth + 2 * margin, height: (bottom + margin).rounded(.up)),
            pages: [PagedDocument.Page(items: items)], paragraphs: store.paragraphs, shaped: store.shaped, links: store.links,
            outline: [],
            metadata: metadata)
    }
}
