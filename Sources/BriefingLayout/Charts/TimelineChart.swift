import BriefingModel
import Foundation

/// The cooperation timeline: a year axis from the first event to the last; each point event
/// as a pale bar covering the period its date can mean (a day, a month, a year, a decade) with
/// its domain's symbol, labelled in lanes above the axis; spans as hatched bars below it.
/// Events that cannot be labelled legibly are reported as `unlabelled` for a continuation table.
struct TimelineChart {
    let events: [Event]
    let style: ChartStyle
    let width: Double
    /// The years the axis covers, when the chart block limits it; events reaching beyond it are
    /// clipped at its ends (the resolver has already left out those wholly outside).
    var axis: ClosedRange<Double>? = nil
    /// The most label lanes the chart may stack above the axis (about a third of an A4 page).
    var maxLanes = 40

    var labelStyle: TextStyle { style.text.with { $0.size = 6.8 } }
    var dateStyle: TextStyle { labelStyle.with { $0.weight = .semibold } }

    func labelRuns(_ event: Event) -> [TextRun] {
        var runs = [
            TextRun(event.when.text(style.labels) + "  ", dateStyle.with { $0.color = style.color(event.domain) }),
            TextRun(event.title, labelStyle),
        ]
        if let marker = event.attribution.confidence.marker { runs.append(TextRun(marker, style.marker)) }
        return runs
    }

    func draw(store: ParagraphStore) -> ChartDrawing {
        var canvas = ChartCanvas(store: store)
        let legendBottom = drawLegend(on: &canvas)

        let first = events.map(\.when.start.start).min() ?? 2000
        let last =
            events.map { event -> Double in
                switch event.when {
                case .point(let date): date.end
                case .span(_, let end): end.end
                }
            }.max() ?? 2001
        let scale = LinearScale(domain: axis ?? floor(first)...ceil(last), from: 6, to: width - 6)
        // Marks reaching beyond a limited axis stop at its ends.
        let clip = { (x: Double) in min(max(x, scale(scale.domain.lowerBound)), scale(scale.domain.upperBound)) }

        // Point events: labels in lanes above the axis.
        let points = events.indices.filter { if case .point = events[$0].when { true } else { false } }
        let lineHeight = canvas.measure(labelRuns(events[points.first ?? 0])).height
        let laneHeight = lineHeight + 1.5
        let measureCanvas = canvas
        let requests = points.map { index -> LanePlacer.Request in
            let runs = labelRuns(events[index])
            return LanePlacer.Request(
                // Measuring wraps at 10,000 pt, so a label of thousands of characters measures its
                // widest line; past the chart's width the bound says no more than "does not fit".
                x: center(events[index], scale), minimumWidth: min(measureCanvas.minimumWidth(runs), width),
                width: { measureCanvas.measure(runs).width },
                wrapped: { Self.wrap(runs, lines: $0, lineHeight: lineHeight, canvas: measureCanvas) })
        }
        let placements = LanePlacer(chartWidth: width, maxLanes: maxLanes).place(requests)
        let lanesUsed = placements.compactMap { $0.map { $0.lane + ($0.wrapped?.lines ?? 1) } }.max() ?? 0
        let lanesTop = legendBottom + 10
        let markTop = lanesTop + Double(lanesUsed) * laneHeight + 4
        let markHeight = 8.0
        let axisY = markTop + markHeight + 3

        var unlabelled: [Int] = []
        // Labels are drawn after every mark and leader: on top of any leader that passes
        // behind them, and, for cairo, one region of marks before one of text (the PDF
        // surface's page analysis unions each drawing's box into a region, and text
        // interleaved with marks makes that region thousands of boxes early).
        var labels: [(runs: [TextRun], at: Point, breakWidth: Double)] = []
        for (offset, index) in points.enumerated() {
            let event = events[index]
            guard case .point(let date) = event.when else { continue }
            let color = style.color(event.domain)
            let x = requests[offset].x
            let x0 = clip(scale(date.start)), x1 = max(clip(scale(date.end)), x0 + 1.2)
            canvas.shape(.rect(Rect(x: x0, y: markTop, width: x1 - x0, height: markHeight)), ShapeStyle(fill: color.withAlpha(0.22)))
            canvas.shape(
                style.symbol(event.domain, at: Point(x: x, y: markTop + markHeight / 2), size: 5.4),
                ShapeStyle(fill: color, stroke: Color(hex: 0xFFFFFF), lineWidth: 0.5))
            guard let placement = placements[offset] else {
                unlabelled.append(index)
                continue
            }
            // A label on several lines fills as many lanes; its leader meets it in their middle.
            let lanes = Double(placement.wrapped?.lines ?? 1)
            let laneCenter = markTop - 4 - (Double(placement.lane) + lanes / 2) * laneHeight
            let breakWidth = placement.wrapped?.breakWidth ?? 10_000
            // Beside its label the leader ends at the label's middle; under it, just below it.
            let leaderTop =
                placement.above ? laneCenter + canvas.measure(labelRuns(event), maxWidth: breakWidth).height / 2 + 0.5 : laneCenter
            canvas.line(Point(x: x, y: markTop - 0.6), Point(x: x, y: leaderTop), color: color.withAlpha(0.75), width: 0.45, isMark: true)
            labels.append((labelRuns(event), Point(x: placement.minX, y: laneCenter), breakWidth))
        }
        for label in labels { canvas.text(label.runs, at: label.at, anchor: .centerLeft, maxWidth: label.breakWidth) }

        // The axis, with nice year ticks below it.
        canvas.line(
            Point(x: scale(scale.domain.lowerBound), y: axisY), Point(x: scale(scale.domain.upperBound), y: axisY), color: style.axisLine,
            width: 0.8)
        let tickLabelTop = axisY + 3
        // Whole years only: a short axis would otherwise repeat one year at fractional ticks.
        var tickYears = Array(Set(scale.ticks(count: 7).filter { $0 == $0.rounded() }.map { Int($0) })).sorted()
        if tickYears.isEmpty { tickYears = [Int(scale.domain.upperBound)] }
        let firstYear = Int(scale.domain.lowerBound)
        if let firstTick = tickYears.first, scale(Double(firstTick)) - scale(Double(firstYear)) > 22 { tickYears.insert(firstYear, at: 0) }
        var tickBottom = tickLabelTop
        for year in tickYears {
            let x = scale(Double(year))
            canvas.line(Point(x: x, y: axisY), Point(x: x, y: axisY + 2.5), color: style.axisLine, width: 0.6)
            tickBottom = canvas.tickLabel([TextRun(String(year), style.axis)], x: x, top: tickLabelTop, within: 0...width).maxY
        }

        // Spans below the axis, labelled beside (or under) their bars.
        let spans = events.indices.filter { if case .span = events[$0].when { true } else { false } }
        let y = drawSpans(
            spans, top: tickBottom + 5, scale: scale, clip: clip, lineHeight: lineHeight, on: &canvas, unlabelled: &unlabelled)

        let axisBox = Rect(
            x: scale(scale.domain.lowerBound), y: axisY - 0.4, width: scale(scale.domain.upperBound) - scale(scale.domain.lowerBound),
            height: 0.8)
        return ChartDrawing(
            size: Size(width: width, height: max(y, tickBottom)), items: canvas.items, labelBoxes: canvas.labelBoxes,
            markBoxes: canvas.markBoxes, axisBox: axisBox, unlabelled: unlabelled.sorted())
    }

    /// The label broken onto `lines` lines at a little over its width divided by that, if it
    /// then takes that many lines (long words may keep it on fewer, or push it onto more).
    static func wrap(_ runs: [TextRun], lines: Int, lineHeight: Double, canvas: ChartCanvas) -> LanePlacer.Wrapped? {
        let single = canvas.measure(runs).width
        // Never narrower than the longest word: Pango would break it inside
        // ("Consolidatio-n") rather than let the line run wider.
        let widestWord =
            runs.flatMap { run in run.text.split(separator: " ").map { canvas.measure([TextRun(String($0), run.style)]).width } }.max() ?? 0
        let breakWidth = max((single / Double(lines) * 1.16).rounded(.up), widestWord.rounded(.up) + 1)
        let size = canvas.measure(runs, maxWidth: breakWidth)
        let measuredLines = Int((size.height / lineHeight).rounded())
        guard measuredLines == lines, size.width < single else { return nil }
        return LanePlacer.Wrapped(lines: lines, breakWidth: breakWidth, width: size.width)
    }

    /// Where a point event's symbol and leader stand: the middle of the period its date covers.
    private func center(_ event: Event, _ scale: LinearScale) -> Double {
        guard case .point(let date) = event.when else { return scale(event.when.start.start) }
        let low = scale(scale.domain.lowerBound), high = scale(scale.domain.upperBound)
        return (max(scale(date.start), low) + min(scale(date.end), high)) / 2
    }

    /// Domain symbols, and a key to the pale precision bars; returns the legend's bottom.
    private func drawLegend(on canvas: inout ChartCanvas) -> Double {
        var x = 0.0, y = 0.0, lineHeight = 0.0
        var entries: [(runs: [TextRun], domain: Domain?)] = Set(events.map(\.domain)).sorted { $0.order < $1.order }
            .map { ([TextRun($0.title, style.text)], $0) }
        entries.append(([TextRun(style.labels[.paleBar], style.axis)], nil))
        for entry in entries {
            let size = canvas.measure(entry.runs)
            let symbolRoom = entry.domain == nil ? 0.0 : 10
            if x > 0, x + symbolRoom + size.width > width {
                x = 0
                y += lineHeight + 3
            }
            lineHeight = max(lineHeight, size.height)
            if let domain = entry.domain {
                canvas.shape(
                    style.symbol(domain, at: Point(x: x + 3.5, y: y + size.height / 2), size: 6), ShapeStyle(fill: style.color(domain)))
            }
            canvas.text(entry.runs, at: Point(x: x + symbolRoom, y: y))
            x += symbolRoom + size.width + 12
        }
        return y + lineHeight
    }
}
