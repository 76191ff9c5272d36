extension Block {
    /// The charts in this block, in reading order.
    public var charts: [ChartFigure] {
        switch self {
        case .chart(let figure): [figure]
        case .bulletList(let items), .orderedList(_, let items): items.flatMap { $0.flatMap(\.charts) }
        case .callout(let blocks): blocks.flatMap(\.charts)
        case .heading, .paragraph, .thematicBreak, .table, .image, .notes, .pageBreak: []
        }
    }

    /// The images in this block, in reading order.
    public var images: [ImageFigure] {
        switch self {
        case .image(let image): [image]
        case .bulletList(let items), .orderedList(_, let items): items.flatMap { $0.flatMap(\.images) }
        case .callout(let blocks): blocks.flatMap(\.images)
        case .heading, .paragraph, .thematicBreak, .table, .chart, .notes, .pageBreak: []
        }
    }

    /// This block with its charts numbered consecutively from `counter + 1`.
    public func numberingCharts(from counter: inout Int) -> Block {
        switch self {
        case .chart(var figure):
            counter += 1
            figure.number = counter
            return .chart(figure)
        case .bulletList(let items):
            return .bulletList(items.map { item in item.map { $0.numberingCharts(from: &counter) } })
        case .orderedList(let start, let items):
            return .orderedList(start: start, items.map { item in item.map { $0.numberingCharts(from: &counter) } })
        case .callout(let blocks):
            return .callout(blocks.map { $0.numberingCharts(from: &counter) })
        case .heading, .paragraph, .thematicBreak, .table, .image, .notes, .pageBreak:
            return self
        }
    }
}
