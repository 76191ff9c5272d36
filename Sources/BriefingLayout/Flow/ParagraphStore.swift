/// Collects every paragraph a layout draws, measuring each once; frame items refer to them by index.
final class ParagraphStore {
    private(set) var paragraphs: [Paragraph] = []
    let measurer: any TextMeasurer

    init(measurer: any TextMeasurer) { self.measurer = measurer }

    func add(_ paragraph: Paragraph, width: Double) -> (index: Int, measured: MeasuredParagraph) {
        paragraphs.append(paragraph)
        return (paragraphs.count - 1, measurer.measure(paragraph, width: width))
    }
}
