/// Decodes `data.yaml` into a `FactBase`, reporting every problem with file, line, column and field.
/// Type and shape errors are found here; cross-references are checked by `FactBase.validate`.
struct FactBaseDecoder {
    let context: DecodeContext
    /// The template's vocabularies, read before the facts that use them.
    var domains = Domain.defaults
    var grades = Confidence.defaults
    var qualifiers: [Figure.Qualifier]?
    /// Series computed from files, resolved by the loader once the template folder is known.
    final class Imports { var list: [SupplyImport] = [] }
    let imports: Imports
    /// Reads the CSV files the data file names; nil where there is no template folder.
    let csv: CSVFiles?

    init(context: DecodeContext, csv: CSVFiles? = nil, imports: Imports = Imports()) {
        self.context = context
        self.csv = csv
        self.imports = imports
    }

    func decode(_ root: YAMLNode) -> FactBase {
        guard
            let map = root.mapping(keys: [
                "domains", "grades", "qualifiers", "sources", "figures", "events", "growth", "projections", "supply", "series",
            ])
        else {
            return FactBase()
        }
        var reader = self
        let vocabulary = VocabularyDecoder(context: context)
        reader.domains = map.optional("domains").map(vocabulary.domains) ?? Domain.defaults
        reader.grades = map.optional("grades").map(vocabulary.grades) ?? Confidence.defaults
        reader.qualifiers = map.optional("qualifiers").flatMap(vocabulary.qualifiers)
        return reader.facts(map)
    }

    private func facts(_ map: YAMLMapping) -> FactBase {
        var facts = FactBase()
        facts.domains = domains
        facts.grades = grades
        facts.qualifiers = qualifiers
        facts.sources = items(map, .sources) { $0.source($1) }
        facts.unreadableSourceIDs = Self.writtenIDs(map.optional("sources")?.node).subtracting(facts.sources.map(\.id))
        facts.figures = items(map, .figures) { $0.figure($1) }
        facts.events = items(map, .events) { $0.event($1) }
        facts.growthRates = items(map, .growth) { $0.growth($1) }
        facts.projections = items(map, "projections", projection)
        facts.supplySeries = items(map, "supply", supply)
        facts.dataSeries = items(map, "series", dataSeries)
        facts.supplyImports = imports.list
        resolveDerivedGrowth(&facts)
        return facts
    }

    /// The `id` of each mapping in a list as written, read without reporting anything.
    static func writtenIDs(_ list: Node?) -> Set<String> {
        guard case .sequence(let items) = list else { return [] }
        return Set(
            items.nodes.compactMap { item in
                guard case .mapping(let fields) = item else { return nil }
                return fields.first { $0.key.scalar?.string == "id" }?.value.scalar?.string
            })
    }

    private func items<T>(_ map: YAMLMapping, _ key: String, _ read: (YAMLNode) -> T?) -> [T] {
        guard let list = map.optional(key)?.list() else { return [] }
        return list.compactMap(read)
    }

    /// A list written in the data file, or read from a CSV file (`{file, columns, defaults}`).
    private func items<T>(_ map: YAMLMapping, _ list: CSVList, _ read: (FactBaseDecoder, YAMLNode) -> T?) -> [T] {
        guard let node = map.optional(list.rawValue) else { return [] }
        if case .mapping = node.node { return imported(node, list: list, read: read) }
        return node.list()?.compactMap { read(self, $0) } ?? []
    }

    // MARK: - Items

    func source(_ node: YAMLNode) -> Source? {
        guard let map = node.mapping(keys: ["id", "publisher", "short", "title", "year", "url", "via"]) else { return nil }
        let id = map.required("id")?.text()
        let publisher = map.required("publisher")?.text()
        let title = map.required("title")?.text()
        let year = map.required("year")?.year()
        let url = map.optional("url")?.text()
        if let url, let node = map.optional("url"), !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            context.error(node.node, "field '\(node.path)': expected an http(s) URL, found '\(url)'")
        } else if let url, let node = map.optional("url"), url.count > Source.longestURL {
            // Printed in the Sources list and repeated in the link annotation of every line it
            // wraps onto: 100,000 characters made a 245 MB PDF.
            context.error(
                node.node, "field '\(node.path)': a URL of \(url.count) characters; at most \(Source.longestURL) are allowed",
                hint: "cite a shorter address (a landing page rather than a query)")
        }
        guard let id, let publisher, let title, let year else { return nil }
        return Source(
            id: id, publisher: publisher, title: title, year: year, url: url,
            via: map.optional("via")?.text(), short: map.optional("short")?.text(), location: node.location)
    }

    func figure(_ node: YAMLNode) -> Figure? {
        guard let map = node.mapping(keys: ["id", "label", "value", "unit", "qualifier", "as_of", "source", "confidence", "note"])
        else { return nil }
        let id = map.required("id")?.text()
        let label = map.required("label")?.text()
        let valueNode = map.required("value")
        let value = valueNode.flatMap(figureValue)
        let unit = map.optional("unit")?.string() ?? ""
        let qualifierNode = map.optional("qualifier")
        let qualifier = qualifierNode.flatMap(qualifier) ?? .exact
        let asOf = map.optional("as_of").flatMap(date)
        let attribution = attribution(map)
        // "about between 40 and 46%" and "more than between..." read as errors: a range's bounds
        // already say how exact it is.
        if let value, let high = value.high, let qualifierNode, !qualifier.text.isEmpty {
            context.error(
                qualifierNode.node,
                "field '\(qualifierNode.path)': a range (\(NumberFormatting.format(value.low)) to \(NumberFormatting.format(high))) takes no qualifier; its bounds already say how exact it is",
                hint: "drop 'qualifier', or give one value with it")
            return nil
        }
        guard let id, let label, let value, let valueNode, let attribution else { return nil }
        var figure = Figure(
            id: id, label: label, value: value.low, upper: value.high, unit: unit, qualifier: qualifier, asOf: asOf,
            attribution: attribution, location: node.location)
        figure.origin = valueNode.location
        return figure
    }

    func event(_ node: YAMLNode) -> Event? {
        guard let map = node.mapping(keys: ["id", "title", "date", "start", "end", "domain", "source", "confidence", "note"])
        else { return nil }
        let id = map.required("id")?.text()
        let title = map.required("title")?.text()
        let domain = map.required("domain").flatMap { declared($0, in: domains, \.id, kind: "domain", list: "domains") }
        let attribution = attribution(map)
        var when: Event.When?
        if let dateNode = map.optional("date") {
            if map.has("start") || map.has("end") {
                map.error(
                    "event '\(map.path)' has both 'date' and 'start'/'end'",
                    hint: "use 'date' for a point in time, 'start' and 'end' for a span")
            }
            when = date(dateNode).map { .point($0) }
        } else if map.has("start") || map.has("end") {
            let start = map.required("start").flatMap(date)
            let endNode = map.required("end")
            let end = endNode.flatMap(date)
            if let start, let end, let endNode {
                if end.end <= start.start || end < start {
                    context.error(endNode.node, "field '\(endNode.path)': the span ends (\(end)) before it starts (\(start))")
                } else {
                    when = .span(start, end)
                }
            }
        } else {
            map.error(
                "event '\(map.path)' has no date", hint: "add 'date: YYYY-MM-DD' (or YYYY-MM, YYYY, 1970s), or 'start' and 'end' for a span"
            )
        }
        guard let id, let title, let domain, let attribution, let when else { return nil }
        return Event(id: id, title: title, when: when, domain: domain, attribution: attribution, location: node.location)
    }

    func growth(_ node: YAMLNode) -> GrowthRate? {
        guard let map = node.mapping(keys: ["id", "label", "percent", "since", "as_of", "from_series", "source", "confidence", "note"])
        else { return nil }
        if let derivation = map.optional("from_series") { return derivedGrowth(map, derivation, at: node.location) }
        let id = map.required("id")?.text()
        let label = map.required("label")?.text()
        let percent = map.required("percent")?.double()
        let since: FuzzyDate?
        if let sinceNode = map.optional("since") {
            since = date(sinceNode)
        } else {
            map.error(
                "growth rate '\(map.path)' has no base period (missing required field '\(map.path).since')",
                hint: "a growth rate means nothing without the date it is measured from")
            since = nil
        }
        let asOf = map.optional("as_of").flatMap(date)
        let attribution = attribution(map)
        guard let id, let label, let percent, let since, let attribution else { return nil }
        return GrowthRate(
            id: id, label: label, percent: percent, since: since, asOf: asOf, attribution: attribution, location: node.location)
    }

    /// A growth rate computed from two points of a line or bar series (`from_series: {series,
    /// from, to}`): the rate, its base date and its date are the series', and its source and
    /// grade too unless given. Resolved once the series are read (`resolveDerivedGrowth`).
    private func derivedGrowth(_ map: YAMLMapping, _ node: YAMLNode, at location: SourceLocation) -> GrowthRate? {
        for typed in ["percent", "since", "as_of"] {
            if let field = map.optional(typed) {
                context.error(
                    field.node, "field '\(field.path)': a growth rate derived 'from_series' has no typed '\(typed)'",
                    hint: "remove it: the rate, its base and its date come from the series' two points")
            }
        }
        let id = map.required("id")?.text()
        let label = map.required("label")?.text()
        guard let spec = node.mapping(keys: ["series", "from", "to"]) else { return nil }
        let series = spec.required("series")?.text()
        func period(_ key: String) -> Period? {
            guard let field = spec.required(key), let text = field.text(expandingParameters: false) else { return nil }
            do { return try Period.parse(text) } catch {
                context.error(field.node, "field '\(field.path)': \(error.message)")
                return nil
            }
        }
        let from = period("from"), to = period("to")
        // Source and grade are the series' unless written here (both, or neither).
        let attribution = map.has("source") || map.has("confidence") ? self.attribution(map) : nil
        if (map.has("source") || map.has("confidence")) && attribution == nil { return nil }
        guard let id, let label, let series, let from, let to else { return nil }
        guard from < to else {
            context.error(node.node, "field '\(node.path)': 'from' (\(from)) must come before 'to' (\(to))")
            return nil
        }
        var rate = GrowthRate(
            id: id, label: label, percent: .nan, since: from.date ?? FuzzyDate(year: from.startYear), asOf: nil,
            attribution: attribution ?? Attribution(sourceID: "", confidence: grades[0], location: node.location), location: location)
        rate.derivation = .init(series: series, from: from, to: to, location: node.location, inheritsAttribution: attribution == nil)
        return rate
    }

    /// Computes each `from_series` growth rate from its series' points: (to / from - 1) in
    /// percent, based on the first point's date and dated by the second's. A series, or a
    /// period it does not have, is an error at `from_series` with the closest names.
    func resolveDerivedGrowth(_ facts: inout FactBase) {
        facts.growthRates = facts.growthRates.compactMap { rate in
            guard let derivation = rate.derivation else { return rate }
            guard let series = facts.dataSeries(derivation.series) else {
                context.diagnostics.error(
                    derivation.location, "growth '\(rate.id)': unknown series '\(derivation.series)'",
                    hint: Suggestion.closest(to: derivation.series, in: facts.dataSeries.map(\.id)).map { "did you mean '\($0)'?" }
                        ?? "series are listed under 'series:' (line and bar charts)")
                return nil
            }
            var points: [DataSeries.Point] = []
            for period in [derivation.from, derivation.to] {
                guard let point = series.points.first(where: { $0.period == period }) else {
                    // Periods are close in time, not in spelling: 2025 is nearer 2024 than 2021.
                    let nearest = series.points.min { abs($0.period.start - period.start) < abs($1.period.start - period.start) }
                    let periods = series.points.map(\.period.key).joined(separator: ", ")
                    context.diagnostics.error(
                        derivation.location, "growth '\(rate.id)': series '\(series.id)' has no point for \(period)",
                        hint: nearest.map { "did you mean '\($0.period.key)'? (its periods: \(periods))" })
                    return nil
                }
                points.append(point)
            }
            guard points[0].value > 0 else {
                context.diagnostics.error(
                    derivation.location,
                    "growth '\(rate.id)': the rate cannot be computed from \(NumberFormatting.format(points[0].value)) in \(derivation.from)",
                    hint: "growth is measured from a positive value")
                return nil
            }
            var derived = rate
            derived.percent = (points[1].value / points[0].value - 1) * 100
            derived.asOf = derivation.to.date ?? FuzzyDate(year: derivation.to.endYear)
            if derivation.inheritsAttribution {
                derived.attribution = series.attribution
                derived.attribution.location = derivation.location
            }
            return derived
        }
    }

    private func projection(_ node: YAMLNode) -> Projection? {
        guard let map = node.mapping(keys: ["id", "label", "unit", "from", "to", "source", "confidence", "note"]) else { return nil }
        let id = map.required("id")?.text()
        let label = map.required("label")?.text()
        let unit = map.optional("unit")?.string() ?? ""
        let fromNode = map.required("from")
        let from = fromNode.flatMap(projectionPoint)
        let toNode = map.required("to")
        let to = toNode.flatMap(projectionPoint)
        let attribution = attribution(map)
        guard let id, let label, let from, let to, let toNode, let attribution else { return nil }
        guard to.year > from.year else {
            context.error(
                toNode.node, "field '\(toNode.path).year': the target year (\(to.year)) must come after the base year (\(from.year))")
            return nil
        }
        let projection = Projection(
            id: id, label: label, unit: unit, from: from, to: to, attribution: attribution, location: node.location)
        // 1e-300 to 1e15 is a valid pair of values whose ratio is not a number any briefing can print.
        let derived = [projection.multiple, projection.compoundAnnualGrowthPercent]
        guard derived.allSatisfy({ $0.isFinite && abs($0) <= NumberFormatting.largestInput }) else {
            // The tiny side is the likely mistake: point at it, and print it as written.
            func shown(_ value: Double) -> String { NumberFormatting.format(value) == "0" ? "\(value)" : NumberFormatting.format(value) }
            let at = (from.value < 1 ? fromNode : toNode) ?? toNode
            context.error(
                at.node,
                "field '\(at.path).value': growing from \(shown(from.value)) to \(shown(to.value)) is a multiple too large to print",
                hint: "check the values and their unit")
            return nil
        }
        return projection
    }

    private func projectionPoint(_ node: YAMLNode) -> Projection.Point? {
        guard let map = node.mapping(keys: ["value", "year"]) else { return nil }
        let valueNode = map.required("value")
        let value = valueNode?.double()
        let year = map.required("year")?.year()
        guard let value, let year, let valueNode else { return nil }
        guard value > 0 else {
            context.error(valueNode.node, "field '\(valueNode.path)': expected a positive number, found \(NumberFormatting.format(value))")
            return nil
        }
        return Projection.Point(value: value, year: year)
    }

    private func supply(_ node: YAMLNode) -> SupplySeries? {
        guard let map = node.mapping(keys: ["id", "title", "measure", "focus", "rows", "from", "source", "confidence", "note"]) else {
            return nil
        }
        let id = map.required("id")?.text()
        let title = map.required("title")?.text()
        let measure = map.required("measure")?.text()
        let focus = map.optional("focus")?.text()
        if let fromNode = map.optional("from") {
            // Computed from a file: the rows come from it, the source and grade from here.
            if let rows = map.optional("rows") {
                context.error(
                    rows.node, "field '\(rows.path)': a series computed 'from' a file has no typed rows", hint: "remove 'rows' or 'from'")
            }
            let attribution = attribution(map)
            guard let id, let title, let measure, let attribution else { return nil }
            if Self.isTIV(fromNode) {
                guard let spec = supplyImport(fromNode, series: id, attribution: attribution) else { return nil }
                imports.list.append(spec)
                return SupplySeries(id: id, title: title, measure: measure, focus: focus, rows: [], location: node.location)
            }
            guard let rows = importedSupplyRows(fromNode, attribution: attribution) else { return nil }
            checkDistinct(rows)
            return SupplySeries(id: id, title: title, measure: measure, focus: focus, rows: Self.ordered(rows), location: node.location)
        }
        let rowsNode = map.required("rows")
        let rows = rowsNode?.list()?.compactMap(supplyRow)
        if let rowsNode, let rows, rows.isEmpty, case .sequence(let sequence) = rowsNode.node, sequence.isEmpty {
            context.error(rowsNode.node, "field '\(rowsNode.path)': the series is empty", hint: "add at least one row of shares")
        }
        if let rows { checkDistinct(rows) }
        guard let id, let title, let measure, let rows else { return nil }
        return SupplySeries(id: id, title: title, measure: measure, focus: focus, rows: Self.ordered(rows), location: node.location)
    }

    /// Two rows for one period (`2016` and `2016-2016`, `2016-20` and `2016-2020`) or one
    /// category would be one name in placeholders and two bars in a chart: the second is an
    /// error where it is written.
    private func checkDistinct(_ rows: [SupplySeries.Row]) {
        var seen: [String: SupplySeries.Row] = [:]
        for row in rows {
            if let first = seen[row.key] {
                context.diagnostics.error(
                    row.location, "the row '\(row.label)' is already given (line \(first.location.line), '\(first.label)')",
                    hint: "give each period or category one row")
            } else {
                seen[row.key] = row
            }
        }
    }

    /// Rows that are periods are ordered by when they apply, whatever order they are written in.
    private static func ordered(_ rows: [SupplySeries.Row]) -> [SupplySeries.Row] {
        guard rows.allSatisfy({ $0.period != nil }) else { return rows }
        return rows.enumerated().sorted { ($0.element.period!, $0.offset) < ($1.element.period!, $1.offset) }.map(\.element)
    }

    /// A `from:` whose format is SIPRI's TIV export (the other is a table of shares).
    private static func isTIV(_ node: YAMLNode) -> Bool {
        guard case .mapping(let mapping) = node.node else { return true }
        return mapping.contains { key, value in key.scalar?.string == "format" && value.scalar?.string != "table" }
    }

    /// `from: {file, format: sipri-tiv, periods: [2008-12, ...] | every: 5 + end: 2021, suppliers: 3}`.
    private func supplyImport(_ node: YAMLNode, series: String, attribution: Attribution) -> SupplyImport? {
        guard let map = node.mapping(keys: ["file", "format", "periods", "every", "end", "suppliers"]) else { return nil }
        let file = map.required("file")?.text()
        let formatNode = map.required("format")
        let format = formatNode?.text()
        if let format, let formatNode, !SupplyImport.formats.contains(format) && format != "table" {
            context.error(
                formatNode.node,
                "field '\(formatNode.path)': '\(format)' is not one of table, \(SupplyImport.formats.joined(separator: ", "))")
        }
        var periods: [(period: Period, location: SourceLocation)] = []
        if let list = map.optional("periods")?.list() {
            for item in list {
                guard let text = item.text(expandingParameters: false) else { continue }
                do { periods.append((try Period.parse(text), item.location)) } catch {
                    context.error(item.node, "field '\(item.path)': \(error.message)")
                }
            }
        } else if let every = map.optional("every")?.int(), let endNode = map.required("end"), let end = endNode.year() {
            guard every > 0, every <= 50 else {
                context.error(map.optional("every")!.node, "field 'every': expected 1 to 50 years, found \(every)")
                return nil
            }
            // Consecutive periods of `every` years ending with `end`, as far back as three go.
            periods = (0..<3).reversed().map { step in
                (Period(startYear: end - every * (step + 1) + 1, endYear: end - every * step), endNode.location)
            }
        } else {
            map.error("'from' needs 'periods' (e.g. [2008-12, 2013-17]) or 'every' and 'end' (e.g. every: 5, end: 2021)")
        }
        let suppliers = map.optional("suppliers")?.int(in: 1...50) ?? 3
        guard let file, let format, SupplyImport.formats.contains(format), !periods.isEmpty else { return nil }
        return SupplyImport(
            series: series, file: file, format: format, periods: periods, suppliers: suppliers, attribution: attribution,
            location: node.location)
    }

    /// `series:` entries: a label, a unit, a source and `points`, a mapping from period
    /// (`2025-Q1`, `2024`, `2008-12`) to value.
    private func dataSeries(_ node: YAMLNode) -> DataSeries? {
        guard let map = node.mapping(keys: ["id", "label", "unit", "points", "from", "source", "confidence", "note"]) else { return nil }
        let id = map.required("id")?.text()
        let label = map.required("label")?.text()
        let unit = map.optional("unit")?.string() ?? ""
        let attribution = attribution(map)
        let points: [DataSeries.Point]?
        if let fromNode = map.optional("from") {
            if let typed = map.optional("points") {
                context.error(
                    typed.node, "field '\(typed.path)': a series read 'from' a file has no typed points", hint: "remove 'points' or 'from'")
            }
            points = importedPoints(fromNode)
        } else {
            points = map.required("points").flatMap { self.points($0) }
        }
        guard let id, let label, let attribution, let points else { return nil }
        return DataSeries(
            id: id, label: label, unit: unit, points: points.sorted { $0.period < $1.period }, attribution: attribution,
            location: node.location)
    }

    /// `points:`, a mapping from period (`2025-Q1`, `2024`, `2008-12`) to value; nil after
    /// reporting a problem.
    func points(_ pointsNode: YAMLNode) -> [DataSeries.Point]? {
        guard let pairs = pointsNode.pairs() else { return nil }
        var valid = true
        if pairs.isEmpty {
            context.error(
                pointsNode.node, "field '\(pointsNode.path)': no points given", hint: "write 'period: value' lines, e.g. 2025-Q1: 120")
            valid = false
        }
        var points: [DataSeries.Point] = []
        var seen: [Period: String] = [:]
        for pair in pairs {
            let period: Period
            do {
                period = try Period.parse(pair.key)
            } catch {
                context.error(pair.value.node, "field '\(pair.value.path)': \(error.message)")
                valid = false
                continue
            }
            if let first = seen[period] {
                context.error(pair.value.node, "field '\(pair.value.path)': the period \(period) is already given as '\(first)'")
                valid = false
            }
            seen[period] = pair.key
            guard let value = pair.value.double() else {
                valid = false
                continue
            }
            points.append(DataSeries.Point(period: period, value: value, origin: pair.value.location))
        }
        return valid ? points : nil
    }

    func supplyRow(_ node: YAMLNode) -> SupplySeries.Row? {
        guard let map = node.mapping(keys: ["period", "category", "shares", "complete", "source", "confidence", "note"])
        else { return nil }
        var label: String?
        var period: Period?
        if let periodNode = map.optional("period") {
            if let text = periodNode.text(expandingParameters: false) {
                do {
                    let parsed = try Period.parse(text)
                    period = parsed
                    label = parsed.description
                } catch {
                    context.error(periodNode.node, "field '\(periodNode.path)': \(error.message)")
                }
            }
        } else if let category = map.optional("category") {
            label = category.text()
        } else {
            map.error("row '\(map.path)' needs a 'period' (e.g. 2008-12, 2025-Q1) or a 'category' (e.g. Main battle tanks)")
        }
        let complete = map.optional("complete")?.bool() ?? false
        let attribution = attribution(map)
        var shares: [SupplySeries.Share] = []
        var sharesValid = true
        if let sharesNode = map.required("shares"), let pairs = sharesNode.pairs() {
            if pairs.isEmpty {
                context.error(sharesNode.node, "field '\(sharesNode.path)': no shares given (the series is empty)")
                sharesValid = false
            }
            // Each supplier is named in placeholders by its slug: one that has none, or shares
            // another's, could never be named.
            var slugs: [String: String] = [:]
            for pair in pairs {
                let slug = SupplySeries.slug(pair.key)
                if slug.isEmpty {
                    context.error(
                        pair.value.node, "field '\(pair.value.path)': the supplier '\(pair.key)' has no letter or digit a placeholder can name it by",
                        hint: "name it with letters or digits")
                    sharesValid = false
                } else if slug == "others", !complete {
                    context.error(
                        pair.value.node,
                        "field '\(pair.value.path)': a supplier named '\(pair.key)' in a row that is not complete would take the name of the computed remainder ('others')",
                        hint: "mark the row 'complete: true' if '\(pair.key)' is the rest, or name it otherwise")
                    sharesValid = false
                } else if let other = slugs[slug] {
                    context.error(
                        pair.value.node,
                        "field '\(pair.value.path)': the suppliers '\(other)' and '\(pair.key)' are both named '\(slug)' in placeholders",
                        hint: "give one of them another name")
                    sharesValid = false
                } else {
                    slugs[slug] = pair.key
                }
                guard let percent = pair.value.double() else {
                    sharesValid = false
                    continue
                }
                if percent < 0 {
                    context.error(
                        pair.value.node,
                        "field '\(pair.value.path)': a share cannot be negative (found \(NumberFormatting.format(percent))%)")
                    sharesValid = false
                } else if percent > 100 {
                    context.error(
                        pair.value.node,
                        "field '\(pair.value.path)': a share cannot exceed 100% (found \(NumberFormatting.format(percent))%)")
                    sharesValid = false
                }
                shares.append(.init(supplier: pair.key, percent: percent, origin: pair.value.location))
            }
            let total = shares.reduce(0) { $0 + $1.percent }
            if sharesValid, total > 100.5 {
                context.error(
                    sharesNode.node, "field '\(sharesNode.path)': the shares sum to \(NumberFormatting.format(total))%, more than 100%")
                sharesValid = false
            } else if sharesValid, complete, abs(total - 100) > 0.5 {
                context.error(
                    sharesNode.node,
                    "field '\(sharesNode.path)': a complete row must sum to 100 ± 0.5%, but these sum to \(NumberFormatting.format(total))%",
                    hint: "name every supplier, or drop 'complete: true' to let the model compute \"\(SupplySeries.othersLabel)\"")
                sharesValid = false
            }
        } else {
            sharesValid = false
        }
        guard let label, let attribution, sharesValid else { return nil }
        return SupplySeries.Row(
            label: label, period: period, shares: shares, complete: complete, attribution: attribution, location: node.location)
    }

    // MARK: - Fields

    func attribution(_ map: YAMLMapping) -> Attribution? {
        let sourceNode = map.required("source")
        let source = sourceNode?.text()
        let confidence = map.required("confidence").flatMap { declared($0, in: grades, \.id, kind: "grade", list: "grades") }
        guard let source, let sourceNode, let confidence else { return nil }
        return Attribution(sourceID: source, confidence: confidence, note: map.optional("note")?.text(), location: sourceNode.location)
    }

    private func date(_ node: YAMLNode) -> FuzzyDate? {
        guard let text = node.text(expandingParameters: false) else { return nil }
        do {
            return try FuzzyDate.parse(text)
        } catch {
            context.error(node.node, "field '\(node.path)': \(error.message)")
            return nil
        }
    }

    /// A figure's value: a number, or a range written as a list of two (`[40, 46]`).
    private func figureValue(_ node: YAMLNode) -> (low: Double, high: Double?)? {
        guard case .sequence = node.node else { return node.double().map { ($0, nil) } }
        guard let items = node.list(), items.count == 2 else {
            context.error(node.node, "field '\(node.path)': a range is a list of two numbers, e.g. [40, 46]")
            return nil
        }
        guard let low = items[0].double(), let high = items[1].double() else { return nil }
        guard low < high else {
            context.error(
                node.node,
                "field '\(node.path)': a range runs from low to high, but \(NumberFormatting.format(low)) is not below \(NumberFormatting.format(high))"
            )
            return nil
        }
        return (low, high)
    }

    /// Declared qualifiers are the only ones allowed; otherwise the defaults' ids (`over`
    /// prints "more than") or any text, printed as written.
    private func qualifier(_ node: YAMLNode) -> Figure.Qualifier? {
        guard let qualifiers else {
            guard let text = node.text() else { return nil }
            return Figure.Qualifier.defaults.first { $0.id == text } ?? Figure.Qualifier(id: text, text: text)
        }
        return declared(node, in: qualifiers, \.id, kind: "qualifier", list: "qualifiers")
    }

    /// A value from one of the template's vocabularies, or nil after a located error that
    /// lists the declared values.
    /// - Parameter id: a value's id (a function, not a key path: reading through a key path
    ///   was a third of looking up each event's domain and grade).
    private func declared<T>(_ node: YAMLNode, in values: [T], _ id: (T) -> String, kind: String, list: String) -> T? {
        guard let text = node.text() else { return nil }
        if let value = values.first(where: { id($0) == text }) { return value }
        let names = values.map(id).filter { !$0.isEmpty && $0 != "exact" || kind != "qualifier" }
        let hint =
            Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" }
            ?? "declare it under '\(list):' in the data file"
        context.error(node.node, "field '\(node.path)': '\(text)' is not one of the \(list): \(names.joined(separator: ", "))", hint: hint)
        return nil
    }
}
