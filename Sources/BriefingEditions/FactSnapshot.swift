import BriefingModel

/// The resolved fact base of a briefing as rows for the edition store: what each fact is,
/// its value as printed, its source and grade. Derived numbers (a projection's annual rate,
/// a supply row's "all others") are rows of their own, marked derived, so a change in their
/// inputs shows as a change in them.
public enum FactSnapshot {
    /// - Parameter folder: the template folder as locations name it (`DisplayPath`), so each
    ///   row's origin is relative to it whatever directory the run started in.
    public static func rows(of facts: FactBase, labels: Labels = .english, folder: String = "") -> [FactRow] {
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        func origin(_ location: SourceLocation) -> String {
            var location = location
            if !prefix.isEmpty, location.file.hasPrefix(prefix) { location.file.removeFirst(prefix.count) }
            return location.description
        }
        func source(_ attribution: Attribution) -> (id: String, title: String, confidence: String) {
            (attribution.sourceID, facts.source(attribution.sourceID)?.title ?? "", attribution.confidence.id)
        }
        var rows: [FactRow] = []
        func add(
            _ key: String, _ kind: String, _ label: String, _ value: Double?, _ text: String, unit: String = "", date: String = "",
            _ attribution: Attribution, derived: Bool = false, at location: SourceLocation
        ) {
            let cited = source(attribution)
            rows.append(
                FactRow(
                    key: key, kind: kind, label: label, value: value, text: text, unit: unit, date: date, sourceID: cited.id,
                    sourceTitle: cited.title, confidence: cited.confidence, derived: derived, origin: origin(location)))
        }
        for figure in facts.figures {
            add(
                "fig.\(figure.id)", "figure", figure.label, figure.value, figure.formatted(labels), unit: figure.unit,
                date: figure.asOf?.description ?? "", figure.attribution, at: figure.origin ?? figure.location)
        }
        for rate in facts.growthRates {
            add(
                "growth.\(rate.id)", "growth", rate.label, rate.percent, rate.formatted, unit: "%", date: rate.since.description,
                rate.attribution, at: rate.location)
        }
        for projection in facts.projections {
            let text =
                "\(projection.formatted(projection.from)) in \(projection.from.year) to \(projection.formatted(projection.to)) by \(projection.to.year)"
            add(
                "projection.\(projection.id)", "projection", projection.label, projection.to.value, text, unit: projection.unit,
                date: "\(projection.from.year)-\(projection.to.year)", projection.attribution, at: projection.location)
            add(
                "projection.\(projection.id).cagr", "projection", "\(projection.label), annual growth",
                projection.compoundAnnualGrowthPercent, NumberFormatting.percent(projection.compoundAnnualGrowthPercent), unit: "%",
                date: "\(projection.from.year)-\(projection.to.year)", projection.attribution, derived: true, at: projection.location)
        }
        for event in facts.events {
            add(
                "event.\(event.id)", "event", event.title, nil, event.when.text(labels), date: event.when.description, event.attribution,
                at: event.location)
        }
        for series in facts.supplySeries {
            for row in series.rows {
                for share in row.shares {
                    add(
                        "supply.\(series.id).\(row.key).\(SupplySeries.slug(share.supplier))", "supply", "\(share.supplier), \(row.label)",
                        share.percent, NumberFormatting.percent(share.percent), unit: "%", date: row.label, row.attribution,
                        at: share.origin ?? row.location)
                }
                if !row.complete {
                    add(
                        "supply.\(series.id).\(row.key).others", "supply", "\(SupplySeries.othersLabel), \(row.label)", row.remainder,
                        NumberFormatting.percent(row.remainder), unit: "%", date: row.label, row.attribution, derived: true,
                        at: row.location)
                }
            }
        }
        for series in facts.dataSeries {
            for point in series.points {
                add(
                    "series.\(series.id).\(point.period.key)", "series", "\(series.label), \(point.period)", point.value,
                    NumberFormatting.attach(unit: series.unit, to: NumberFormatting.format(point.value)), unit: series.unit,
                    date: point.period.description, series.attribution, at: point.origin ?? series.location)
            }
        }
        // One row per key: a duplicate would be a data error the loader has already refused.
        var seen = Set<String>()
        return rows.filter { seen.insert($0.key).inserted }
    }
}
