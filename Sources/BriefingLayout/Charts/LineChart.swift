import BriefingModel
import Foundation

/// Series over time on one zero-based value axis: each point at the middle of the period it
/// covers, so quarters, years and five-year periods are spaced by what they mean. Lines
/// differ in colour, dash and point symbol (legible in greyscale) and are named at their
/// right ends, nudged apart where they would touch.
struct LineChart {
    let series: [DataSeries]
    let style: ChartStyle
    let width: Double

    static let plotHeight = 150.0

    private static let colours = [0x16365C, 0xC98B12, 0x23877B, 0xB0452F, 0x7A5195, 0x5C7A1F]
    private static let dashes: [[Double]] = [[], [4, 2], [1.2, 1.8], [6, 2, 1.2, 2]]
    private static let markers: [Domain.Marker] = [.circle, .square, .triangle, .diamond, .triangleDown, .plus]

    private func colour(_ index: Int) -> Color { Color(hex: UInt32(Self.colours[index % Self.colours.count])) }

    private func endLabel(_ line: DataSeries) -> [TextRun] {
        var runs = [TextRun(line.label, style.text)]
        if let marker = line.attribution.confidence.marker { runs.append(TextRun(marker, style.marker)) }
        return runs
    }

    func draw(store: ParagraphStore) -> ChartDrawing {
        var canvas = ChartCanvas(store: store)
        let values = series.flatMap { $0.points.map(\.value) }
        let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, 1e-9)
        let step = LinearScale.niceStep(span: high - low, count: 4)
        // The unit heads the value axis, as in the bar chart.
        let unit = series.first?.unit ?? ""
        let plotTop = unit.isEmpty ? 6.0 : 20
        if !unit.isEmpty { canvas.text([TextRun(unit, style.strongText)], at: Point(x: 0, y: 0)) }
        let yScale = LinearScale(
            domain: (floor(low / step + 1e-9) * step)...(ceil(high / step - 1e-9) * step), from: plotTop + Self.plotHeight, to: plotTop)
        let ticks = yScale.ticks(count: 4), tickDecimals = yScale.tickDecimals(count: 4)
        let axisRoom =
            (ticks.map { canvas.measure([TextRun(NumberFormatting.format($0, decimals: tickDecimals), style.axis)]).width }.max() ?? 0) + 5
        // Room for the names at the right ends, at most a third of the width (they wrap).
        let labelRoom = min(width / 3, (series.map { canvas.measure(endLabel($0)).width }.max() ?? 0) + 8)
        let periods = series.flatMap { $0.points.map(\.period) }
        let first = periods.map(\.start).min()!, last = periods.map(\.end).max()!
        let xScale = LinearScale(domain: first...max(last, first + 1e-9), from: axisRoom + 4, to: width - labelRoom)
        func x(_ period: Period) -> Double { xScale((period.start + period.end) / 2) }

        for tick in ticks {
            canvas.line(Point(x: axisRoom, y: yScale(tick)), Point(x: width - labelRoom, y: yScale(tick)), color: style.grid)
            canvas.text(
                [TextRun(NumberFormatting.format(tick, decimals: tickDecimals), style.axis)], at: Point(x: axisRoom - 4, y: yScale(tick)),
                anchor: .centerRight)
        }
        canvas.line(Point(x: axisRoom, y: yScale(0)), Point(x: width - labelRoom, y: yScale(0)), color: style.axisLine, width: 0.7)

        // Period labels under the axis: every distinct period when few, else whole years.
        let distinct = Array(Set(periods)).sorted()
        var labelled: [(x: Double, text: String)] =
            distinct.count <= 10
            ? distinct.map { (x($0), $0.description) }
            : LinearScale(domain: first...last, from: 0, to: 1).ticks(count: 6).filter { $0 == $0.rounded() }.map {
                (xScale($0), String(Int($0)))
            }
        var tickBottom = yScale(yScale.domain.lowerBound) + 4
        var lastRight = -Double.infinity
        labelled.sort { $0.x < $1.x }
        for label in labelled {
            let runs = [TextRun(label.text, style.axis)]
            let labelWidth = canvas.measure(runs).width
            guard label.x - labelWidth / 2 > lastRight + 4 else { continue }  // never overlapping
            let axisY = yScale(yScale.domain.lowerBound)
            canvas.line(Point(x: label.x, y: axisY), Point(x: label.x, y: axisY + 2.5), color: style.axisLine, width: 0.6)
            let box = canvas.tickLabel(
                runs, x: label.x, top: yScale(yScale.domain.lowerBound) + 4, within: 0...(width - labelRoom + labelWidth / 2))
            lastRight = box.maxX
            tickBottom = max(tickBottom, box.maxY)
        }

        var ends: [(index: Int, y: Double)] = []
        for (index, line) in series.enumerated() {
            let points = line.points.map { Point(x: x($0.period), y: yScale($0.value)) }
            let colour = colour(index)
            if points.count > 1 {
                canvas.shape(
                    .polyline(points), ShapeStyle(stroke: colour, lineWidth: 1.4, dash: Self.dashes[index % Self.dashes.count]))
            }
            for point in points {
                let marker = Domain(id: "", title: "", colour: 0, marker: Self.markers[index % Self.markers.count], order: 0)
                canvas.shape(
                    style.symbol(marker, at: point, size: 4.6), ShapeStyle(fill: colour, stroke: Color(hex: 0xFFFFFF), lineWidth: 0.5))
            }
            if let end = points.last { ends.append((index, end.y)) }
        }
        // Names at the right ends, top to bottom, pushed apart so none overlaps the next.
        var nextTop = -Double.infinity
        for end in ends.sorted(by: { $0.y < $1.y }) {
            let runs = endLabel(series[end.index])
            let size = canvas.measure(runs, maxWidth: labelRoom - 6)
            let top = max(end.y - size.height / 2, nextTop)
            canvas.text(
                runs.map { TextRun($0.text, $0.style.with { $0.color = colour(end.index) }) }, at: Point(x: width - labelRoom + 6, y: top),
                maxWidth: labelRoom - 6)
            nextTop = top + size.height + 1
        }
        return ChartDrawing(
            size: Size(width: width, height: max(tickBottom, nextTop)), items: canvas.items, labelBoxes: canvas.labelBoxes,
            markBoxes: canvas.markBoxes)
    }
}
