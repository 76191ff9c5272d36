/// Collects a chart's items at chart-local coordinates and measures its text through the
/// same `TextMeasurer` as the body, keeping the boxes of labels and marks so tests can prove
/// that nothing collides.
struct ChartCanvas {
    enum Anchor { case topLeft, topRight, topCenter, centerLeft, centerRight, center, bottomLeft, bottomCenter }

    let store: ParagraphStore
    private(set) var items: [FrameItem] = []
    private(set) var labelBoxes: [Rect] = []
    private(set) var markBoxes: [Rect] = []

    init(store: ParagraphStore) { self.store = store }

    /// Size of one line of text without placing it.
    func measure(_ runs: [TextRun], maxWidth: Double = 10_000) -> Size {
        let measured = store.measurer.measure(Paragraph(runs), width: maxWidth)
        return Size(width: measured.lines.map(\.width).max() ?? 0, height: measured.height)
    }

    /// A width the text is known not to be narrower than, found without shaping it.
    func minimumWidth(_ runs: [TextRun]) -> Double { store.measurer.minimumWidth(runs) }

    /// Places text with its box's `anchor` at `point`; returns the box. `isLabel` boxes are the
    /// ones collision tests check.
    @discardableResult
    mutating func text(
        _ runs: [TextRun], at point: Point, anchor: Anchor = .topLeft, maxWidth: Double = 10_000,
        alignment: Paragraph.Alignment = .left, isLabel: Bool = true
    ) -> Rect {
        let paragraph = Paragraph(runs, alignment: alignment)
        let (index, measured) = store.add(paragraph, width: maxWidth)
        let width = measured.lines.map { $0.x + $0.width }.max() ?? 0
        let left = measured.lines.map(\.x).min() ?? 0
        let size = Size(width: width - left, height: measured.height)
        var origin: Point
        switch anchor {
        case .topLeft: origin = point
        case .topRight: origin = Point(x: point.x - size.width, y: point.y)
        case .topCenter: origin = Point(x: point.x - size.width / 2, y: point.y)
        case .centerLeft: origin = Point(x: point.x, y: point.y - size.height / 2)
        case .centerRight: origin = Point(x: point.x - size.width, y: point.y - size.height / 2)
        case .center: origin = Point(x: point.x - size.width / 2, y: point.y - size.height / 2)
        case .bottomLeft: origin = Point(x: point.x, y: point.y - size.height)
        case .bottomCenter: origin = Point(x: point.x - size.width / 2, y: point.y - size.height)
        }
        let box = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        items.append(
            .text(paragraph: index, lines: 0..<measured.lines.count, origin: Point(x: origin.x - left, y: origin.y), width: maxWidth))
        if isLabel { labelBoxes.append(box) }
        return box
    }

    /// A tick label centred under `x`, shifted inwards where it would cross the chart's edge.
    @discardableResult
    mutating func tickLabel(_ runs: [TextRun], x: Double, top: Double, within bounds: ClosedRange<Double>) -> Rect {
        let width = measure(runs).width
        let left = min(max(x - width / 2, bounds.lowerBound), bounds.upperBound - width)
        return text(runs, at: Point(x: left, y: top))
    }

    mutating func shape(_ shape: Shape, _ style: ShapeStyle, isMark: Bool = true) {
        items.append(.shape(shape, style))
        if isMark { markBoxes.append(shape.bounds) }
    }

    /// A line; with `isMark` its (thin) box joins the marks labels must avoid (timeline leaders).
    mutating func line(_ from: Point, _ to: Point, color: Color, width: Double = 0.5, isMark: Bool = false) {
        items.append(.line(from: from, to: to, color: color, width: width))
        if isMark {
            markBoxes.append(
                Rect(
                    x: min(from.x, to.x) - width / 2, y: min(from.y, to.y), width: abs(to.x - from.x) + width,
                    height: abs(to.y - from.y)))
        }
    }
}

/// A chart laid out at the origin: its items, its size and the boxes tests check.
public struct ChartDrawing: Sendable {
    public var size: Size
    public var items: [FrameItem]
    public var labelBoxes: [Rect]
    public var markBoxes: [Rect]
    /// The axis line's box (timeline), which labels must not touch.
    public var axisBox: Rect?
    /// Events the timeline could not label legibly; listed in a continuation table.
    public var unlabelled: [Int]

    public init(size: Size, items: [FrameItem], labelBoxes: [Rect], markBoxes: [Rect], axisBox: Rect? = nil, unlabelled: [Int] = []) {
        self.size = size
        self.items = items
        self.labelBoxes = labelBoxes
        self.markBoxes = markBoxes
        self.axisBox = axisBox
        self.unlabelled = unlabelled
    }
}
