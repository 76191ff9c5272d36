import BriefingContent

/// Something drawn at a fixed position on a finished page. Exporters switch over this closed
/// set exhaustively, so a new kind of item is a compile error in every exporter, not a
/// silent omission.
public enum FrameItem: Sendable, Hashable {
    /// Lines `lines` of paragraph `paragraph` (an index into `PagedDocument.paragraphs`),
    /// with the paragraph's top-left corner placed at `origin` (which may lie above the page
    /// when a paragraph continues from the previous one), and the links on those lines
    /// (`PagedDocument.links`): a link is drawn with its words, never as an area apart.
    case text(paragraph: Int, lines: Range<Int>, origin: Point, width: Double)
    case fill(Rect, Color)
    case line(from: Point, to: Point, color: Color, width: Double)
    /// A named destination for internal links and bookmarks.
    case anchor(name: String, at: Point)
    /// A chart shape: filled, hatched and/or stroked.
    /// Boxed: a shape with its style is over 100 bytes, and every other item (most are text)
    /// would otherwise be stored at that size.
    indirect case shape(Shape, ShapeStyle)
    /// An image from the template, drawn to fill `rect`.
    indirect case image(ImageFigure, Rect)
    /// Opens or closes a PDF structure element around the items between (a chart's Figure).
    case beginStructure(StructureRole)
    case endStructure(StructureRole)
}

extension FrameItem {
    /// The destination name, for anchors.
    public var anchorName: String? {
        if case .anchor(let name, _) = self { return name }
        return nil
    }

    /// The same item moved by (dx, dy): charts are laid out at the origin and placed later.
    public func offsetBy(dx: Double, dy: Double) -> FrameItem {
        switch self {
        case .text(let paragraph, let lines, let origin, let width):
            .text(paragraph: paragraph, lines: lines, origin: Point(x: origin.x + dx, y: origin.y + dy), width: width)
        case .fill(let rect, let color): .fill(rect.offsetBy(dx: dx, dy: dy), color)
        case .line(let from, let to, let color, let width):
            .line(from: Point(x: from.x + dx, y: from.y + dy), to: Point(x: to.x + dx, y: to.y + dy), color: color, width: width)
        case .anchor(let name, let point): .anchor(name: name, at: Point(x: point.x + dx, y: point.y + dy))
        case .shape(let shape, let style): .shape(shape.offsetBy(dx: dx, dy: dy), style)
        case .image(let image, let rect): .image(image, rect.offsetBy(dx: dx, dy: dy))
        case .beginStructure, .endStructure: self
        }
    }
}
