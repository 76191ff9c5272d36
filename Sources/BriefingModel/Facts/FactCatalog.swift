/// One fact of the briefing as every consumer sees it: the edition store records it, "what
/// changed" compares it, the change locator finds where it is named, "did you mean" offers its
/// names. Derived numbers (a projection's annual rate, a supply row's "all others") are
/// entries of their own, marked derived, so a change in their inputs shows as a change in them.
public struct FactEntry: Sendable {
    public var key: FactKey
    public var label: String
    /// The number compared between editions; nil for an event (its date is its value).
    public var value: Double?
    /// The value as printed.
    public var text: String
    public var unit: String
    /// The date or period the value is for, as written.
    public var date: String
    public var attribution: Attribution
    public var derived: Bool
    /// Where the fact was read: its line in a data file or a CSV row.
    public var origin: SourceLocation
    /// How placeholders may name the fact: its key, and the aliases of its row or point
    /// (`supply.S.latest.china`, `series.S.previous`); a derived annual rate is named by its
    /// projection.
    public var names: [String]
}

extension FactBase {
    /// Every fact, in a stable order: figures, growth rates, projections (each with its
    /// annual rate), events, supply shares row by row, series points. One entry per key.
    public func catalog(labels: Labels = .english) -> [FactEntry] {
        var entries: [FactEntry] = []
        func add(
            _ key: FactKey, _ label: String, _ value: Double?, _ text: String, unit: String = "", date: String = "",
            _ attribution: Attribution, derived: Bool = false, at origin: SourceLocation, aliases: [String] = []
        ) {
            entries.append(
                FactEntry(
                    key: key, label: label, value: value, text: text, unit: unit, date: date, attribution: attribution, derived: derived,
                    origin: origin, names: [key.description] + aliases))
        }
        for figure in figures {
            add(
                .figure(figure.id), figure.label, figure.value, figure.formatted(labels), unit: figure.unit,
                date: figure.asOf?.description ?? "", figure.attribution, at: figure.origin ?? figure.location)
        }
        for rate in growthRates {
            add(
                .growth(rate.id), rate.label, rate.percent, rate.formatted, unit: "%", date: rate.since.description, rate.attribution,
                at: rate.location)
        }
        for projection in projections {
            let text =
                "\(projection.formatted(projection.from)) in \(projection.from.year) to \(projection.formatted(projection.to)) by \(projection.to.year)"
            let years = "\(projection.from.year)-\(projection.to.year)"
            add(
                .projection(projection.id), projection.label, projection.to.value, text, unit: projection.unit, date: years,
                projection.attribution, at: projection.location)
            var rate = FactEntry(
                key: .projectionRate(projection.id), label: "\(projection.label), annual growth",
                value: projection.compoundAnnualGrowthPercent, text: NumberFormatting.percent(projection.compoundAnnualGrowthPercent),
                unit: "%", date: years, attribution: projection.attribution, derived: true, origin: projection.location, names: [])
            rate.names = [FactKey.projection(projection.id).description]
            entries.append(rate)
        }
        for event in events {
            add(
                .event(event.id), event.title, nil, event.when.text(labels), date: event.when.description, event.attribution,
                at: event.location)
        }
        for series in supplySeries {
            for (index, row) in series.rows.enumerated() {
                let rowNames =
                    (index == 0 ? ["first"] : []) + (index == series.rows.count - 1 ? ["latest"] : [])
                func aliases(_ supplier: String) -> [String] { rowNames.map { "supply.\(series.id).\($0).\(supplier)" } }
                for share in row.shares {
                    let slug = SupplySeries.slug(share.supplier)
                    add(
                        .share(series: series.id, row: row.key, supplier: slug), "\(share.supplier), \(row.label)", share.percent,
                        NumberFormatting.percent(share.percent), unit: "%", date: row.label, row.attribution,
                        at: share.origin ?? row.location, aliases: aliases(slug))
                }
                if !row.complete {
                    add(
                        .share(series: series.id, row: row.key, supplier: "others"), "\(SupplySeries.othersLabel), \(row.label)",
                        row.remainder, NumberFormatting.percent(row.remainder), unit: "%", date: row.label, row.attribution,
                        derived: true, at: row.location, aliases: aliases("others"))
                }
            }
        }
        for series in dataSeries {
            let count = series.points.count
            for (index, point) in series.points.enumerated() {
                let pointNames =
                    (index == 0 ? ["first"] : []) + (count >= 2 && index == count - 2 ? ["previous"] : [])
                    + (index == count - 1 ? ["latest"] : [])
                add(
                    .seriesPoint(series: series.id, period: point.period.key), "\(series.label), \(point.period)", point.value,
                    NumberFormatting.attach(unit: series.unit, to: NumberFormatting.format(point.value)), unit: series.unit,
                    date: point.period.description, series.attribution, at: point.origin ?? series.location,
                    aliases: pointNames.map { "series.\(series.id).\($0)" })
            }
        }
        // One entry per key: a duplicate would be a data error the loader has already refused.
        var seen = Set<FactKey>()
        return entries.filter { seen.insert($0.key).inserted }
    }
}
