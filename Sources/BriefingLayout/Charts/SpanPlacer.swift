/// Rows of spans under a timeline's axis: each span (a bar) goes in the first row with room,
/// labelled right of its bar, else left of it, else under it (a row holding labels under its
/// bars is taller); rows are added while the chart stays within its height.
///
/// A label is shaped only when a label of its minimum width could be placed. Whether a
/// label fits is monotone in its width (a narrower label fits wherever a wider one does:
/// right of the bar it needs only the bar's own room, left of or under it less room the
/// narrower it is, and a new row does not depend on the label), so a span no label of its
/// minimum width fits is left unlabelled without shaping, exactly as it would be after it.
/// In a dense timeline most spans are such: shaping them was most of the spans' cost.
struct SpanPlacer {
    struct Request {
        /// The bar's left and right edge.
        var bar: (Double, Double)
        /// A lower bound of the label's width: cheap, never more than `width()`.
        var minimumWidth: () -> Double
        /// The label's width: shapes the label.
        var width: () -> Double
    }

    struct Placement {
        var lane: Int
        /// The label's left and right edge.
        var label: (Double, Double)
        var labelUnder: Bool
    }

    /// The chart's width: a label must fit within it.
    var chartWidth: Double
    /// Where the rows start, and how far down they may go.
    var top: Double
    var maximumBottom: Double
    /// A row's height: with labels under its bars, or beside them.
    var rowHeight: (_ labelUnder: Bool) -> Double

    /// The gap kept between a label and its bar, and between two spans in a row.
    static let labelGap = 4.0
    static let spanGap = 6.0

    /// Places the spans in order: each its placement (nil: left unlabelled), and whether
    /// each row holds labels under its bars.
    func place(_ requests: [Request]) -> (placements: [Placement?], laneUnder: [Bool]) {
        var rows = Rows(bottom: top)
        var placements: [Placement?] = []
        placements.reserveCapacity(requests.count)
        for request in requests {
            // No label at all (no row left for the bar), then none of the minimum width.
            guard slot(for: request.bar, labelWidth: 0, in: rows) != nil,
                slot(for: request.bar, labelWidth: request.minimumWidth(), in: rows) != nil
            else {
                placements.append(nil)
                continue
            }
            let placement = slot(for: request.bar, labelWidth: request.width(), in: rows)
            if let placement { rows.take(placement, bar: request.bar, rowHeight: rowHeight) }
            placements.append(placement)
        }
        return (placements, rows.under)
    }

    /// The rows so far: where each ends, whether its labels are under its bars, and the
    /// bottom of the last.
    struct Rows {
        var ends: [Double] = []
        var under: [Bool] = []
        var bottom: Double

        mutating func take(_ placement: Placement, bar: (Double, Double), rowHeight: (Bool) -> Double) {
            let end = max(bar.1, placement.label.1)
            if placement.lane == ends.count {
                bottom += rowHeight(placement.labelUnder)
                ends.append(end)
                under.append(placement.labelUnder)
            } else {
                ends[placement.lane] = end
            }
        }
    }

    /// The first row (an existing one, else a new one if the height allows) and side a label
    /// `labelWidth` wide can take with `bar`; nil when there is none.
    func slot(for bar: (Double, Double), labelWidth: Double, in rows: Rows) -> Placement? {
        guard labelWidth <= chartWidth else { return nil }
        // Beside the bar, right then left, in any row; else under it, in a taller row.
        var options: [(label: (Double, Double), under: Bool)] = []
        let gap = Self.labelGap
        if bar.1 + gap + labelWidth <= chartWidth { options.append(((bar.1 + gap, bar.1 + gap + labelWidth), false)) }
        if bar.0 - gap - labelWidth >= 0 { options.append(((bar.0 - gap - labelWidth, bar.0 - gap), false)) }
        let underLeft = min(max(bar.0, 0), chartWidth - labelWidth)
        options.append(((underLeft, underLeft + labelWidth), true))
        for lane in 0...rows.ends.count {
            for option in options where !option.under || lane >= rows.ends.count || rows.under[lane] {
                let start = min(bar.0, option.label.0)
                if lane < rows.ends.count, rows.ends[lane] + Self.spanGap > start { continue }
                if lane == rows.ends.count, rows.bottom + rowHeight(option.under) > maximumBottom { continue }
                return Placement(lane: lane, label: option.label, labelUnder: option.under)
            }
        }
        return nil
    }
}
