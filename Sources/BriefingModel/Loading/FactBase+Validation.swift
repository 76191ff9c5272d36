/// The largest inputs accepted, so a runaway file gets a clear error instead of a run that
/// exhausts memory or time. Each is far above any real briefing (the default has 25 events).
public enum Limits {
    public static let events = 20_000
    public static let figures = 20_000
    public static let sources = 5_000
    public static let supplyRows = 2_000
    public static let sections = 1_000
}

extension FactBase {
    /// Counts above `Limits`, reported at the first item past the limit.
    func checkLimits() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ what: String, _ locations: [SourceLocation], _ limit: Int) {
            if locations.count > limit {
                problems.append(
                    .error(
                        locations[limit], "too many \(what): \(locations.count) (the limit is \(NumberFormatting.format(Double(limit))))"))
            }
        }
        check("events", events.map(\.location), Limits.events)
        check("figures", figures.map(\.location), Limits.figures)
        check("sources", sources.map(\.location), Limits.sources)
        check("supply rows", supplySeries.flatMap { $0.rows.map(\.location) }, Limits.supplyRows)
        return problems
    }

    /// Cross-reference checks that need the whole file: duplicate ids and unknown sources.
    /// (Shapes, dates and share arithmetic are checked while decoding.)
    public func validate() -> [Diagnostic] {
        var problems: [Diagnostic] = checkLimits()
        func checkUnique(_ kind: String, _ items: [(id: String, location: SourceLocation)]) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if let first = seen[item.id] {
                    problems.append(.error(item.location, "duplicate \(kind) id '\(item.id)' (first defined at line \(first.line))"))
                } else {
                    seen[item.id] = item.location
                }
            }
        }
        checkUnique("source", sources.map { ($0.id, $0.location) })
        checkUnique("figure", figures.map { ($0.id, $0.location) })
        checkUnique("event", events.map { ($0.id, $0.location) })
        checkUnique("growth", growthRates.map { ($0.id, $0.location) })
        checkUnique("projection", projections.map { ($0.id, $0.location) })
        checkUnique("supply series", supplySeries.map { ($0.id, $0.location) })
        checkUnique("series", dataSeries.map { ($0.id, $0.location) })

        let sourceIDs = Set(sources.map(\.id))
        for attribution in allAttributions where !sourceIDs.contains(attribution.sourceID) && !unreadableSourceIDs.contains(attribution.sourceID) {
            let hint =
                Suggestion.closest(to: attribution.sourceID, in: sources.map(\.id)).map { "did you mean '\($0)'?" }
                ?? "add it under 'sources:' with publisher, title, year and url"
            problems.append(.error(attribution.location, "unknown source id '\(attribution.sourceID)'", hint: hint))
        }
        return problems
    }

    /// Every attribution in the data, in file order.
    public var allAttributions: [Attribution] {
        figures.map(\.attribution) + events.map(\.attribution) + growthRates.map(\.attribution)
            + projections.map(\.attribution) + supplySeries.flatMap { $0.rows.map(\.attribution) } + dataSeries.map(\.attribution)
    }
}
