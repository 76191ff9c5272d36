import BriefingContent
import BriefingModel

/// Describes a chart's data in words, for readers who cannot see it: generated from the same
/// facts the chart draws, so the two cannot disagree. The sentences are the template's
/// labels (`alt_*`), so a briefing in another language describes its charts in that language.
struct AltText {
    let labels: Labels

    func supplyShares(_ series: SupplySeries) -> String {
        // Without a declared focus, the text follows the largest supplier of the latest row.
        let focus =
            series.focus ?? series.rows.last?.shares.max { $0.percent < $1.percent }?.supplier ?? series.rows.first?.shares.first?.supplier
            ?? ""
        let rows = series.rows.filter { $0.percent(of: focus) != nil }
        guard let first = rows.first, let last = rows.last, let from = first.percent(of: focus), let to = last.percent(of: focus) else {
            return labels.text(.altNoShare, ["title": series.title, "focus": focus])
        }
        if series.rows.allSatisfy({ $0.period == nil }) {
            let parts = rows.map {
                labels.text(
                    .altCategoryShare, ["percent": NumberFormatting.share($0.percent(of: focus)!), "category": $0.label.lowercased()])
            }
            return labels.text(.altCategories, ["focus": focus, "list": list(parts)])
        }
        let trend = labels[to > from ? .altRose : to < from ? .altFell : .altStayed]
        // One period has no trend: "A's share was 40% in 2022", not "stayed from 40% to 40%".
        var text =
            rows.count == 1
            ? labels.text(.altSupplyOnePeriod, ["focus": focus, "to": NumberFormatting.share(to), "last": last.label])
            : labels.text(
                .altSupplyTrend,
                [
                    "focus": focus, "trend": trend, "from": NumberFormatting.share(from), "first": first.label,
                    "to": NumberFormatting.share(to), "last": last.label,
                ])
        let largestEverywhere = rows.allSatisfy { row in
            row.shares.allSatisfy { $0.percent <= row.percent(of: focus)! } && row.remainder <= row.percent(of: focus)!
        }
        text += largestEverywhere ? labels[.altLargest] : "."
        // "The next suppliers" name them in order of size, largest first, whatever order the
        // data gives (a TIV export names suppliers by their deliveries over all periods).
        let others = last.shares.filter { $0.supplier != focus }.enumerated()
            .sorted { ($0.element.percent, -$0.offset) > ($1.element.percent, -$1.offset) }
            .map { "\($0.element.supplier) \(NumberFormatting.share($0.element.percent))" }
        // "The next" suppliers are smaller than the focus; when one is larger they are "the other" ones.
        let focusLeads = last.shares.allSatisfy { $0.supplier == focus || $0.percent <= to }
        if !others.isEmpty {
            let key: Labels.Key =
                others.count == 1
                ? (focusLeads ? .altNextSupplier : .altOtherSupplier) : (focusLeads ? .altNextSuppliers : .altOtherSuppliers)
            text += " " + labels.text(key, ["period": last.label, "list": list(others)])
        }
        return text
    }

    func growthRates(_ rates: [GrowthRate], _ projection: Projection?) -> String {
        var sentences: [String] = []
        if !rates.isEmpty {
            // Fastest first: the comparison a reader looks for, then each rate and its base.
            let fastestFirst = rates.enumerated().sorted { ($0.element.percent, -$0.offset) > ($1.element.percent, -$1.offset) }
            let items = fastestFirst.map(\.element).map {
                labels.text(.altGrowthItem, ["label": $0.label, "percent": $0.signed, "since": $0.since.text(labels)])
            }
            sentences.append(labels.text(.altGrowth, ["list": items.joined(separator: "; ")]))
        }
        if let projection {
            // A projection that falls is not "projected to grow", nor a flat one.
            let direction: Labels.Key =
                projection.to.value > projection.from.value
                ? .altProjection : projection.to.value < projection.from.value ? .altProjectionFall : .altProjectionFlat
            sentences.append(
                labels.text(
                    direction,
                    [
                        "label": projection.label, "from": projection.formatted(projection.from), "from_year": "\(projection.from.year)",
                        "to": projection.formatted(projection.to), "to_year": "\(projection.to.year)",
                        "percent": NumberFormatting.rate(projection.compoundAnnualGrowthPercent),
                    ]))
        }
        return sentences.joined(separator: " ")
    }

    func timeline(_ events: [Event]) -> String {
        let first = events.map(\.when.start.year).min() ?? 0, last = events.map(\.lastYear).max() ?? 0
        var byDecade: [Int: Int] = [:]
        for event in events { byDecade[event.when.start.year / 10 * 10, default: 0] += 1 }
        var text = labels.counted(
            events.count, one: .altTimelineOne, other: .altTimeline, ["count": "\(events.count)", "first": "\(first)", "last": "\(last)"])
        if let busiest = byDecade.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), events.count > 3 {
            let decade = labels.text(.decade, ["year": "\(busiest.key)"])
            text += labels.text(.altBusiestDecade, ["decade": decade, "count": "\(busiest.value)"])
        }
        let domains = Set(events.map(\.domain)).sorted { $0.order < $1.order }.map(\.phrase)
        return text + labels.text(.altDomains, ["list": list(domains)])
    }

    /// "Events in date order: April 2008, Separation plant opens; …": what a screen reader
    /// cannot get from the chart's labels, which are drawn, not read.
    func timelineEvents(_ events: [Event]) -> String {
        // The timeline hands its events in date order already; only other orders are sorted.
        let starts = events.map(\.when.start.start)
        let order = zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 } ? Array(events.indices) : starts.indices.sorted { (starts[$0], $0) < (starts[$1], $1) }
        let items = order.map { labels.text(.altTimelineEvent, ["date": events[$0].when.text(labels), "title": events[$0].title]) }
        return labels.text(.altTimelineEvents, ["list": items.joined(separator: "; ")])
    }

    /// "a, b and c" with the template's word for "and".
    func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(labels[.and]) " + items.last!
        }
    }
}
