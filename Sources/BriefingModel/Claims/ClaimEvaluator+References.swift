extension ClaimEvaluator {
    /// A fact reference's value:
    /// - `fig.ID` (its value), with `.value`, `.upper`, `.unit`, `.source`, `.confidence`, `.as_of`;
    /// - `growth.ID` (percent), with `.percent`, `.source`, `.confidence`;
    /// - `projection.ID` (target value), with `.from`, `.to`, `.cagr`, `.source`, `.confidence`;
    /// - `event.ID` (its year), with `.year`, `.source`, `.confidence`;
    /// - `supply.S.ROW.SUPPLIER` (percent; ROW a period, `first`, `previous` or `latest`;
    ///   SUPPLIER in lower case with hyphens, or `others`), with `.source`, `.confidence`;
    ///   `supply.S.*.SUPPLIER` is the supplier's share in every row;
    /// - `series.ID.POINT` (value; POINT a period, `first`, `previous` or `latest`), and
    ///   `series.ID.*` every point.
    func resolve(_ path: String, offset: Int) throws(Failure) -> Value {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func unknown(_ hint: String? = nil) -> Failure {
            let names = facts.allReferences
            return Failure(
                message: "unknown fact '\(path)'", offset: offset,
                hint: hint ?? Suggestion.closest(to: path, in: names).map { "did you mean '\($0)'?" })
        }
        func field(_ name: String?, value: Double, source: String, confidence: Confidence, extra: [String: Value] = [:]) throws(Failure)
            -> Value
        {
            guard let name else { return .number(value) }
            switch name {
            case "source": return .text(source)
            case "confidence": return .text(confidence.id)
            default:
                if let found = extra[name] { return found }
                let fields = (["source", "confidence"] + extra.keys).sorted()
                throw Failure(
                    message: "'\(path)' has no field '\(name)'", offset: offset,
                    hint: Suggestion.closest(to: name, in: fields).map { "did you mean '\($0)'?" }
                        ?? "fields: \(fields.joined(separator: ", "))")
            }
        }
        guard parts.count >= 2 else { throw unknown() }
        let id = parts[1]
        switch parts[0] {
        case "fig":
            guard let figure = facts.figure(id), parts.count <= 3 else { throw unknown() }
            var extra: [String: Value] = ["value": .number(figure.value), "unit": .text(figure.unit)]
            if let upper = figure.upper { extra["upper"] = .number(upper) }
            if let asOf = figure.asOf { extra["as_of"] = .number(asOf.start) }
            return try field(
                parts.count == 3 ? parts[2] : nil, value: figure.value, source: figure.attribution.sourceID,
                confidence: figure.attribution.confidence, extra: extra)
        case "growth":
            guard let rate = facts.growthRate(id), parts.count <= 3 else { throw unknown() }
            return try field(
                parts.count == 3 ? parts[2] : nil, value: rate.percent, source: rate.attribution.sourceID,
                confidence: rate.attribution.confidence,
                extra: ["percent": .number(rate.percent), "since": .number(rate.since.start)])
        case "projection":
            guard let projection = facts.projection(id), parts.count <= 3 else { throw unknown() }
            return try field(
                parts.count == 3 ? parts[2] : nil, value: projection.to.value, source: projection.attribution.sourceID,
                confidence: projection.attribution.confidence,
                extra: [
                    "from": .number(projection.from.value), "to": .number(projection.to.value),
                    "cagr": .number(projection.compoundAnnualGrowthPercent),
                ])
        case "event":
            guard let event = facts.event(id), parts.count <= 3 else { throw unknown() }
            return try field(
                parts.count == 3 ? parts[2] : nil, value: Double(event.when.start.year), source: event.attribution.sourceID,
                confidence: event.attribution.confidence, extra: ["year": .number(Double(event.when.start.year))])
        case "supply":
            guard let series = facts.series(id), parts.count == 4 || parts.count == 5 else {
                throw unknown(facts.series(id) == nil ? nil : "write supply.\(id).ROW.SUPPLIER, ROW a period, first, previous, latest or *")
            }
            func share(_ row: SupplySeries.Row) -> Double? {
                parts[3] == "others" ? row.remainder : row.shares.first { SupplySeries.slug($0.supplier) == parts[3] }?.percent
            }
            if parts[2] == "*" {
                let items = series.rows.compactMap { row in share(row).map { Item(label: row.label, value: $0) } }
                guard !items.isEmpty else { throw unknown("no row of '\(id)' names the supplier '\(parts[3])'") }
                return .list(items)
            }
            guard let row = pick(series.rows, parts[2], key: \.key), let percent = share(row) else { throw unknown() }
            return try field(
                parts.count == 5 ? parts[4] : nil, value: percent, source: row.attribution.sourceID, confidence: row.attribution.confidence)
        case "series":
            guard let series = facts.dataSeries(id), parts.count == 3 || parts.count == 4 else { throw unknown() }
            if parts[2] == "*" { return .list(series.points.map { Item(label: $0.period.description, value: $0.value) }) }
            guard let point = pick(series.points, parts[2], key: \.period.key) else { throw unknown() }
            return try field(
                parts.count == 4 ? parts[3] : nil, value: point.value, source: series.attribution.sourceID,
                confidence: series.attribution.confidence)
        default:
            throw unknown()
        }
    }

    /// A row by its key, or `first`, `previous` (the one before the latest) or `latest`.
    private func pick<T>(_ rows: [T], _ name: String, key: KeyPath<T, String>) -> T? {
        switch name {
        case "first": rows.first
        case "latest": rows.last
        case "previous": rows.count >= 2 ? rows[rows.count - 2] : nil
        default: rows.first { $0[keyPath: key] == name }
        }
    }
}
