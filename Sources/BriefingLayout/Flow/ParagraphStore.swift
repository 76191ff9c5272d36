/// Collects every paragraph a layout draws, measuring each once; frame items refer to them by
/// index. Keeps the shaped text of each, so the finished document can be drawn on its own.
final class ParagraphStore {
    private(set) var paragraphs: [Paragraph] = []
    private(set) var shaped: [(any ShapedText)?] = []
    /// Each paragraph's links, by the same index: drawn with its text, wherever it is placed.
    private(set) var links: [[LinkBox]] = []
    let measurer: any TextMeasurer

    init(measurer: any TextMeasurer) { self.measurer = measurer }

    func add(_ paragraph: Paragraph, width: Double) -> (index: Int, measured: MeasuredParagraph) {
        let measured = measurer.measure(paragraph, width: width)
        paragraphs.append(paragraph)
        shaped.append(measured.shaped)
        links.append(measured.links)
        return (paragraphs.count - 1, measured)
    }

    /// Replaces the clickable areas of paragraph `index` (a contents entry's link covers its
    /// whole row, the page number included, not only the words of its title).
    func setLinks(_ boxes: [LinkBox], of index: Int) { links[index] = boxes }
}
