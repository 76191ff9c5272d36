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
}
