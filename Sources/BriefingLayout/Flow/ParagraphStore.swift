/// Collects every paragraph a layout draws, measuring each once; frame items refer to them by
/// index. Keeps the shaped text of each, so the finished document can be drawn on its own.
final class ParagraphStore {
    private(set) var paragraphs: [Paragraph] = []
    private(set) var shaped: [(any ShapedText)?] = []
    let measurer: any TextMeasurer

    init(measurer: any TextMeasurer) { self.measurer = measurer }

    func add(_ paragraph: Paragraph, width: Double) -> (index: Int, measured: MeasuredParagraph) {
        let measured = measurer.measure(paragraph, width: width)
        paragraphs.append(paragraph)
        shaped.append(measured.shaped)
        return (paragraphs.count - 1, measured)
    }
}
