import Foundation
import SwiftCSV

/// A CSV file as rows of cells, read with SwiftCSV (quoted fields, embedded commas and line
/// breaks), from UTF-8 (with or without a byte-order mark) or, failing that, Latin-1, as
/// SIPRI's exports are written. Keeps each row's line in the file for located errors.
public struct CSVTable: Sendable {
    public var rows: [[String]]
    /// 1-based line of each row's start.
    public var lines: [Int]
    public var file: String

    /// The largest CSV file accepted.
    public static let maximumBytes = 16 * 1024 * 1024

    /// The most lines and columns a CSV file may have: far above any export analysts use,
    /// and checked on the bytes before the file is parsed, so a file of blank lines or a
    /// header of a million commas is refused in milliseconds, not after gigabytes of cells.
    public static let maximumLines = 100_000
    public static let maximumColumns = 1_000

    public init(data: Data, file: String) throws {
        self.file = file
        var lineCount = 0, firstLineCommas = 0
        for byte in data {
            if byte == 0x0A {
                lineCount += 1
            } else if byte == 0x2C, lineCount == 0 {
                firstLineCommas += 1
            }
        }
        if firstLineCommas + 1 > Self.maximumColumns {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: 1, column: 1),
                "the header has \(firstLineCommas + 1) columns (at most \(Self.maximumColumns))")
        }
        if lineCount > Self.maximumLines {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: Self.maximumLines + 1, column: 1),
                "the file has \(lineCount) lines (at most \(Self.maximumLines))")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) else {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: 1, column: 1), "the file is neither UTF-8 nor Latin-1 text")
        }
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // SwiftCSV drops an empty last cell when the file does not end with a line break.
        if !normalized.isEmpty, !normalized.hasSuffix("\n") { normalized += "\n" }
        var rows: [[String]] = []
        var failure: Error?
        do {
            // The initializer parses the header and up to `rowLimit` rows on its own: one row,
            // so the file is parsed once, here, row by row (and a row SwiftCSV cannot read is
            // known by the rows before it).
            let csv = try EnumeratedCSV(string: normalized, delimiter: .comma, loadColumns: false, rowLimit: 1)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { rows.append($0) }
        } catch {
            failure = error
        }
        self.rows = rows
        lines = Self.lines(of: rows)
        if failure != nil {
            // SwiftCSV stops at the row it cannot read without saying where: the next one.
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: nextLine, column: 1),
                "a quote in the middle of a field, or text after a closing quote",
                hint: "quote the whole field and double any quote inside it: \"5\"\" disk\"")
        }
        // SwiftCSV reads an unclosed quote to the end of the file as one field; an odd number
        // of quote marks gives it away (each pair opens and closes, "" inside is two).
        if normalized.utf8.reduce(0, { $0 + ($1 == 0x22 ? 1 : 0) }) % 2 == 1, let last = rows.indices.last {
            let field = rows[last].lastIndex { $0.contains("\n") } ?? rows[last].count - 1
            throw InputError(
                kind: .invalidData, location(row: last, column: field),
                "a quoted field is never closed: the rest of the file would be one value",
                hint: "close the quote, or double a quote inside a quoted field (\"\")")
        }
    }

    /// The line each row starts on: a row spans as many lines as the line breaks inside its
    /// quoted fields (counted on bytes: thousands of cells in a large export).
    private static func lines(of rows: [[String]]) -> [Int] {
        var line = 1
        return rows.map { row in
            defer { line += 1 + row.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } }
            return line
        }
    }

    /// The line after the last row read.
    private var nextLine: Int {
        guard let last = rows.last, let line = lines.last else { return 1 }
        return line + 1 + last.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }

    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row < lines.count ? lines[row] : (lines.last ?? 0) + 1, column: column + 1)
    }

    /// A row with no text in any cell (SIPRI pads its empty lines with commas).
    public func isBlank(_ row: Int) -> Bool { rows[row].allSatisfy(\.isEmpty) }

    /// Every non-blank row from `start` on must have `width` cells: a ragged row has lost or
    /// gained a separator, and its values would land in the wrong columns.
    public func raggedRows(from start: Int, width: Int) -> [Diagnostic] {
        guard start < rows.count else { return [] }
        return (start..<rows.count).compactMap { row in
            let count = rows[row].count
            guard count != width, !isBlank(row) else { return nil }
            return .error(
                location(row: row, column: min(count, width)),
                "this row has \(count) \(count == 1 ? "cell" : "cells") but the header has \(width)",
                hint: count > width ? "quote a value that contains a comma" : "a separator is missing")
        }
    }
}
