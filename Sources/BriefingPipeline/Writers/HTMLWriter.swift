import BriefingContent
import BriefingHTML
import BriefingLayout
import BriefingRender
import Foundation

/// The HTML edition: one self-contained page written from the document, each chart laid out
/// by the same chart layout as the PDF's figure and written as SVG text in the same fonts,
/// which the page carries cut to its characters.
struct HTMLWriter: Writer {
    var format: OutputFormat { .html }

    func write(_ input: consuming WriterInput, mark: (String) -> Void) throws -> [Data] {
        guard let document = input.document, let measurer = input.measurer as? PangoTextMeasurer else {
            throw RenderError.drawing(message: "the HTML edition needs the document and the fonts", place: "the HTML edition")
        }
        var charts: [Int: ChartSVG] = [:]
        var fonts = PageFonts(measurer: measurer)
        // The house faces are cut on the other core while the charts are laid out, to the
        // characters the document's text is likely to hold; the page as written is checked.
        let likely = fonts.plan(for: PageText.likely(in: document))
        let cutting = Prefetch { PageFonts.cut(likely) }
        defer { _ = try? cutting.value() }
        let style = BriefingStyle()
        for figure in document.sections.flatMap({ $0.blocks.flatMap(\.charts) }) {
            let (page, unlabelled) = ChartPicture.page(figure, width: style.frameWidth, measurer: measurer, labels: document.labels)
            let svg = ChartSVGMarkup(page, prefix: "f\(figure.number)-", label: figure.spokenAlt, family: PageFonts.family(for:))
            charts[figure.number] = ChartSVG(markup: svg.markup, unlabelled: unlabelled)
            fonts.chartFaces.merge(svg.faces) { $0.union($1) }
        }
        mark("charts")
        defer { mark("html") }
        return [
            HTMLEdition.write(document, charts: charts, generator: input.generator) { text in
                mark("html")
                defer { mark("subset") }
                return fonts.fonts(for: text, early: (try? cutting.value()) ?? [])
            }
        ]
    }
}
