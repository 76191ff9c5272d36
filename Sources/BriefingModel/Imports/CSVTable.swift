import Foundation
import SwiftCSV

/// A CSV file as rows of cells, read with SwiftCSV (quoted fields, embedded commas and line
/// breaks), from UTF-8 (with or without a byte-order mark) or, failing that, Windows-1252
/// (Latin-1 with curly quotes and dashes where Latin-1 has control characters), as SIPRI's
/// exports and spreadsheets on Windows write them. Keeps each row's line in the file for
/// located errors.
public struct CSVTable: Sendable {
    public var rows: [[String]]
    /// 1-based line of each row's start.
    public var lines: [Int]
    public var file: String
    /// What the reader should know but need not fix: a file read as Latin-1.
    public var warnings: [Diagnostic] = []

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
        let text: String
        var mixed: (offset: Int, line: Int, column: Int)?
        if let utf8 = String(data: bytes, encoding: .utf8) {
            text = utf8
        } else {
            text = Self.windows1252(bytes)
            // A file with UTF-8 characters and a byte that is not one is a UTF-8 file with a
            // damaged or foreign byte, not a Windows export: say where it is.
            if UTF8Check.hasMultibyteCharacter(bytes) { mixed = UTF8Check.firstInvalid(in: bytes) }
        }
        if let at = mixed {
            let byte = bytes[bytes.startIndex + at.offset]
            let shown = Self.windows1252([byte]).unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
                ? "a control character" : "'\(Self.windows1252([byte]))'"
            warnings.append(
                .warning(
                    SourceLocation(file: file, line: at.line, column: at.column),
                    "the file is UTF-8 except for this byte (0x\(String(byte, radix: 16, uppercase: true))): it is read as Windows-1252, which makes the byte \(shown)",
                    hint: "save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet), with the character meant"))
        }
        var normalized = text.replacingEvery("\r\n", with: "\n").replacingEvery("\r", with: "\n")
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

    /// Windows-1252's characters for 0x80-0x9F; the five it leaves undefined stay the
    /// Latin-1 control characters they are (and are dropped as control characters are).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The bytes as Windows-1252 text: every byte is a character, so this never fails.
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
