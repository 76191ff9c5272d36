import BriefingContent
import BriefingModel

/// Turns a chart reference in a template (`chart supply-shares` plus options) into a
/// `ChartFigure` with the model's data, alt text and sources. Used by the briefing and by
/// `briefing chart`, so a chart looks the same in both.
public enum ChartResolver {
    /// Options each chart accepts, one `key: value` per line in a fenced `chart` block.
    static let options: [ChartFigure.Kind: [String]] = [
        .supplyShares: ["series", "title"],
        .growthRates: ["growth", "projection", "title"],
        .timeline: ["events", "title", "axis", "from", "to"],
        .bar: ["figures", "series", "title"],
        .line: ["series", "title"],
    ]

    public static var ids: [String] { ChartFigure.Kind.allCases.map(\.rawValue) }

    /// - Parameter labels: the template's words for default titles and notes.
    public static func resolve(
        id: String, options: [String: String] = [:], facts: FactBase, labels: Labels = .english, at location: SourceLocation
    ) throws -> ChartFigure {
        guard let kind = ChartFigure.Kind(rawValue: id) else {
            let hint = Suggestion.closest(to: id, in: ids).map { "did you mean '\($0)'?" } ?? "charts: \(ids.joined(separator: ", "))"
            throw InputError(kind: .invalidData, location, "unknown chart '\(id)'", hint: hint)
        }
        let allowed = (Self.options[kind] ?? []) + ["id"]
        for key in options.keys.sorted() where !allowed.contains(key) {
            let hint =
                Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'?" } ?? "options: \(allowed.joined(separator: ", "))"
            throw InputError(kind: .invalidData, location, "chart '\(id)' has no option '\(key)'", hint: hint)
        }
        var figure: ChartFigure
        switch kind {
        case .supplyShares: figure = try supplyShares(options, facts: facts, labels: labels, at: location)
        case .growthRates: figure = try growthRates(options, facts: facts, labels: labels, at: location)
        case .timeline: figure = try timeline(options, facts: facts, labels: labels, at: location)
        case .bar: figure = try bar(options, facts: facts, labels: labels, at: location)
        case .line: figure = try line(options, facts: facts, labels: labels, at: location)
        }
        if let title = options["title"] {
            // A title is printed as it is, in the caption, the contents and the bookmarks:
            // a citation or marker there would print as its code, its source unlisted.
            guard !title.contains(InlineToken.open) else { throw InputError.tokensInTitle("chart title", at: location) }
            // Placeholders in it were escaped for Markdown; a block's options are plain text.
            figure.title = MarkdownContentType.unescape(title)
        }
        if let blockID = options["id"] {
            guard !blockID.isEmpty,
                blockID.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
                Int(blockID) == nil
            else {
                throw InputError(
                    kind: .invalidData, location, "chart id '\(blockID)' must be lower-case letters, digits and hyphens, not only digits",
                    hint: "e.g. id: recent-milestones")
            }
            figure.blockID = blockID
        }
        return figure
    }

    // MARK: - Charts

    private static func supplyShares(
        _ options: [String: String], facts: FactBase, labels: Labels, at location: SourceLocation
    ) throws -> ChartFigure {
        let series: SupplySeries
        if let id = options["series"] {
            guard let found = facts.series(id) else { throw unknown("supply series", id, facts.supplySeries.map(\.id), location) }
            series = found
        } else {
            guard let first = facts.supplySeries.first else {
                throw InputError(
                    kind: .invalidData, location, "chart 'supply-shares' needs a supply series in the data", hint: "add one under 'supply:'"
                )
            }
            series = first
        }
        return ChartFigure(
            kind: .supplyShares, data: .supplyShares(series), title: series.title,
            altText: AltText(labels: labels).supplyShares(series), sourceIDs: unique(series.rows.map(\.attribution.sourceID)),
            sourceNote: series.measure)
    }

    private static func growthRates(
        _ options: [String: String], facts: FactBase, labels: Labels, at location: SourceLocation
    ) throws -> ChartFigure {
        var rates = facts.growthRates
        if let list = options["growth"] {
            rates = try names(list).map { id in
                guard let rate = facts.growthRate(id) else { throw unknown("growth rate", id, facts.growthRates.map(\.id), location) }
                return rate
            }
        }
        var projection = facts.projections.first
        if let id = options["projection"] {
            if id == "none" {
                projection = nil
            } else {
                guard let found = facts.projection(id) else { throw unknown("projection", id, facts.projections.map(\.id), location) }
                projection = found
            }
        }
        guard !rates.isEmpty || projection != nil else {
            throw InputError(
                kind: .invalidData, location, "chart 'growth-rates' has nothing to draw", hint: "add entries under 'growth:' in the data")
        }
        let sources = unique(rates.map(\.attribution.sourceID) + (projection.map { [$0.attribution.sourceID] } ?? []))
        return ChartFigure(
            kind: .growthRates, data: .growthRates(rates, projection: projection),
            title: labels[.growthTitle], altText: AltText(labels: labels).growthRates(rates, projection),
            sourceIDs: sources, sourceNote: "growth over the period shown; projection rate derived by the model")
    }

    // MARK: - Helpers

    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func unknown(_ what: String, _ id: String, _ valid: [String], _ location: SourceLocation) -> InputError {
        let hint = Suggestion.closest(to: id, in: valid).map { "did you mean '\($0)'?" }
        return InputError(kind: .invalidData, location, "unknown \(what) '\(id)'", hint: hint)
    }
}

extension Event {
    /// The last calendar year the event touches.
    public var lastYear: Int {
        switch when {
        case .point(let date): date.precision == .decade ? date.year + 9 : date.year
        case .span(_, let end): end.precision == .decade ? end.year + 9 : end.year
        }
    }
}
