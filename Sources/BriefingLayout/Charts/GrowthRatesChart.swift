import BriefingModel
import Foundation

/// Left: each growth rate as a bar from zero with its base period. Right: a projection as
/// its two end values with the compound path between them and the annual rate the model
/// derives.
struct GrowthRatesChart {
    let rates: [GrowthRate]
    let projection: Projection?
    let style: ChartStyle
    let width: Double

    static let barHeight = 12.0

    func draw(store: ParagraphStore) -> ChartDrawing {
        var canvas = ChartCanvas(store: store)
        let split = projection == nil ? width : rates.isEmpty ? 0 : (width * 0.6).rounded()
        var height = 0.0
        if !rates.isEmpty { height = drawRates(on: &canvas, width: split - (projection == nil ? 0 : 14)) }
        if let projection {
            height = max(
                height,
                drawProjection(
                    projection, on: &canvas, x: split + (rates.isEmpty ? 0 : 10), width: width - split - (rates.isEmpty ? 0 : 10),
                    height: max(height, 130)))
        }
        return ChartDrawing(
            size: Size(width: width, height: height), items: canvas.items, labelBoxes: canvas.labelBoxes, markBoxes: canvas.markBoxes)
    }

    private func valueRuns(_ text: String, _ confidence: Confidence) -> [TextRun] {
        var runs = [TextRun(text, style.strongText)]
        if let marker = confidence.marker { runs.append(TextRun(marker, style.marker)) }
        return runs
    }

    /// Bars of every rate on one zero-based axis; returns the panel's height.
    private func drawRates(on canvas: inout ChartCanvas, width: Double) -> Double {
        canvas.text([TextRun(style.labels[.growthAxis], style.strongText)], at: Point(x: 0, y: 0))
        let labelWidth = (width * 0.4).rounded()
        let valueRoom = rates.map { canvas.measure(valueRuns($0.signed, $0.attribution.confidence)).width }.max()! + 6
        let scale = LinearScale.zeroBased(maximum: rates.map(\.percent).max()!, from: labelWidth + 6, to: width - valueRoom, ticks: 4)
        var y = 18.0
        var rows: [(rate: GrowthRate, top: Double, height: Double)] = []
        for rate in rates {
            let label = [TextRun(rate.label, style.text), TextRun("\u{2028}" + since(rate), style.axis)]
            let size = canvas.measure(label, maxWidth: labelWidth)
            let rowHeight = max(size.height, Self.barHeight)
            rows.append((rate, y, rowHeight))
            y += rowHeight + 8
        }
        let bottom = y - 8
        let ticks = scale.ticks(count: 4)
        for tick in ticks {
            canvas.line(Point(x: scale(tick), y: 15), Point(x: scale(tick), y: bottom + 3), color: style.grid)
            canvas.tickLabel(
                [TextRun(NumberFormatting.percent(tick, decimals: scale.tickDecimals(count: 4, atLeast: 1)), style.axis)], x: scale(tick),
                top: bottom + 5, within: 0...width)
        }
        for row in rows {
            let label = [TextRun(row.rate.label, style.text), TextRun("\u{2028}" + since(row.rate), style.axis)]
            canvas.text(label, at: Point(x: 0, y: row.top + row.height / 2), anchor: .centerLeft, maxWidth: labelWidth)
            let barTop = row.top + (row.height - Self.barHeight) / 2
            let rect = Rect(x: scale(0), y: barTop, width: scale(row.rate.percent) - scale(0), height: Self.barHeight)
            let fill =
                row.rate.attribution.confidence.isLowest
                ? ShapeStyle(fill: Color(hex: 0x9DB2CC), pattern: .diagonal(style.house.navy.withAlpha(0.55), spacing: 3))
                : ShapeStyle(fill: style.house.navy)
            canvas.shape(.rect(rect), fill)
            canvas.text(
                valueRuns(row.rate.signed, row.rate.attribution.confidence),
                at: Point(x: rect.maxX + 4, y: barTop + Self.barHeight / 2),
                anchor: .centerLeft)
        }
        canvas.line(Point(x: scale(0), y: 15), Point(x: scale(0), y: bottom + 3), color: style.axisLine, width: 0.7)
        let noteTop = bottom + 7 + canvas.measure([TextRun("0", style.axis)]).height
        if rates.contains(where: { $0.attribution.confidence.isLowest }) {
            let swatch = Rect(x: 0, y: noteTop + 2, width: 10, height: 7)
            canvas.shape(
                .rect(swatch), ShapeStyle(fill: Color(hex: 0x9DB2CC), pattern: .diagonal(style.house.navy.withAlpha(0.55), spacing: 3)))
            let box = canvas.text([TextRun(style.labels[.hatchedUnconfirmed], style.axis)], at: Point(x: 14, y: noteTop + 0.5))
            return box.maxY
        }
        return noteTop
    }

    /// The projection's end values as bars, with the compound path year by year.
    private func drawProjection(_ projection: Projection, on canvas: inout ChartCanvas, x: Double, width: Double, height: Double) -> Double
    {
        canvas.text([TextRun("\(projection.label) (\(projection.unit))", style.strongText)], at: Point(x: x, y: 0), maxWidth: width)
        let axisRoom = canvas.measure([TextRun(NumberFormatting.format(projection.to.value), style.axis)]).width + 4
        let yearHeight = canvas.measure([TextRun("2021", style.axis)]).height
        // The derived rate, under the panel title and clear of the plot.
        let note =
            style.labels.text(
                .multiple, ["multiple": NumberFormatting.multiple(projection.multiple), "years": "\(projection.years)"]) + " "
        let noteBox = canvas.text(
            [
                TextRun(note, style.text),
                TextRun(
                    style.labels.text(.perYear, ["percent": NumberFormatting.rate(projection.compoundAnnualGrowthPercent)]),
                    style.strongText),
                TextRun("\u{2028}" + style.labels[.derivedRate], style.axis),
            ],
            at: Point(x: x, y: 14), maxWidth: width - 36)
        let valueHeight = canvas.measure(valueRuns("60", projection.attribution.confidence)).height
        let plotTop = max(30.0, noteBox.maxY + valueHeight + 6), plotBottom = max(plotTop + 60, height - yearHeight - 4)
        let yScale = LinearScale.zeroBased(maximum: projection.to.value, from: plotBottom, to: plotTop, ticks: 3)
        let barWidth = 16.0
        let xScale = LinearScale(
            domain: Double(projection.from.year)...Double(projection.to.year),
            from: x + axisRoom + barWidth / 2 + 2, to: x + width - barWidth / 2 - 2)
        for tick in yScale.ticks(count: 3) {
            canvas.line(Point(x: x + axisRoom, y: yScale(tick)), Point(x: x + width, y: yScale(tick)), color: style.grid)
            canvas.text(
                [TextRun(NumberFormatting.format(tick, decimals: yScale.tickDecimals(count: 3)), style.axis)],
                at: Point(x: x + axisRoom - 3, y: yScale(tick)), anchor: .centerRight)
        }
        let rate = projection.compoundAnnualGrowthPercent / 100
        let fill =
            projection.attribution.confidence.isLowest
            ? ShapeStyle(fill: Color(hex: 0x9DB2CC), pattern: .diagonal(style.house.navy.withAlpha(0.55), spacing: 3))
            : ShapeStyle(fill: style.house.navy)
        for point in [projection.from, projection.to] {
            let center = xScale(Double(point.year))
            let rect = Rect(x: center - barWidth / 2, y: yScale(point.value), width: barWidth, height: yScale(0) - yScale(point.value))
            canvas.shape(.rect(rect), fill)
            canvas.text(
                valueRuns(NumberFormatting.format(point.value), projection.attribution.confidence),
                at: Point(x: center, y: rect.y - 2), anchor: .bottomCenter)
            canvas.text([TextRun(String(point.year), style.axis)], at: Point(x: center, y: plotBottom + 3), anchor: .topCenter)
        }
        // The implied path: the value each year at the derived constant rate.
        var path: [Point] = []
        for year in projection.from.year...projection.to.year {
            let value = projection.from.value * pow(1 + rate, Double(year - projection.from.year))
            path.append(Point(x: xScale(Double(year)), y: yScale(value)))
        }
        canvas.shape(.polyline(path), ShapeStyle(stroke: style.house.accent, lineWidth: 0.9, dash: [2, 1.5]), isMark: false)
        for point in path.dropFirst().dropLast() {
            canvas.shape(.circle(center: point, radius: 1.4), ShapeStyle(fill: style.house.accent))
        }
        return plotBottom + 3 + yearHeight
    }

    /// "since 2019" in the template's words.
    private func since(_ rate: GrowthRate) -> String { style.labels.text(.since, ["date": rate.since.text(style.labels)]) }
}

extension Color {
    func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }
}
