import ArgumentParser

/// What `generate` and `chart` write: PDF, or page images (PNG, SVG) from the same painter.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case pdf, png, svg
}
