extension Block {
    /// Calls `body` for every inline in this block, depth first, in reading order.
    public func visitInlines(_ body: (Inline) -> Void) {
        switch self {
        case .heading(_, let inlines), .paragraph(let inlines):
            inlines.forEach { $0.visit(body) }
        case .bulletList(let items), .orderedList(_, let items):
            items.forEach { $0.forEach { $0.visitInlines(body) } }
        case .callout(let blocks):
            blocks.forEach { $0.visitInlines(body) }
        case .thematicBreak, .chart:
            break
        }
    }
}

extension Inline {
    public func visit(_ body: (Inline) -> Void) {
        body(self)
        switch self {
        case .emphasis(let children), .strong(let children), .link(_, let children):
            children.forEach { $0.visit(body) }
        default:
            break
        }
    }
}
