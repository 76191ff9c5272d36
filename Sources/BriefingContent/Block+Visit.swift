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
        case .table(let table):
            (table.header + table.rows.flatMap { $0 }).forEach { $0.forEach { $0.visit(body) } }
        case .notes(let notes):
            notes.forEach { $0.blocks.forEach { $0.visitInlines(body) } }
        case .thematicBreak, .chart, .image, .pageBreak:
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

extension Block {
    /// This block with every inline (recursively) replaced by `transform`.
    public func mapInlines(_ transform: (Inline) -> Inline) -> Block {
        switch self {
        case .heading(let level, let inlines): .heading(level: level, inlines.map { $0.mapped(transform) })
        case .paragraph(let inlines): .paragraph(inlines.map { $0.mapped(transform) })
        case .bulletList(let items): .bulletList(items.map { $0.map { $0.mapInlines(transform) } })
        case .orderedList(let start, let items): .orderedList(start: start, items.map { $0.map { $0.mapInlines(transform) } })
        case .callout(let blocks): .callout(blocks.map { $0.mapInlines(transform) })
        case .table(var table):
            {
                table.header = table.header.map { $0.map { $0.mapped(transform) } }
                table.rows = table.rows.map { $0.map { $0.map { $0.mapped(transform) } } }
                return .table(table)
            }()
        case .notes(let notes):
            .notes(notes.map { Footnote(number: $0.number, blocks: $0.blocks.map { $0.mapInlines(transform) }) })
        case .thematicBreak, .chart, .image, .pageBreak: self
        }
    }
}

extension Inline {
    func mapped(_ transform: (Inline) -> Inline) -> Inline {
        switch self {
        case .emphasis(let children): transform(.emphasis(children.map { $0.mapped(transform) }))
        case .strong(let children): transform(.strong(children.map { $0.mapped(transform) }))
        case .link(let url, let children): transform(.link(url: url, children.map { $0.mapped(transform) }))
        default: transform(self)
        }
    }
}
