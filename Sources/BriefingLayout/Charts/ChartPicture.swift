import BriefingContent
import BriefingModel

/// A chart alone, on a page exactly its size, drawn by the same chart layout as the PDF's
/// figure: for a writer that places charts itself (the HTML edition inlines it as SVG). The
/// caption, description and source line are the writer's, from the figure.
public enum ChartPicture {
    public static func page(
        _ figure: ChartFigure, width: Double, measurer: any TextMeasurer, style: BriefingStyle = BriefingStyle(),
        labels: Labels = .english
    ) -> (page: PagedDocument, unlabelled: [Int]) {
        let store = ParagraphStore(measurer: measurer)
        let drawing = ChartLayout.draw(figure, width: width, store: store, style: ChartStyle(house: style, labels: labels))
        let metadata = PagedDocument.Metadata(
            title: figure.title, author: "", subject: figure.altText, keywords: figure.kind.rawValue, creator: "", creationDate: "")
        let page = PagedDocument(
            pageSize: Size(width: width, height: drawing.size.height.rounded(.up)), pages: [PagedDocument.Page(items: drawing.items)],
            paragraphs: store.paragraphs, shaped: store.shaped, links: store.links, outline: [], metadata: metadata)
        return (page, drawing.unlabelled)
    }
}
