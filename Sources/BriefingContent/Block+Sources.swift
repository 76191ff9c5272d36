extension Block {
    /// Where a source is referred to: a citation in the text, or a chart's source line.
    public enum SourceUse: Sendable {
        case text, chart
    }

    /// Calls `body` with every source this block prints a reference to, in reading order:
    /// the citations in its text (footnotes and table cells included) and the sources a
    /// chart's source line names, where the chart stands. Every source printed must have a
    /// number in the Sources list to cite.
    public func visitSources(_ body: (String, SourceUse) -> Void) {
        switch self {
        case .chart(let figure):
            figure.sourceIDs.forEach { body($0, .chart) }
        case .bulletList(let items), .orderedList(_, let items):
            items.forEach { $0.forEach { $0.visitSources(body) } }
        case .callout(let blocks):
            blocks.forEach { $0.visitSources(body) }
        case .heading, .paragraph, .table, .notes, .thematicBreak, .image, .pageBreak:
            visitInlines { inline in
                if case .citation(let id) = inline { body(id, .text) }
            }
        }
    }
}
