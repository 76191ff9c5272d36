import BriefingContent
import BriefingModel

extension AltText {
    /// The most values a description lists one by one; a longer series is described by its
    /// ends, its high and its low.
    static let listedValues = 12

    /// A line chart (or a bar chart of one series) in words, the trend before the figures:
    /// with several series, their latest values highest first; then for each, whether it
    /// rose or fell from its first to its last point and by how much (a multiple from
    /// ×2, a percentage below), whether it did so in every period, its high or low when
    /// that is not at an end, and its values.
    func series(_ lines: [DataSeries]) -> String {
        var sentences: [String] = []
        if lines.count > 1 {
            let ranked = lines.compactMap { line in line.points.last.map { (line, $0) } }.sorted { $0.1.value > $1.1.value }
            let items = ranked.map { line, point in
                labels.text(
                    .altLineLeadItem, ["label": line.label, "value": value(point.value, line.unit), "period": point.period.description])
            }
            sentences.append(labels.text(.altLineLead, ["list": list(items)]))
        }
        for line in lines { sentences.append(describe(line)) }
        return sentences.joined(separator: " ")
    }

    private func describe(_ line: DataSeries) -> String {
        guard let first = line.points.first, let last = line.points.last else { return "" }
        let values = line.points.map(\.value)
        var text: String
        if last.value == first.value {
            text = labels.text(
                .altLineFlat,
                [
                    "label": line.label, "value": value(last.value, line.unit), "first": first.period.description,
                    "last": last.period.description,
                ])
        } else {
            let rose = last.value > first.value
            let decimals = Self.places(first.value, last.value)
            text = labels.text(
                .altLine,
                [
                    "label": line.label, "trend": labels[rose ? .altRose : .altFell],
                    "from": value(first.value, line.unit, decimals: decimals), "first": first.period.description,
                    "to": value(last.value, line.unit, decimals: decimals), "last": last.period.description,
                    "change": change(from: first.value, to: last.value),
                ])
            let steps = zip(values, values.dropFirst())
            if values.count >= 3, steps.allSatisfy({ rose ? $1 > $0 : $1 < $0 }) {
                text += labels.text(.altLineSteady, ["direction": labels[rose ? .altRising : .altFalling]])
            }
        }
        // A high or low between the ends is part of the trend ("it peaked in 2023").
        let inner = line.points.dropFirst().dropLast()
        if let high = inner.max(by: { $0.value < $1.value }), high.value > max(first.value, last.value) {
            text += labels.text(.altLineHigh, ["value": value(high.value, line.unit), "period": high.period.description])
        }
        if let low = inner.min(by: { $0.value < $1.value }), low.value < min(first.value, last.value) {
            text += labels.text(.altLineLow, ["value": value(low.value, line.unit), "period": low.period.description])
        }
        text += "."
        if line.points.count > 2, line.points.count <= Self.listedValues {
            // The unit once, after the last value.
            let items = line.points.enumerated().map { offset, point in
                let number = offset == line.points.count - 1 ? value(point.value, line.unit) : NumberFormatting.format(point.value)
                return labels.text(.altPointItem, ["period": point.period.description, "value": number])
            }
            text += " " + labels.text(.altLineValues, ["list": items.joined(separator: ", ")])
        }
        return text
    }

    /// "×3.0" from a doubling on (or a halving and below), else "+45%" / "-20%".
    private func change(from: Double, to: Double) -> String {
        guard from > 0, to > 0 else { return NumberFormatting.format(to - from, decimals: 2) }
        let ratio = to / from
        if ratio >= 2 || ratio <= 0.5 { return "\u{00D7}" + NumberFormatting.multiple(ratio) }
        let percent = (ratio - 1) * 100
        return (percent > 0 ? "+" : "") + NumberFormatting.rate(percent)
    }

    private func value(_ number: Double, _ unit: String, decimals: Int = 2) -> String {
        NumberFormatting.attach(unit: unit, to: NumberFormatting.format(number, decimals: decimals))
    }

    /// Places enough for two different values to print differently: "rose from 3.001% to
    /// 3.004%", never "rose from 3% to 3%".
    static func places(_ a: Double, _ b: Double) -> Int {
        var decimals = 2
        while decimals < 8, NumberFormatting.format(a, decimals: decimals) == NumberFormatting.format(b, decimals: decimals) {
            decimals += 1
        }
        return decimals
    }

    /// Bars of figures in one unit, largest first: the comparison before the figures.
    func bars(_ bars: [ChartFigure.Bar], unit: String) -> String {
        let items = bars.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map {
            labels.text(.altBarItem, ["label": $0.element.label, "value": value($0.element.value, unit)])
        }
        return labels.counted(
            bars.count, one: .altBarOne, other: .altBar, ["count": "\(bars.count)", "unit": unit, "list": items.joined(separator: "; ")])
    }
}
