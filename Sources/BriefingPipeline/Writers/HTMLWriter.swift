import BriefingContent
import BriefingHTML
import BriefingLayout
import BriefingRender
import Foundation

/// The HTML edition: one self-contained page written from the document, each chart drawn by
/// the same chart layout and painter as the PDF's figure and inlined as SVG.
struct HTMLWriter: Writer {
    var format: OutputFormat { .html }

    func write(_ input: WriterInput, mark: (String) -> Void) throws -> [Data] {
        guard let document = input.document, let measurer = input.measurer else {
            throw RenderError.drawing(message: "the HTML edition needs the document and the fonts", place: "the HTML edition")
        }
        var charts: [Int: ChartSVG] = [:]
        let style = BriefingStyle()
        for figure in document.sections.flatMap({ $0.blocks.flatMap(\.charts) }) {
            let (page, unlabelled) = ChartPicture.page(figure, width: style.frameWidth, measurer: measurer, labels: document.labels)
            let svg = try ImageExporter.svg(page, page: 0)
            charts[figure.number] = ChartSVG(
                markup: InlineSVG.prepare(svg, prefix: "f\(figure.number)-", label: figure.spokenAlt), unlabelled: unlabelled)
        }
        mark("charts")
        defer { mark("html") }
        return [HTMLEdition.write(document, charts: charts, generator: input.generator)]
    }
}
