import BriefingContent
import BriefingModel

extension ChartResolver {
    /// Bars of absolute values in one unit: `figures: a, b, c` (each figure a bar) or
    /// `series: ID` (each period of the series a bar).
    static func bar(_ options: [String: String], facts: FactBase, labels: Labels, at location: SourceLocation) throws -> ChartFigure {
        var bars: [ChartFigure.Bar] = []
        var unit = ""
        var sources: [String] = []
        var title: String
        switch (options["figures"], options["series"]) {
        case (let list?, nil):
            let figures = try names(list).map { id in
                guard let figure = facts.figure(id) else { throw unknown("figure", id, facts.figures.map(\.id), location) }
                return figure
            }
            guard let first = figures.first else { throw InputError(kind: .invalidData, location, "chart 'bar': 'figures' lists none") }
            if let other = figures.first(where: { $0.unit != first.unit }) {
                throw InputError(
                    kind: .invalidData, location,
                    "chart 'bar': '\(first.id)' is in \(first.unit.isEmpty ? "no unit" : first.unit) but '\(other.id)' in \(other.unit.isEmpty ? "no unit" : other.unit)",
                    hint: "bars share one axis, so their figures need one unit")
            }
            if let range = figures.first(where: { $0.upper != nil }) {
                throw InputError(kind: .invalidData, location, "chart 'bar': '\(range.id)' is a range, which a bar cannot show")
            }
            unit = first.unit
            bars = figures.map { .init(label: $0.label, value: $0.value, confidence: $0.attribution.confidence, key: .figure($0.id)) }
            sources = figures.map(\.attribution.sourceID)
            title = labels.text(.barTitle, ["unit": unit])
        case (nil, let id?):
            guard let series = facts.dataSeries(id) else { throw unknown("series", id, facts.dataSeries.map(\.id), location) }
            unit = series.unit
            bars = series.points.map {
                .init(
                    label: $0.period.description, value: $0.value, confidence: series.attribution.confidence,
                    key: .seriesPoint(series: id, period: $0.period.key))
            }
            sources = [series.attribution.sourceID]
            title = series.label
        case (nil, nil):
            throw InputError(
                kind: .invalidData, location, "chart 'bar' needs 'figures: ID, ID, ...' or 'series: ID'",
                hint: "figures are bars of one unit; a series gives one bar per period")
        case (_?, _?):
            throw InputError(kind: .invalidData, location, "chart 'bar': give 'figures' or 'series', not both")
        }
        guard bars.count <= ChartFigure.maximumBars else {
            throw InputError(
                kind: .invalidData, location,
                "chart 'bar': \(bars.count) bars; at most \(ChartFigure.maximumBars) fit a page with their labels and values",
                hint: options["series"] != nil
                    ? "a series this long reads better as a line chart: ```chart line``` with series: \(options["series"]!)"
                    : "choose fewer figures, or split them over two charts")
        }
        // Bars of a series are a trend over time; bars of figures a comparison, largest first.
        let alt: String
        if case (nil, let id?) = (options["figures"], options["series"]), let series = facts.dataSeries(id) {
            alt = AltText(labels: labels).series([series])
        } else {
            alt = AltText(labels: labels).bars(bars, unit: unit)
        }
        return ChartFigure(
            kind: .bar, data: .bars(bars, unit: unit), title: title, altText: alt, sourceIDs: unique(sources), sourceNote: nil)
    }

    /// Lines over time in one unit: `series: a, b` (default: every series).
    static func line(_ options: [String: String], facts: FactBase, labels: Labels, at location: SourceLocation) throws -> ChartFigure {
        var series = facts.dataSeries
        if let list = options["series"] {
            series = try names(list).map { id in
                guard let found = facts.dataSeries(id) else { throw unknown("series", id, facts.dataSeries.map(\.id), location) }
                return found
            }
        }
        guard let first = series.first else {
            throw InputError(
                kind: .invalidData, location, "chart 'line' has no series to draw", hint: "add entries under 'series:' in the data")
        }
        if let other = series.first(where: { $0.unit != first.unit }) {
            throw InputError(
                kind: .invalidData, location, "chart 'line': '\(first.id)' is in \(first.unit) but '\(other.id)' in \(other.unit)",
                hint: "lines share one axis, so their series need one unit; draw them in two charts")
        }
        let periods = series.flatMap { $0.points.map(\.period) }.sorted()
        let firstText = periods.first!.description, lastText = periods.last!.description
        let alt = AltText(labels: labels).series(series)
        let list =
            series.count == 1
            ? first.label : series.map(\.label).dropLast().joined(separator: ", ") + " \(labels[.and]) " + series.last!.label
        return ChartFigure(
            kind: .line, data: .lines(series), title: labels.text(.lineTitle, ["list": list, "first": firstText, "last": lastText]),
            altText: alt, sourceIDs: unique(series.map(\.attribution.sourceID)), sourceNote: nil)
    }
}
