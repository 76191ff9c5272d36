/// The rows of a CSV file as the YAML the data file would hold in their place: each row a
/// mapping from the model's field names to its cells, so figures, events and series read
/// from a CSV pass through the same readers and checks as typed ones. Each cell keeps its
/// line and column as its mark, so an
/// error names the cell and the edition store records where a value came from.
struct CSVRecords {
    /// `{file, columns: {field: header}, defaults: {field: value}, where: {header: value}}` in
    /// the data file.
    struct Spec {
        var file: String
        var columns: [(field: String, header: String, location: SourceLocation)] = []
        var defaults: [(field: String, value: String)] = []
        /// Rows kept: each header's cell must be one of its values (`where: {Recipient: Nepal}`).
        var filters: [Filter] = []
        var location: SourceLocation
    }

    /// One `where:` entry: a column and the values a kept row has in it.
    struct Filter {
        var header: String
        var values: [String]
        var location: SourceLocation
        /// Where the column's name is written.
        var headerLocation: SourceLocation
    }

    let table: CSVTable
    /// The header row: the first that is not blank.
    let headerRow: Int
    /// The column of each field the file has.
    let columns: [String: Int]
    /// Columns no field claimed, by header (a wide table's suppliers).
    let others: [(header: String, column: Int)]
    /// The data rows (after the header, blank ones and those `where:` leaves out skipped), by
    /// index into the table.
    let dataRows: [Int]

    /// Matches the spec's fields to the file's header: a field reads the column its
    /// `columns:` entry names, else the one named like it ("As of" for `as_of`).
    init(table: CSVTable, spec: Spec, fields: [String], required: [String]) throws {
        guard let headerRow = table.rows.indices.first(where: { !table.isBlank($0) }) else {
            throw InputError(
                kind: .invalidData, table.location(row: 0, column: 0), "the file is empty", hint: "the first line names the columns")
        }
        let header = table.rows[headerRow]
        var problems: [Diagnostic] = []
        var byName: [String: Int] = [:]
        for (column, name) in header.enumerated() where !Self.normalized(name).isEmpty {
            if let first = byName[Self.normalized(name)] {
                problems.append(
                    .error(
                        table.location(row: headerRow, column: column), "the column '\(name)' appears twice (first in column \(first + 1))")
                )
            } else {
                byName[Self.normalized(name)] = column
            }
        }
        let headers = header.filter { !$0.isEmpty }
        var columns: [String: Int] = [:]
        for field in fields {
            if let mapped = spec.columns.first(where: { $0.field == field }) {
                if let column = byName[Self.normalized(mapped.header)] {
                    columns[field] = column
                } else {
                    problems.append(
                        .error(
                            mapped.location, "'\(mapped.header)' is not a column of \(table.file)",
                            hint: Suggestion.closest(to: mapped.header, in: headers).map { "did you mean '\($0)'?" }
                                ?? "its columns: \(headers.joined(separator: ", "))"))
                }
            } else if let column = byName[Self.normalized(field)] {
                columns[field] = column
            }
        }
        for field in required where columns[field] == nil && !spec.defaults.contains(where: { $0.field == field }) {
            guard !spec.columns.contains(where: { $0.field == field }) else { continue }
            problems.append(
                .error(
                    spec.location, "\(table.file) has no column for '\(field)'",
                    hint:
                        "its columns: \(headers.joined(separator: ", ")); name one under 'columns:' (\(field): HEADER) or give a value under 'defaults:'"
                ))
        }
        problems += table.raggedRows(from: headerRow + 1, width: header.count)
        let filtered = Self.filtered(table: table, spec: spec, headerRow: headerRow, byName: byName, headers: headers)
        problems += filtered.problems
        guard problems.isEmpty else { throw InputError(kind: .invalidData, diagnostics: problems) }
        self.table = table
        self.headerRow = headerRow
        self.columns = columns
        dataRows = filtered.rows
        // A column `where:` reads is a filter, not a supplier.
        let claimed = Set(columns.values).union(filtered.columns)
        others = header.enumerated().filter { !claimed.contains($0.offset) && !$0.element.isEmpty }.map { ($0.element, $0.offset) }
    }

    /// The non-blank rows after the header that every `where:` entry keeps. A header the file
    /// does not have, or a value no row holds, is an error at the entry: with one data file
    /// per parameter value, a misspelt partner would otherwise give an empty chart and a
    /// briefing about nobody.
    private static func filtered(
        table: CSVTable, spec: Spec, headerRow: Int, byName: [String: Int], headers: [String]
    ) -> (rows: [Int], columns: Set<Int>, problems: [Diagnostic]) {
        var rows = (headerRow + 1..<table.rows.count).filter { !table.isBlank($0) }
        var problems: [Diagnostic] = []
        var columns = Set<Int>()
        for filter in spec.filters {
            guard let column = byName[normalized(filter.header)] else {
                problems.append(
                    .error(
                        filter.headerLocation, "'\(filter.header)' is not a column of \(table.file)",
                        hint: Suggestion.closest(to: filter.header, in: headers).map { "did you mean '\($0)'?" }
                            ?? "its columns: \(headers.joined(separator: ", "))"))
                continue
            }
            columns.insert(column)
            func value(_ row: Int) -> String {
                column < table.rows[row].count ? YAMLNode.trimmed(table.rows[row][column]) : ""
            }
            var seen = Set<String>()
            let present = rows.map(value).filter { !$0.isEmpty && seen.insert($0).inserted }
            for wanted in filter.values where !seen.contains(wanted) {
                let listed = present.prefix(8).joined(separator: ", ") + (present.count > 8 ? ", ..." : "")
                problems.append(
                    .error(
                        filter.location, "no row of \(table.file) has '\(wanted)' in the column '\(table.rows[headerRow][column])'",
                        hint: Suggestion.closest(to: wanted, in: present).map { "did you mean '\($0)'?" }
                            ?? (present.isEmpty
                                ? "the column is empty"
                                : "values are compared as written, spaces around them trimmed; the column has \(listed)")))
            }
            let kept = Set(filter.values)
            rows = rows.filter { kept.contains(value($0)) }
        }
        return (rows, columns, problems)
    }

    /// "As of", "as-of" and "AS_OF" all name the field `as_of`.
    static func normalized(_ name: String) -> String {
        YAMLNode.trimmed(name).lowercased().replacingEvery("_", with: " ").replacingEvery("-", with: " ")
    }

    /// A row as a mapping of the fields it fills; empty cells are left out, as an absent
    /// field would be, and `defaults` fill what the row does not.
    func mapping(row: Int, defaults: [(field: String, value: String)], extra: [(String, Node)] = []) -> Node {
        var pairs: [(Node, Node)] = []
        for (field, column) in columns.sorted(by: { $0.value < $1.value }) {
            guard let value = cell(row: row, column: column) else { continue }
            pairs.append((.scalar(.init(field)), value))
        }
        for (field, value) in defaults where !pairs.contains(where: { $0.0.scalar?.string == field }) {
            pairs.append((.scalar(.init(field)), .scalar(.init(value, mark: Self.mark(table.location(row: row, column: 0))))))
        }
        pairs += extra.map { (.scalar(.init($0.0)), $0.1) }
        return .mapping(.init(pairs, mark: Self.mark(table.location(row: row, column: 0))))
    }

    /// The cell as a scalar that knows where it is, or nil if it is empty.
    func cell(row: Int, column: Int) -> Node? {
        let cells = table.rows[row]
        guard column < cells.count else { return nil }
        let text = YAMLNode.trimmed(cells[column])
        guard !text.isEmpty else { return nil }
        return .scalar(.init(text, mark: Self.mark(table.location(row: row, column: column))))
    }

    private static func mark(_ location: SourceLocation) -> Node.Mark { Node.Mark(line: location.line, column: location.column) }
}
