import BriefingModel

extension ChartFigure {
    /// The confidence grades of what the chart draws with a marker, lowest first by rank: a
    /// chart on its own says what its markers mean, as the briefing's cover does.
    public var markedGrades: [Confidence] {
        let grades: [Confidence] =
            switch data {
            case .supplyShares(let series): series.rows.map(\.attribution.confidence)
            case .growthRates(let rates, let projection):
                rates.map(\.attribution.confidence) + [projection?.attribution.confidence].compactMap { $0 }
            case .timeline(let events, _): events.map(\.attribution.confidence)
            case .bars(let bars, _): bars.map(\.confidence)
            case .lines(let series): series.map(\.attribution.confidence)
            }
        var seen = Set<String>()
        return grades.filter { $0.marker != nil && seen.insert($0.id).inserted }.sorted { $0.rank < $1.rank }
    }
}
