import BriefingModel

extension TimelineChart {
    /// The tallest a timeline may grow (points): the lanes of labels above the axis come
    /// first, and span rows are added while they fit under this.
    static let maximumHeight = 590.0

    /// Draws spans as hatched bars in rows under the axis, from `top`, earliest first, each in
    /// the first row with room, labelled right of its bar, else left of it, else under it
    /// (rows holding such labels are taller); rows are added while the chart stays within
    /// `maximumHeight` (`SpanPlacer`). Returns the bottom.
    func drawSpans(
        _ spans: [Int], top: Double, scale: LinearScale, clip: (Double) -> Double, lineHeight: Double, on canvas: inout ChartCanvas,
        unlabelled: inout [Int]
    ) -> Double {
        let spanHeight = 6.0
        var placed: [(index: Int, bar: (Double, Double))] = []
        for index in spans.sorted(by: { events[$0].when.start < events[$1].when.start }) {
            guard case .span(let start, let end) = events[index].when else { continue }
            placed.append((index, (clip(scale(start.start)), clip(scale(end.end)))))
        }
        let measuring = canvas
        let requests = placed.map { span in
            SpanPlacer.Request(
                bar: span.bar, minimumWidth: { measuring.minimumWidth(labelRuns(events[span.index])) },
                width: { measuring.measure(labelRuns(events[span.index])).width })
        }
        let placer = SpanPlacer(
            chartWidth: width, top: top, maximumBottom: Self.maximumHeight,
            rowHeight: { under in under ? spanHeight + 2 + lineHeight + 3 : lineHeight + 3 })
        let (placements, laneUnder) = placer.place(requests)
        var rows: [(index: Int, bar: (Double, Double), placement: SpanPlacer.Placement)] = []
        for (span, placement) in zip(placed, placements) {
            if let placement { rows.append((span.index, span.bar, placement)) } else { unlabelled.append(span.index) }
        }
        // Row tops: a row with labels under its bars is a bar and a line of text high.
        var laneTops: [Double] = []
        var y = top
        for under in laneUnder {
            laneTops.append(y)
            y += placer.rowHeight(under)
        }
        for row in rows {
            let event = events[row.index]
            let color = style.color(event.domain)
            let barTop =
                row.placement.labelUnder
                ? laneTops[row.placement.lane] : laneTops[row.placement.lane] + (lineHeight - spanHeight) / 2
            canvas.shape(
                .rect(Rect(x: row.bar.0, y: barTop, width: row.bar.1 - row.bar.0, height: spanHeight)),
                ShapeStyle(fill: color.withAlpha(0.35), pattern: .diagonal(color, spacing: 2.6), stroke: color, lineWidth: 0.4))
            if row.placement.labelUnder {
                canvas.text(labelRuns(event), at: Point(x: row.placement.label.0, y: barTop + spanHeight + 2))
            } else {
                canvas.text(labelRuns(event), at: Point(x: row.placement.label.0, y: barTop + spanHeight / 2), anchor: .centerLeft)
            }
        }
        return y
    }
}
