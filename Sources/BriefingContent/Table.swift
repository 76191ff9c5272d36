import Foundation

/// A table written in GFM pipe syntax. Cells hold inline content, so placeholders, citations
/// and markers work inside them.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, center, right }

    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    /// One per column: as written (`:--:`, `--:`), else right for columns of numbers.
    public var alignments: [Alignment]

    public init(header: [[Inline]], rows: [[[Inline]]], alignments: [Alignment]) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
    }

    /// True when every non-empty body cell of the column reads as a number ("1,250",
    /// "-3.5%", "~40", "$12 bn" is not), so the column lines up on its digits.
    public static func isNumeric(_ cells: [String]) -> Bool {
        let filled = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "\u{2013}" && $0 != "-" }
        guard !filled.isEmpty else { return false }
        return filled.allSatisfy { cell in
            var text = Substring(cell)
            for prefix in ["+", "-", "\u{2212}", "~", "<", ">", "\u{2248}"] where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count)
            }
            for suffix in ["%", "\u{2020}", "\u{2021}", "*"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
            return !text.isEmpty && text.first!.isNumber && text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." }
        }
    }
}

/// A footnote: its number in the section and its text.
public struct Footnote: Sendable, Equatable {
    public var number: Int
    public var blocks: [Block]

    public init(number: Int, blocks: [Block]) {
        self.number = number
        self.blocks = blocks
    }
}
