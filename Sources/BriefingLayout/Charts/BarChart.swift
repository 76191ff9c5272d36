import BriefingContent
import BriefingModel
import Foundation

/// Absolute values as horizontal bars from zero on one axis: labels on the left, each value
/// at its bar's end (with its confidence marker), the lowest grade hatched.
struct BarChart {
    let bars: [ChartFigure.Bar]
    let unit: String
    let style: ChartStyle
    let width: Double

    static let barHeight = 12.0

    private func valueRuns(_ bar: ChartFigure.Bar) -> [TextRun] {
        var runs = [TextRun(NumberFormatting.format(bar.value), style.strongText)]
        if let marker = bar.confidence.marker { runs.append(TextRun(marker, style.marker)) }
        return runs
    }

    func draw(store: ParagraphStore) -> ChartDrawing {
        var canvas = ChartCanvas(store: store)
        if !unit.isEmpty { canvas.text([TextRun(unit, style.strongText)], at: Point(x: 0, y: 0)) }
        let labelWidth = min((width * 0.34).rounded(), (bars.map { canvas.measure([TextRun($0.label, style.text)]).width }.max() ?? 0) + 2)
        // Room for value labels at the bars' ends: right of the positive ones, left of the
        // negative ones (between them and the category labels, never over those).
        func room(_ chosen: [ChartFigure.Bar]) -> Double {
            chosen.isEmpty ? 0 : (chosen.map { canvas.measure(valueRuns($0)).width }.max() ?? 0) + 6
        }
        let valueRoom = max(room(bars.filter { $0.value >= 0 }), 6), negativeRoom = room(bars.filter { $0.value < 0 })
        let low = min(0, bars.map(\.value).min() ?? 0), high = max(0, bars.map(\.value).max() ?? 0)
        let step = LinearScale.niceStep(span: max(high - low, 1e-9), count: 4)
        let domain = (floor(low / step + 1e-9) * step)...(ceil(high / step - 1e-9) * step)
        let scale = LinearScale(domain: domain, from: labelWidth + 8 + negativeRoom, to: width - valueRoom)
        let top = unit.isEmpty ? 0.0 : 16
        // Rows closer together when there are many, so the chart stays within a page.
        let gap = bars.count > 20 ? 3.0 : 6.0
        var y = top + 3
        var rows: [(bar: ChartFigure.Bar, top: Double, height: Double)] = []
        for bar in bars {
            let height = max(canvas.measure([TextRun(bar.label, style.text)], maxWidth: labelWidth).height, Self.barHeight)
            rows.append((bar, y, height))
            y += height + gap
        }
        let bottom = y - gap
        for tick in scale.ticks(count: 4) {
            canvas.line(Point(x: scale(tick), y: top), Point(x: scale(tick), y: bottom + 3), color: style.grid)
            canvas.tickLabel(
                [TextRun(NumberFormatting.format(tick, decimals: scale.tickDecimals(count: 4)), style.axis)], x: scale(tick),
                top: bottom + 5, within: 0...width)
        }
        for row in rows {
            canvas.text(
                [TextRun(row.bar.label, style.text)], at: Point(x: 0, y: row.top + row.height / 2), anchor: .centerLeft,
                maxWidth: labelWidth)
            let barTop = row.top + (row.height - Self.barHeight) / 2
            let x0 = scale(min(0, row.bar.value)), x1 = scale(max(0, row.bar.value))
            let fill =
                row.bar.confidence.isLowest
                ? ShapeStyle(fill: Color(hex: 0x9DB2CC), pattern: .diagonal(style.house.navy.withAlpha(0.55), spacing: 3))
                : ShapeStyle(fill: style.house.navy)
            canvas.shape(.rect(Rect(x: x0, y: barTop, width: max(x1 - x0, 0.5), height: Self.barHeight)), fill)
            let valueX = row.bar.value < 0 ? x0 - 4 : x1 + 4
            canvas.text(
                valueRuns(row.bar), at: Point(x: valueX, y: barTop + Self.barHeight / 2),
                anchor: row.bar.value < 0 ? .centerRight : .centerLeft)
        }
        canvas.line(Point(x: scale(0), y: top), Point(x: scale(0), y: bottom + 3), color: style.axisLine, width: 0.7)
        let tickBottom = bottom + 5 + canvas.measure([TextRun("0", style.axis)]).height
        return ChartDrawing(
            size: Size(width: width, height: tickBottom), items: canvas.items, labelBoxes: canvas.labelBoxes, markBoxes: canvas.markBoxes)
    }
}
