import Foundation

/// When a row of a series applies: a span of whole years such as SIPRI's five-year periods
/// (`2008-12`, `2021-2025`), or any single date at its precision (`2025`, `2025-Q1`,
/// `Q1 2025`, `2025-H2`, `March 2025`, `2010s`). Charts order and space rows by it.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Earliest and latest instant covered, in fractional years.
    public var start: Double
    public var end: Double
    /// As it reads: "2008–12", "Q1 2025".
    public var description: String
    /// The date, for a period that is one (nil for a span of years).
    public var date: FuzzyDate?

    public init(startYear: Int, endYear: Int) {
        start = Double(startYear)
        end = Double(endYear + 1)
        let endText = endYear / 100 == startYear / 100 ? Self.twoDigits(endYear % 100) : String(endYear)
        description = "\(startYear)\u{2013}\(endText)"
        date = nil
    }

    public init(_ date: FuzzyDate) {
        start = date.start
        end = date.end
        description = date.description
        self.date = date
    }

    /// The period's name in fact keys and placeholders: as it reads, with hyphens for spaces
    /// and dashes ("2008-12", "Q1-2025").
    public var key: String {
        description.replacingEvery(" ", with: "-").replacingEvery("\u{2013}", with: "-")
    }

    /// First and last calendar year of a span of years.
    public var startYear: Int { Int(start) }
    public var endYear: Int { Int(end.rounded(.up)) - 1 }

    /// `YYYY-YY` and `YYYY-YYYY` are spans of years (as SIPRI writes them) when the end comes
    /// after the start (`2008-12`, `1996-00`), and the year itself when it is the start
    /// (`2021-2021`); anything else is read as a date (`2025-03` is March 2025).
    public static func parse(_ text: String) throws(DateError) -> Period {
        let normalized = text.replacingEvery("\u{2013}", with: "-").trimmingCharacters(in: .whitespaces)
        let parts = normalized.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let start = Int(parts[0]), parts[1].count == 2 || parts[1].count == 4,
            var end = Int(parts[1])
        {
            var isSpan = true
            if parts[1].count == 2 {
                end += start / 100 * 100
                // "1996-00" crosses a century; "2025-03" is March 2025, not 2025-2103.
                if end < start {
                    end += 100
                    isSpan = start % 100 >= 90
                }
            }
            if isSpan {
                // A span of one year, as SIPRI names an export of a single year: that year.
                if end == start { return Period(FuzzyDate(year: start)) }
                guard end > start else { throw DateError("period '\(text)' ends before it starts") }
                return Period(startYear: start, endYear: end)
            }
        }
        do {
            return Period(try FuzzyDate.parse(normalized))
        } catch {
            throw DateError(
                "'\(text)' is not a period (expected years like 2008-12 or 2021-2025, or a date: 2025, 2025-Q1, Q1 2025, 2025-H2, "
                    + "March 2025, 2010s)")
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
