import BriefingContent
import BriefingModel

/// Describes a chart's data in words, for readers who cannot see it: generated from the same
/// facts the chart draws, so the two cannot disagree.
enum AltText {
    static func supplyShares(_ series: SupplySeries) -> String {
        let focus = series.focus
        let rows = series.rows.filter { $0.percent(of: focus) != nil }
        guard let first = rows.first, let last = rows.last, let from = first.percent(of: focus), let to = last.percent(of: focus) else {
            return "\(series.title): no share is given for \(focus)."
        }
        if series.rows.allSatisfy({ $0.period == nil }) {
            let parts = rows.map { "\(NumberFormatting.percent($0.percent(of: focus)!)) of \($0.label.lowercased())" }
            return "\(focus) supplies \(list(parts))."
        }
        let verb = to > from ? "rose" : to < from ? "fell" : "stayed"
        var text =
            "\(focus)'s share \(verb) from \(NumberFormatting.percent(from)) in \(first.label) to \(NumberFormatting.percent(to)) in \(last.label)"
        let largestEverywhere = rows.allSatisfy { row in
            row.shares.allSatisfy { $0.percent <= row.percent(of: focus)! } && row.remainder <= row.percent(of: focus)!
        }
        text += largestEverywhere ? "; it was the largest supplier in every period shown." : "."
        let others = last.shares.filter { $0.supplier != focus }.map { "\($0.supplier) \(NumberFormatting.percent($0.percent))" }
        if !others.isEmpty { text += " In \(last.label) the next suppliers were \(list(others))." }
        return text
    }

    static func growthRates(_ rates: [GrowthRate], _ projection: Projection?) -> String {
        var sentences: [String] = []
        if !rates.isEmpty {
            sentences.append(
                "Reported growth: " + rates.map { "\($0.label) +\($0.formatted) since \($0.since)" }.joined(separator: "; ") + ".")
        }
        if let projection {
            sentences.append(
                "\(projection.label) is projected to grow from \(projection.formatted(projection.from)) in \(projection.from.year) to "
                    + "\(projection.formatted(projection.to)) in \(projection.to.year), an implied "
                    + "\(NumberFormatting.percent(projection.compoundAnnualGrowthPercent)) a year.")
        }
        return sentences.joined(separator: " ")
    }

    static func timeline(_ events: [Event]) -> String {
        let first = events.map(\.when.start.year).min() ?? 0, last = events.map(\.lastYear).max() ?? 0
        var byDecade: [Int: Int] = [:]
        for event in events { byDecade[event.when.start.year / 10 * 10, default: 0] += 1 }
        var text = "\(events.count) events from \(first) to \(last)"
        if let busiest = byDecade.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), events.count > 3 {
            text += "; the busiest decade is the \(busiest.key)s with \(busiest.value)"
        }
        let domains = Domain.allCases.filter { domain in events.contains { $0.domain == domain } }.map(\.phrase)
        return text + ", across \(list(domains))."
    }

    private static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
