/// A link as a page draws it: one annotation over `rects` and one Link structure element
/// holding the words drawn there, so a screen reader names the link by its text. The words
/// of a link are drawn inside it, within their paragraph (cairo writes an element's own
/// text only when it has no child elements, so the rest of such a paragraph is drawn in
/// Span elements beside it).
public struct DrawnLink: Sendable, Hashable {
    public var target: LinkTarget
    /// One rectangle per line the link's words take on this page, in page coordinates.
    public var rects: [Rect]
    /// The group of the paragraph's link boxes it draws (`LinkBox.group`).
    public var group: Int

    public init(target: LinkTarget, rects: [Rect], group: Int) {
        self.target = target
        self.rects = rects
        self.group = group
    }
}

extension PagedDocument {
    /// The links a text item draws: paragraph `paragraph`'s link groups on `lines`, in
    /// drawing order, each with the rectangles of its lines offset to `origin`. A link cut by
    /// a page break is drawn once on each page.
    public func links(paragraph: Int, lines: Range<Int>, origin: Point) -> [DrawnLink] {
        var drawn: [DrawnLink] = []
        for box in links[paragraph] where lines.contains(box.line) {
            let rect = box.rect.offsetBy(dx: origin.x, dy: origin.y)
            if let last = drawn.last, last.group == box.group {
                drawn[drawn.count - 1].rects.append(rect)
            } else {
                drawn.append(DrawnLink(target: box.target, rects: [rect], group: box.group))
            }
        }
        return drawn
    }

    /// Every link on page `index`, in drawing order: the annotations the PDF has, in order.
    public func links(onPage index: Int) -> [DrawnLink] {
        pages[index].items.flatMap { item -> [DrawnLink] in
            guard case .text(let paragraph, let lines, let origin, _) = item else { return [] }
            return links(paragraph: paragraph, lines: lines, origin: origin)
        }
    }
}
