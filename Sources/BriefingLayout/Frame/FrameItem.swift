/// Something drawn at a fixed position on a finished page. Exporters switch over this closed
/// set exhaustively, so a new kind of item is a compile error in every exporter, not a
/// silent omission.
public enum FrameItem: Sendable, Hashable {
    /// Lines `lines` of paragraph `paragraph` (an index into `PagedDocument.paragraphs`),
    /// with the paragraph's top-left corner placed at `origin` (which may lie above the page
    /// when a paragraph continues from the previous one).
    case text(paragraph: Int, lines: Range<Int>, origin: Point, width: Double)
    case fill(Rect, Color)
    case line(from: Point, to: Point, color: Color, width: Double)
    case link(Rect, LinkTarget)
    /// A named destination for internal links and bookmarks.
    case anchor(name: String, at: Point)
}
