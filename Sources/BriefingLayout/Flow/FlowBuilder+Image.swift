import BriefingContent
import BriefingModel

extension FlowBuilder {
    /// The most of the text height an image may take, so it never needs a page of its own.
    static let imageMaximumHeight = 420.0

    /// An image at its own size (a pixel or CSS pixel is 3/4 pt, 96 per inch), scaled down to
    /// the text width and `imageMaximumHeight`; tagged Figure with its alt text, and its title
    /// (if written) as a caption under it.
    mutating func addImage(_ image: ImageFigure, x: Double, width: Double, anchor: String) {
        var size = Size(width: image.width * 0.75, height: image.height * 0.75)
        let scale = min(1, width / size.width, Self.imageMaximumHeight / size.height)
        size = Size(width: size.width * scale, height: size.height * scale)
        let left = (width - size.width) / 2
        let group = nextFloatGroup()
        var picture = FlowElement(
            kind: .drawing(
                [.image(image, Rect(x: left, y: 0, width: size.width, height: size.height))], height: size.height, alt: image.alt),
            x: x, width: width, spaceBefore: 6, spaceAfter: image.title.isEmpty ? 10 : 3, anchor: anchor)
        picture.floatGroup = group
        elements.append(picture)
        guard !image.title.isEmpty else { return }
        let caption = store.add(
            Paragraph([TextRun(image.title, style.small)], alignment: .center, lineSpacing: 1.02, role: .caption), width: width)
        var element = FlowElement(kind: .paragraph(index: caption.index, measured: caption.measured), x: x, width: width, spaceAfter: 10)
        element.floatGroup = group
        elements.append(element)
    }

    /// The section's footnotes under a short rule: each number hanging, linked from the text.
    mutating func addNotes(_ notes: [Footnote], x: Double, width: Double) {
        elements.append(
            FlowElement(
                kind: .rule(style.rule, thickness: 0.5), x: x, width: min(width, 120), spaceBefore: 8, spaceAfter: 5, keepWithNext: true))
        let hang = 14.0
        let text = style.small.with { $0.color = style.ink }
        for note in notes {
            let runs = note.blocks.enumerated().flatMap { offset, block -> [TextRun] in
                let separator = offset == 0 ? [] : [TextRun(" ", text)]
                switch block {
                case .paragraph(let inlines), .heading(_, let inlines): return separator + styler.runs(inlines, base: text)
                default: return separator
                }
            }
            addNumbered(
                InlineStyler.merge(runs), number: "\(note.number)", style: text, x: x, hang: hang, width: width, role: .note, spaceAfter: 3,
                anchor: Anchor.note(note.number, in: styler.noteScope))
        }
        if let last = elements.indices.last { elements[last].spaceAfter = 8 }
    }
}
