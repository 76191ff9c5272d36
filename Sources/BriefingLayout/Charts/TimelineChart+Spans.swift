import BriefingModel

extension TimelineChart {
    /// The tallest a timeline may grow (points): the lanes of labels above the axis come
    /// first, and span rows are added while they fit under this.
    static let maximumHeight = 590.0

    /// One span in its row: the bar, and its label beside it or, when neither side of the bar
    /// has room, under it.
    private struct SpanRow {
        var index: Int
        var lane: Int
        var bar: (Double, Double)
        var label: (Double, Double)
        var labelUnder: Bool
    }

    /// Draws spans as hatched bars in rows under the axis, from `top`, earliest first, each in
    /// the first row with room, labelled right of its bar, else left of it, else under it
    /// (rows holding such labels are taller); rows are added while the chart stays within
    /// `maximumHeight`. Returns the bottom.
    func drawSpans(
        _ spans: [Int], top: Double, scale: LinearScale, clip: (Double) -> Double, lineHeight: Double, on canvas: inout ChartCanvas,
        unlabelled: inout [Int]
    ) -> Double {
        let spanHeight = 6.0
        func rowHeight(under: Bool) -> Double { under ? spanHeight + 2 + lineHeight + 3 : lineHeight + 3 }
        var bottom = top
        var laneEnds: [Double] = []
        var laneUnder: [Bool] = []
        var rows: [SpanRow] = []
        for index in spans.sorted(by: { events[$0].when.start < events[$1].when.start }) {
            guard case .span(let start, let end) = events[index].when else { continue }
            let bar = (clip(scale(start.start)), clip(scale(end.end)))
            // A span no lane can take whatever its label's width (every lane ends too late
            // for its bar, and the chart has no height for another) is not shaped: it would
            // be left unlabelled anyway, and shaping each of thousands is most of the work.
            let anyLane =
                bottom + rowHeight(under: false) <= Self.maximumHeight || laneEnds.contains { $0 + 6 <= bar.0 }
            guard anyLane else {
                unlabelled.append(index)
                continue
            }
            let labelWidth = canvas.measure(labelRuns(events[index])).width
            guard labelWidth <= width else {
                unlabelled.append(index)
                continue
            }
            // Beside the bar, right then left, in any row; else under it, in a taller row.
            var options: [(label: (Double, Double), under: Bool)] = []
            if bar.1 + 4 + labelWidth <= width { options.append(((bar.1 + 4, bar.1 + 4 + labelWidth), false)) }
            if bar.0 - 4 - labelWidth >= 0 { options.append(((bar.0 - 4 - labelWidth, bar.0 - 4), false)) }
            let underLeft = min(max(bar.0, 0), width - labelWidth)
            options.append(((underLeft, underLeft + labelWidth), true))
            var chosen: SpanRow?
            search: for lane in 0...laneEnds.count {
                for option in options where !option.under || lane >= laneEnds.count || laneUnder[lane] {
                    let extent = (min(bar.0, option.label.0), max(bar.1, option.label.1))
                    if lane < laneEnds.count, laneEnds[lane] + 6 > extent.0 { continue }
                    if lane == laneEnds.count {
                        guard bottom + rowHeight(under: option.under) <= Self.maximumHeight else { continue }
                        bottom += rowHeight(under: option.under)
                        laneEnds.append(extent.1)
                        laneUnder.append(option.under)
                    } else {
                        laneEnds[lane] = extent.1
                    }
                    chosen = SpanRow(index: index, lane: lane, bar: bar, label: option.label, labelUnder: option.under)
                    break search
                }
            }
            if let chosen { rows.append(chosen) } else { unlabelled.append(index) }
        }
        // Row tops: a row with labels under its bars is a bar and a line of text high.
        var laneTops: [Double] = []
        var y = top
        for under in laneUnder {
            laneTops.append(y)
            y += rowHeight(under: under)
        }
        for row in rows {
            let event = events[row.index]
            let color = style.color(event.domain)
            let barTop = row.labelUnder ? laneTops[row.lane] : laneTops[row.lane] + (lineHeight - spanHeight) / 2
            canvas.shape(
                .rect(Rect(x: row.bar.0, y: barTop, width: row.bar.1 - row.bar.0, height: spanHeight)),
                ShapeStyle(fill: color.withAlpha(0.35), pattern: .diagonal(color, spacing: 2.6), stroke: color, lineWidth: 0.4))
            if row.labelUnder {
                canvas.text(labelRuns(event), at: Point(x: row.label.0, y: barTop + spanHeight + 2))
            } else {
                canvas.text(labelRuns(event), at: Point(x: row.label.0, y: barTop + spanHeight / 2), anchor: .centerLeft)
            }
        }
        return y
    }
}
