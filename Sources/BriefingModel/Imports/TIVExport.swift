/// A CSV export of SIPRI's Arms Transfers Database, "TIV of arms exports to COUNTRY,
/// YYYY-YYYY": a title line, notes, a `Source:` and a `Generated:` line, then a header row of
/// years ending in `Total`, one row per supplier, and a `Total` row. Values are trend-indicator
/// values (millions); an empty cell is nothing delivered. Every line is padded with commas.
public struct TIVExport: Sendable {
    public struct Supplier: Sendable {
        public var name: String
        /// By year, in the header's order; 0 where the cell is empty.
        public var values: [Double]
        /// Where its row starts, for the provenance of the shares computed from it.
        public var location: SourceLocation
    }

    public var title: String
    /// The date in the `Generated:` line ("22 April 2022"), the data's as-of date.
    public var generated: FuzzyDate?
    public var years: [Int]
    /// The 1-based column of each year, in the header's order.
    public var columns: [Int]
    public var suppliers: [Supplier]
    /// The `Total` row, when the file has one.
    public var totals: [Double]?
    /// Problems that do not stop the import: a `Total` that is not the sum of its column.
    public var warnings: [Diagnostic]

    public static func parse(_ table: CSVTable) throws -> TIVExport {
        // Most cells have no surrounding spaces: trim only those that do (Foundation's trim
        // bridges every string, thousands of cells in a large export).
        let rows = table.rows.map { row in
            row.map { cell in
                guard let first = cell.utf8.first, let last = cell.utf8.last, first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09
                else { return cell }
                return cell.trimmingCharacters(in: .whitespaces)
            }
        }
        func isBlank(_ row: [String]) -> Bool { row.allSatisfy(\.isEmpty) }
        // The header: a row whose filled cells after the first are years, then `Total`.
        guard
            let headerIndex = rows.firstIndex(where: { row in
                let filled = row.dropFirst().filter { !$0.isEmpty }
                return filled.count >= 2 && filled.last?.lowercased() == "total"
                    && filled.dropLast().allSatisfy { Int($0) != nil && $0.count == 4 }
            })
        else {
            throw InputError(
                kind: .invalidData, SourceLocation(file: table.file, line: 1, column: 1),
                "not a SIPRI TIV export: no header row of years ending in 'Total'",
                hint: "export 'TIV of arms exports to COUNTRY' from the SIPRI Arms Transfers Database as CSV")
        }
        let header = rows[headerIndex]
        var yearColumns: [(column: Int, year: Int)] = []
        var problems: [Diagnostic] = []
        for (column, cell) in header.enumerated().dropFirst() {
            guard let year = Int(cell) else { continue }
            if yearColumns.contains(where: { $0.year == year }) {
                problems.append(.error(table.location(row: headerIndex, column: column), "the year \(year) appears twice in the header"))
            }
            yearColumns.append((column, year))
        }
        let meta = rows[..<headerIndex].map { $0.first ?? "" }
        let title = meta.first { !$0.isEmpty } ?? ""
        let generated = meta.first { $0.lowercased().hasPrefix("generated:") }.flatMap { line -> FuzzyDate? in
            Self.date(String(line.dropFirst("generated:".count)).trimmingCharacters(in: .whitespaces))
        }

        func numbers(_ row: Int) -> [Double] {
            yearColumns.map { column, year in
                let cell = column < rows[row].count ? rows[row][column] : ""
                if cell.isEmpty { return 0 }
                guard let value = Double(cell), value >= 0, value <= NumberFormatting.largestInput else {
                    problems.append(
                        .error(
                            table.location(row: row, column: column), "'\(cell)' is not a TIV value (year \(year))",
                            hint: "values are whole or decimal millions without thousands separators; an empty cell is nothing"))
                    return 0
                }
                return value
            }
        }
        var suppliers: [Supplier] = []
        var totals: [Double]?
        var totalRow: Int?
        for row in (headerIndex + 1)..<rows.count {
            let name = rows[row].first ?? ""
            if isBlank(rows[row]) { continue }
            if name.lowercased() == "total" {
                totals = numbers(row)
                totalRow = row
                break
            }
            guard !name.isEmpty else {
                problems.append(.error(table.location(row: row, column: 0), "a supplier row without a supplier name"))
                continue
            }
            if suppliers.contains(where: { $0.name == name }) {
                problems.append(.error(table.location(row: row, column: 0), "the supplier '\(name)' appears twice"))
                continue
            }
            suppliers.append(Supplier(name: name, values: numbers(row), location: table.location(row: row, column: 0)))
        }
        problems += table.raggedRows(from: headerIndex + 1, width: header.count)
        guard problems.isEmpty else {
            throw InputError(kind: .invalidData, diagnostics: problems.sorted { $0.location.line < $1.location.line })
        }
        guard !suppliers.isEmpty else {
            throw InputError(kind: .invalidData, table.location(row: headerIndex, column: 0), "the export lists no suppliers")
        }
        // The Total row must add up (SIPRI rounds each cell, so within half a unit per supplier).
        var warnings: [Diagnostic] = []
        if let totals, let totalRow {
            for (index, year) in yearColumns.enumerated() {
                let sum = suppliers.reduce(0) { $0 + $1.values[index] }
                if abs(sum - totals[index]) > 0.5 * Double(suppliers.count) + 0.01 {
                    warnings.append(
                        .warning(
                            table.location(row: totalRow, column: year.column),
                            "the Total for \(year.year) is \(NumberFormatting.format(totals[index])) but its suppliers add up to \(NumberFormatting.format(sum))"
                        ))
                }
            }
        }
        return TIVExport(
            title: title, generated: generated, years: yearColumns.map(\.year), columns: yearColumns.map { $0.column + 1 },
            suppliers: suppliers,
            totals: totals, warnings: warnings)
    }

    /// "22 April 2022" as a day.
    static func date(_ text: String) -> FuzzyDate? {
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
            let month = FuzzyDate.monthNames.firstIndex(where: { $0.lowercased() == parts[1].lowercased() })
        else { return nil }
        return try? FuzzyDate.parse(String(format: "%04d-%02d-%02d", year, month + 1, day))
    }

    /// Each supplier's deliveries in `period` (TIV) and share of all of them (percent),
    /// largest first, with the cell where its period starts; and the period's total.
    public func shares(in period: Period) -> (shares: [Share], total: Double) {
        let indices = years.indices.filter { Double(years[$0]) >= period.start && Double(years[$0]) < period.end }
        let sums = suppliers.map { supplier in (supplier, indices.reduce(0) { $0 + supplier.values[$1] }) }
        let total = sums.reduce(0) { $0 + $1.1 }
        guard total > 0, let first = indices.first else { return ([], 0) }
        return (
            sums.map { supplier, tiv in
                var origin = supplier.location
                origin.column = columns[first]
                return Share(supplier: supplier.name, tiv: tiv, percent: tiv / total * 100, origin: origin)
            }.sorted { $0.percent > $1.percent }, total
        )
    }

    /// A supplier's deliveries over a period and its share of them.
    public struct Share: Sendable {
        public var supplier: String
        public var tiv: Double
        public var percent: Double
        /// The supplier's cell for the period's first year.
        public var origin: SourceLocation
    }
}
