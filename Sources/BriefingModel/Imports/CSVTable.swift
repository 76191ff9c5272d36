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

    public init(data: Data, file: String) throws {
        self.file = file
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) else {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: 1, column: 1), "the file is neither UTF-8 nor Latin-1 text")
        }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var rows: [[String]] = []
        do {
            let csv = try EnumeratedCSV(string: normalized, delimiter: .comma, loadColumns: false)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { rows.append($0) }
        } catch {
            throw InputError(
                kind: .invalidData, SourceLocation(file: file), "the file is not valid CSV (\(error))", hint: "check for an unclosed quote")
        }
        // A row spans as many lines as the line breaks inside its quoted fields.
        var line = 1
        lines = rows.map { row in
            defer { line += 1 + row.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } } }
            return line
        }
        self.rows = rows
    }

    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row < lines.count ? lines[row] : (lines.last ?? 0) + 1, column: column + 1)
    }
}
