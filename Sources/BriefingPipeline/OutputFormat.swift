/// What a run writes: PDF, or page images (PNG, SVG) drawn by the same painter.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, png, svg
}
