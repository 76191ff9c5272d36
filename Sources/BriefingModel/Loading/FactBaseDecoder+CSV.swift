/// Facts read from CSV files the data file names: lists (`figures: {file: ...}`), a line or
/// bar series' points and a supply series' rows (`from: {file: ..., columns: {...}}`). Each
/// row becomes the mapping the data file would hold and goes through the same reader, with
/// errors located at the row and cell in the CSV.
extension FactBaseDecoder {
    /// The lists that can be read from a file, with the fields a row can fill.
    enum CSVList: String {
        case sources, figures, events, growth

        var fields: [String] {
            switch self {
            case .sources: ["id", "publisher", "short", "title", "year", "url", "via"]
            case .figures: ["id", "label", "value", "upper", "unit", "qualifier", "as_of", "source", "confidence", "note"]
            case .events: ["id", "title", "date", "start", "end", "domain", "source", "confidence", "note"]
            case .growth: ["id", "label", "percent", "since", "as_of", "source", "confidence", "note"]
            }
        }

        /// Fields every row needs: a file without a column for one is refused once, not row by row.
        var required: [String] {
            switch self {
            case .sources: ["id", "publisher", "title", "year"]
            case .figures: ["id", "label", "value", "source", "confidence"]
            case .events: ["id", "title", "domain", "source", "confidence"]
            case .growth: ["id", "label", "percent", "since", "source", "confidence"]
            }
        }
    }

    /// `figures: {file: data/figures.csv, columns: {value: Value}, defaults: {confidence: high}}`:
    /// one item a row, read like a typed one.
    func imported<T>(_ node: YAMLNode, list: CSVList, read: (FactBaseDecoder, YAMLNode) -> T?) -> [T] {
        guard let spec = csvSpec(node, fields: list.fields), let records = records(spec, fields: list.fields, required: list.required)
        else { return [] }
        let limit = list == .sources ? Limits.sources : list == .events ? Limits.events : Limits.figures
        guard withinLimit(records, limit, what: list.rawValue) else { return [] }
        let reader = rowReader(for: records.table.file)
        defer { context.diagnostics.append(contentsOf: reader.context.diagnostics.all) }
        return records.dataRows.enumerated().compactMap { index, row in
            var mapping = records.mapping(row: row, defaults: spec.defaults)
            if list == .figures { mapping = Self.range(mapping) }
            return read(reader, YAMLNode(mapping, context: reader.context, path: "\(list.rawValue)[\(index)]"))
        }
    }

    /// A file with more rows than its list may hold is refused at the first row past the
    /// limit, before any row is read: a million duplicate rows took 55 s, 3.4 GB and printed
    /// two million errors.
    func withinLimit(_ records: CSVRecords, _ limit: Int, what: String) -> Bool {
        let rows = records.dataRows
        guard rows.count > limit else { return true }
        context.diagnostics.error(
            records.table.location(row: rows[limit], column: 0),
            "too many \(what): \(NumberFormatting.format(Double(rows.count))) rows (the limit is \(NumberFormatting.format(Double(limit))))"
        )
        return false
    }

    /// A line or bar series' points from a file: `from: {file, columns: {period: Quarter, value: Output}}`.
    /// A row without a value is a period without data; one without a period is an error.
    func importedPoints(_ node: YAMLNode) -> [DataSeries.Point]? {
        let fields = ["period", "value"]
        guard let spec = csvSpec(node, fields: fields), let records = records(spec, fields: fields, required: fields) else { return nil }
        guard withinLimit(records, Limits.figures, what: "series points") else { return nil }
        let reader = rowReader(for: records.table.file)
        defer { context.diagnostics.append(contentsOf: reader.context.diagnostics.all) }
        var pairs: [(Node, Node)] = []
        for row in records.dataRows {
            let value = records.cell(row: row, column: records.columns["value"]!)
            guard let period = records.cell(row: row, column: records.columns["period"]!) else {
                if value != nil {
                    reader.context.diagnostics.error(
                        records.table.location(row: row, column: records.columns["period"]!), "a value without a period")
                }
                continue
            }
            if let value { pairs.append((period, value)) }
        }
        return reader.points(YAMLNode(.mapping(.init(pairs)), context: reader.context, path: "points"))
    }

    /// A supply series' rows from a table of shares: a period (or category) column and one
    /// column per supplier (`suppliers: [China, ...]` picks them; otherwise every other column).
    /// Each row takes the series' source and grade unless the file has its own.
    func importedSupplyRows(_ node: YAMLNode, attribution: Attribution) -> [SupplySeries.Row]? {
        let fields = ["period", "category", "complete", "source", "confidence", "note"]
        guard let spec = csvSpec(node, fields: fields, extraKeys: ["format", "suppliers"]),
            let records = records(spec, fields: fields, required: [])
        else { return nil }
        guard records.columns["period"] != nil || records.columns["category"] != nil else {
            context.diagnostics.error(
                spec.location, "\(records.table.file) has no column 'period' or 'category'",
                hint: "name it under 'columns:', e.g. period: Year")
            return nil
        }
        var suppliers = records.others
        if case .mapping(let mapping) = node.node, let listNode = mapping.first(where: { $0.key.scalar?.string == "suppliers" })?.value {
            let list = YAMLNode(listNode, context: context, path: "\(node.path).suppliers")
            var chosen: [(header: String, column: Int)] = []
            for (name, location) in list.stringList() ?? [] {
                if let found = records.others.first(where: { CSVRecords.normalized($0.header) == CSVRecords.normalized(name) }) {
                    chosen.append(found)
                } else {
                    context.diagnostics.error(
                        location, "'\(name)' is not a supplier column of \(records.table.file)",
                        hint: Suggestion.closest(to: name, in: records.others.map(\.header)).map { "did you mean '\($0)'?" })
                }
            }
            suppliers = chosen
        }
        guard !suppliers.isEmpty else {
            context.diagnostics.error(spec.location, "\(records.table.file) has no supplier columns")
            return nil
        }
        guard withinLimit(records, Limits.supplyRows, what: "supply rows") else { return nil }
        let reader = rowReader(for: records.table.file)
        defer { context.diagnostics.append(contentsOf: reader.context.diagnostics.all) }
        let defaults = [("source", attribution.sourceID), ("confidence", attribution.confidence.id)] + spec.defaults
        var rows: [SupplySeries.Row] = []
        for (index, row) in records.dataRows.enumerated() {
            let shares: [(Node, Node)] = suppliers.compactMap { supplier in
                records.cell(row: row, column: supplier.column).map { (.scalar(.init(supplier.header)), $0) }
            }
            let mapping = records.mapping(row: row, defaults: defaults, extra: [("shares", .mapping(.init(shares)))])
            if let read = reader.supplyRow(YAMLNode(mapping, context: reader.context, path: "rows[\(index)]")) { rows.append(read) }
        }
        return rows
    }

    // MARK: - Reading the file

    /// `{file, columns: {field: header}, defaults: {field: value}, where: {header: value}}`,
    /// fields checked by name. A `where:` value is text or a list of texts (any of them).
    private func csvSpec(_ node: YAMLNode, fields: [String], extraKeys: [String] = []) -> CSVRecords.Spec? {
        guard let map = node.mapping(keys: ["file", "columns", "defaults", "where"] + extraKeys), let file = map.required("file")?.text()
        else {
            return nil
        }
        var spec = CSVRecords.Spec(file: file, location: map.location)
        func field(_ name: String, _ value: YAMLNode, _ location: SourceLocation) -> Bool {
            guard fields.contains(name) else {
                context.diagnostics.error(
                    location, "field '\(value.path)': '\(name)' is not a field here",
                    hint: Suggestion.closest(to: name, in: fields).map { "did you mean '\($0)'?" }
                        ?? "fields: \(fields.joined(separator: ", "))")
                return false
            }
            return true
        }
        for pair in map.optional("columns")?.pairs() ?? [] where field(pair.key, pair.value, pair.location) {
            if let header = pair.value.text() { spec.columns.append((pair.key, header, pair.value.location)) }
        }
        for pair in map.optional("defaults")?.pairs() ?? [] where field(pair.key, pair.value, pair.location) {
            if let value = pair.value.text() { spec.defaults.append((pair.key, value)) }
        }
        // A `where:` entry that cannot be read reads no rows: without it, every partner's rows
        // would come in and fail as duplicates, dozens of errors for one mistake.
        var readable = true
        for pair in map.optional("where")?.pairs() ?? [] {
            let values: [String]?
            if case .sequence = pair.value.node {
                values = pair.value.stringList()?.map(\.0)
            } else {
                values = pair.value.text().map { [$0] }
            }
            guard let values else {
                readable = false
                continue
            }
            if values.isEmpty {
                context.diagnostics.error(
                    pair.value.location, "field '\(pair.value.path)': an empty list keeps no row",
                    hint: "give the values to keep, or remove '\(pair.key)'")
                readable = false
                continue
            }
            spec.filters.append(.init(header: pair.key, values: values, location: pair.value.location, headerLocation: pair.location))
        }
        return readable ? spec : nil
    }

    private func records(_ spec: CSVRecords.Spec, fields: [String], required: [String]) -> CSVRecords? {
        guard let csv else {
            context.diagnostics.error(spec.location, "CSV files are read only from a template folder")
            return nil
        }
        do {
            return try CSVRecords(table: try csv.table(spec.file, at: spec.location), spec: spec, fields: fields, required: required)
        } catch let error as InputError {
            context.diagnostics.append(contentsOf: error.diagnostics)
        } catch {
            context.diagnostics.error(spec.location, "\(error)")
        }
        return nil
    }

    /// A reader like this one whose errors are located in the CSV file.
    private func rowReader(for file: String) -> FactBaseDecoder {
        var reader = FactBaseDecoder(context: DecodeContext(file: file), csv: csv, imports: imports)
        reader.domains = domains
        reader.grades = grades
        reader.qualifiers = qualifiers
        return reader
    }

    /// A figure row's `value` and `upper` cells as the range the data file writes `[low, high]`.
    private static func range(_ mapping: Node) -> Node {
        guard case .mapping(let fields) = mapping, let upper = fields.first(where: { $0.key.scalar?.string == "upper" })?.value else {
            return mapping
        }
        var pairs: [(Node, Node)] = []
        for (key, value) in fields where key.scalar?.string != "upper" {
            pairs.append((key, key.scalar?.string == "value" ? .sequence(.init([value, upper], mark: value.mark)) : value))
        }
        return .mapping(.init(pairs, mark: fields.mark))
    }
}
