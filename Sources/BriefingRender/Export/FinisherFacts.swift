import BriefingLayout

extension PDFFinisher {
    /// What the finisher needs to know of the layout, taken before the pages are drawn: with
    /// it, the laid-out pages (most of a long briefing's memory) are freed as soon as cairo
    /// has them, not held while the file is finished.
    public struct Facts: Sendable {
        public var metadata: PagedDocument.Metadata
        /// The links each page draws, in drawing order: the order cairo lists its annotations.
        var pageLinks: [[LinkTarget]]
        /// Each figure's alt text, in drawing order.
        var figureAlts: [String]
        /// Bookmark titles by destination, for a link's words.
        var titles: [String: String]

        public init(_ document: PagedDocument) {
            metadata = document.metadata
            // Text without shaped glyphs (laid out by a test's fake measurer) draws no links.
            pageLinks = document.pages.map { page in
                page.items.flatMap { item -> [LinkTarget] in
                    guard case .text(let paragraph, let lines, let origin, _) = item, document.shaped[paragraph] is PangoShapedText else {
                        return []
                    }
                    return document.links(paragraph: paragraph, lines: lines, origin: origin).map(\.target)
                }
            }
            figureAlts = document.pages.flatMap(\.items).compactMap {
                if case .beginStructure(.figure(let alt)) = $0 { return alt }
                return nil
            }
            titles = Dictionary(document.outline.map { ($0.destination, $0.title) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
