import BriefingContent
import BriefingModel
import CCmark

extension MarkdownParser.Converter {
    /// A GFM table. cmark-gfm pads short rows and drops extra cells silently, so each row's
    /// cells are also counted in its source line, and a mismatch is a located error.
    mutating func table(_ node: OpaquePointer) -> Block? {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        let rows = children(node)
        guard columns > 0, let headerRow = rows.first else { return nil }
        var problemsBefore = problems.count
        var header: [[Inline]] = []
        var body: [[[Inline]]] = []
        for (index, row) in rows.enumerated() {
            var line = Int(cmark_node_get_start_line(row))
            if index == 0 { line = headerLine(reported: line) }
            let written = cellsWritten(onLine: line, from: Int(cmark_node_get_start_column(row)))
            if let written, written != columns {
                var place = location(row)
                place.line = line
                problems.append(
                    .error(
                        place, "this table row has \(written) cell\(written == 1 ? "" : "s"), but the header has \(columns)",
                        hint: "give every row \(columns) cells (an empty cell is written | |)"))
            }
            let cells = children(row).map { cell in inlines(childrenOf: cell) }
            if index == 0, row == headerRow { header = cells } else { body.append(cells) }
        }
        guard problems.count == problemsBefore else { return nil }
        problemsBefore = problems.count
        // Alignment as written (`:--`, `:-:`, `--:`), else right for columns of numbers.
        let written = cmark_gfm_extensions_get_table_alignments(node)
        let alignments = (0..<columns).map { column -> Table.Alignment in
            switch written?[column] {
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            case UInt8(ascii: "l"): return .left
            default:
                let texts = body.map { column < $0.count ? $0[column].plainText : "" }
                return Table.isNumeric(texts) ? .right : .left
            }
        }
        return .table(Table(header: header, rows: body, alignments: alignments))
    }

    /// The header row's line. A table written straight after a paragraph's lines takes the
    /// last of them for its header, and cmark-gfm gives that row the paragraph's first line:
    /// the header is the line before the delimiter row (`|---|:-:|`), the first such line
    /// from the one reported.
    private func headerLine(reported: Int) -> Int {
        guard reported >= 1, reported <= sourceLines.count else { return reported }
        for line in reported..<sourceLines.count where Self.isDelimiterRow(sourceLines[line]) {
            // `line` is the 0-based index of the delimiter row: the header is the line before, 1-based.
            return line
        }
        return reported
    }

    /// `| --- | :-: |`: pipes, dashes, colons and blanks only, with a pipe and a dash (after
    /// any quote markers a shaded box puts before it).
    static func isDelimiterRow(_ line: Substring) -> Bool {
        let text = line.drop { $0 == ">" || $0 == " " || $0 == "\t" }
        return text.contains("|") && text.contains("-") && text.allSatisfy { "|-: \t".contains($0) }
    }

    /// How many cells the table row on `line` (1-based) holds as written: as GFM reads it,
    /// every pipe not escaped separates cells (inside code spans too), and a leading or
    /// trailing pipe only closes one. The row starts at byte `column` (1-based): a table in a
    /// shaded box or a list item has the quote markers and indentation before it.
    private func cellsWritten(onLine line: Int, from column: Int) -> Int? {
        guard line >= 1, line <= sourceLines.count else { return nil }
        var source = sourceLines[line - 1]
        let prefix = source.utf8.prefix(max(0, column - 1))
        if prefix.allSatisfy({ $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }),
            let start = source.utf8.index(source.utf8.startIndex, offsetBy: prefix.count, limitedBy: source.utf8.endIndex)
        {
            source = source[start...]
        }
        let text = source.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        var separators = 0
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "|": separators += 1
            default: break
            }
        }
        var cells = separators + 1
        if text.hasPrefix("|") { cells -= 1 }
        if text.hasSuffix("|"), !text.hasSuffix("\\|"), text.count > 1 { cells -= 1 }
        return cells
    }
}
