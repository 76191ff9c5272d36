import Foundation

/// `generate --each partners.csv`: one briefing per row, the header naming parameters and
/// each row giving their values (a parameter not in the file takes `--param`'s value or its
/// default). Each row's output is the `--output` pattern filled with its values.
public struct ParameterRows: Sendable {
    public struct Row: Sendable, Equatable {
        /// What the row is, whatever `--output` looks like: its values, `id=value` sorted,
        /// one per line. Shards are chosen by it, so two machines spelling the output folder
        /// differently (relative, absolute, through a link) still split the rows the same way.
        public var identity: String { values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") }

        /// The row's line in the file, for messages and the summary.
        public var line: Int
        /// Every declared parameter's value for this row.
        public var values: [String: String]
        /// The row's cells in columns the delivery file uses and the template does not
        /// declare (a desk's address): not part of what the row is (`identity`) or its output.
        public var deliveryValues: [String: String] = [:]
        public var output: String
        /// Why the row cannot run (a value not allowed, one no file name can hold), located
        /// at its cell; the other rows still run.
        public var problem: Diagnostic?
    }

    public var rows: [Row]
    public var file: String

    /// Reads and checks the whole file before anything runs: a header naming no parameter or
    /// a ragged row is a data error at its cell (65); a pattern that gives two rows one file
    /// is a usage error (64) naming both rows.
    /// - Parameter deliveryColumns: ids the delivery file uses (`{{param.desk}}`) that the
    ///   template does not declare, with where each is first used: columns of these names
    ///   are read for it, and one the file does not have is an error there.
    public static func read(
        _ data: Data, file: String, declared: [Parameter], given: [String: String], pattern: String,
        deliveryColumns: [String: SourceLocation] = [:]
    ) throws -> ParameterRows {
        // A pattern naming no parameter is one mistake, said once, not once per row.
        _ = try OutputPattern.fill(pattern, values: Dictionary(uniqueKeysWithValues: declared.map { ($0.id, "x") }))
        let table = try CSVTable(data: data, file: file)
        guard let header = table.rows.first, !table.isBlank(0) else {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: 1, column: 1), "no header: the first line names the parameters")
        }
        var problems: [Diagnostic] = []
        let ids = declared.map(\.id)
        let known = ids + deliveryColumns.keys.sorted()
        for (column, name) in header.enumerated() where !known.contains(name.trimmingCharacters(in: .whitespaces)) {
            let hint =
                known.isEmpty
                ? "this template declares no parameters"
                : Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" }
                    ?? "its parameters: \(ids.joined(separator: ", "))"
                    + (deliveryColumns.isEmpty
                        ? "; a column for the delivery file ({{param.\(name)}}) is read only with --deliver"
                        : "; the delivery file uses \(deliveryColumns.keys.sorted().joined(separator: ", "))")
            problems.append(
                .error(table.location(row: 0, column: column), "column '\(name)' names no parameter of the template", hint: hint))
        }
        problems += table.raggedRows(from: 1, width: header.count)
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        for (name, location) in deliveryColumns.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            let hint =
                Suggestion.closest(to: name, in: names + ids).map { "did you mean 'param.\($0)'?" }
                ?? "parameters: \(ids.joined(separator: ", ")); columns of \(file): \(names.joined(separator: ", "))"
            problems.append(
                .error(location, "'{{param.\(name)}}' names neither a parameter of the template nor a column of \(file)", hint: hint))
        }
        // A parameter no row can give: refused once, not once per row.
        for parameter in declared where parameter.defaultValue == nil && given[parameter.id] == nil && !names.contains(parameter.id) {
            problems.append(
                .error(
                    table.location(row: 0, column: 0), "no column '\(parameter.id)': the parameter \(parameter.label) has no default",
                    hint: "add a column '\(parameter.id)', or give --param \(parameter.id)=VALUE for every row"))
        }
        // A value given both ways: the column would win without a word (the command line's mistake, 64).
        let both = names.filter { given[$0] != nil }.map { name in
            Diagnostic.error(
                .argument("--param"), "'\(name)' is both given with --param and a column of \(file)",
                hint: "give it one way: drop --param \(name) or the column")
        }
        if !both.isEmpty { throw InputError(kind: .usage, diagnostics: both) }
        if !problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: problems) }

        var rows: [Row] = []
        for index in 1..<table.rows.count where !table.isBlank(index) {
            var given = given
            var delivery: [String: String] = [:]
            for (column, name) in names.enumerated() {
                let cell = table.rows[index][column].trimmingCharacters(in: .whitespaces)
                if ids.contains(name) { given[name] = cell } else { delivery[name] = cell }
            }
            let line = table.lines[index]
            do {
                let values = try Parameter.resolve(declared, given: given)
                rows.append(
                    Row(line: line, values: values, deliveryValues: delivery, output: try OutputPattern.fill(pattern, values: values)))
            } catch let error as InputError {
                let column = names.firstIndex { name in error.diagnostics.contains { $0.message.contains("'\(name)'") } } ?? 0
                let place = table.location(row: index, column: column)
                let message = error.diagnostics.map { ([$0.message] + $0.hints).joined(separator: "; ") }.joined(separator: "; ")
                rows.append(Row(line: line, values: given, output: "", problem: .error(place, message)))
            }
        }
        guard !rows.isEmpty else {
            throw InputError(kind: .invalidData, SourceLocation(file: file, line: 2, column: 1), "no rows: one briefing is made per row")
        }
        var first: [String: Int] = [:]
        var clashes: [Diagnostic] = []
        var firstValues: [String: [String: String]] = [:]
        for row in rows where row.problem == nil {
            if let earlier = first[row.output] {
                let same = firstValues[row.output] == row.values
                let differing = row.values.keys.filter { firstValues[row.output]?[$0] != row.values[$0] }.sorted()
                clashes.append(
                    .error(
                        .argument("--output"), "rows on lines \(earlier) and \(row.line) of \(file) would both write \(row.output)",
                        hint: same
                            ? "the two rows give the same values: remove one"
                            : "name the parameters they differ in (\(differing.map { "{\($0)}" }.joined(separator: ", "))) in --output"))
            } else {
                first[row.output] = row.line
                firstValues[row.output] = row.values
            }
        }
        if !clashes.isEmpty { throw InputError(kind: .usage, diagnostics: clashes) }
        return ParameterRows(rows: rows, file: file)
    }
}

/// `--shard K/N`: the rows this machine makes, chosen by a stable hash of each row's output,
/// so N processes anywhere (a Kubernetes Indexed Job, a Slurm array, `parallel` on several
/// hosts) together make every row exactly once with no coordinator; the same row always
/// falls in the same shard, whatever the order or number of rows.
public struct Shard: Sendable, Equatable {
    /// 1...count.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N`, 1 <= K <= N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.init(index: index, count: count)
    }

    public func contains(_ output: String) -> Bool { Int(Self.hash(output) % UInt64(count)) == index - 1 }

    /// FNV-1a over the UTF-8 bytes: the same on every machine and in every release.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
