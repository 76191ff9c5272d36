import BriefingModel

/// The resolved fact base of a briefing as rows for the edition store: what each fact is,
/// its value as printed, its source and grade. Derived numbers (a projection's annual rate,
/// a supply row's "all others") are rows of their own, marked derived, so a change in their
/// inputs shows as a change in them.
public enum FactSnapshot {
    public static func rows(of facts: FactBase, labels: Labels = .english) -> [FactRow] {
        func source(_ attribution: Attribution) -> (id: String, title: String, confidence: String) {
            (attribution.sourceID, facts.source(attribution.sourceID)?.title ?? "", attribution.confidence.id)
        }
        var rows: [FactRow] = []
        func add(
            _ key: String, _ kind: String, _ label: String, _ value: Double?, _ text: String, unit: String = "", date: String = "",
            _ attribution: Attribution, derived: Bool = false
        ) {
            let origin = source(attribution)
            rows.append(
                FactRow(
                    key: key, kind: kind, label: label, value: value, text: text, unit: unit, date: date, sourceID: origin.id,
                    sourceTitle: origin.title, confidence: origin.confidence, derived: derived))
        }
        for figure in facts.figures {
            add(
                "fig.\(figure.id)", "figure", figure.label, figure.value, figure.formatted(labels), unit: figure.unit,
                date: figure.asOf?.description ?? "", figure.attribution)
        }
        for rate in facts.growthRates {
            add(
                "growth.\(rate.id)", "growth", rate.label, rate.percent, rate.formatted, unit: "%", date: rate.since.description,
                rate.attribution)
        }
        for projection in facts.projections {
            let text =
                "\(projection.formatted(projection.from)) in \(projection.from.year) to \(projection.formatted(projection.to)) by \(projection.to.year)"
            add(
                "projection.\(projection.id)", "projection", projection.label, projection.to.value, text, unit: projection.unit,
                date: "\(projection.from.year)-\(projection.to.year)", projection.attribution)
            add(
                "projection.\(projection.id).cagr", "projection", "\(projection.label), annual growth",
                projection.compoundAnnualGrowthPercent, NumberFormatting.percent(projection.compoundAnnualGrowthPercent), unit: "%",
                date: "\(projection.from.year)-\(projection.to.year)", projection.attribution, derived: true)
        }
        for event in facts.events {
            add("event.\(event.id)", "event", event.title, nil, event.when.text(labels), date: event.when.description, event.attribution)
        }
        for series in facts.supplySeries {
            for row in series.rows {
                for share in row.shares {
                    add(
                        "supply.\(series.id).\(row.key).\(SupplySeries.slug(share.supplier))", "supply", "\(share.supplier), \(row.label)",
                        share.percent, NumberFormatting.percent(share.percent), unit: "%", date: row.label, row.attribution)
                }
                if !row.complete {
                    add(
                        "supply.\(series.id).\(row.key).others", "supply", "\(SupplySeries.othersLabel), \(row.label)", row.remainder,
                        NumberFormatting.percent(row.remainder), unit: "%", date: row.label, row.attribution, derived: true)
                }
            }
        }
        for series in facts.dataSeries {
            for point in series.points {
                add(
                    "series.\(series.id).\(point.period.key)", "series", "\(series.label), \(point.period)", point.value,
                    NumberFormatting.attach(unit: series.unit, to: NumberFormatting.format(point.value)), unit: series.unit,
                    date: point.period.description, series.attribution)
            }
        }
        // One row per key: a duplicate would be a data error the loader has already refused.
        var seen = Set<String>()
        return rows.filter { seen.insert($0.key).inserted }
    }
}
