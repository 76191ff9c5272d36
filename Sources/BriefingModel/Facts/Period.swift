/// A span of whole years such as SIPRI's five-year periods: `2008-12` or `2021-2025`.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var startYear: Int
    public var endYear: Int

    public init(startYear: Int, endYear: Int) {
        self.startYear = startYear
        self.endYear = endYear
    }

    public static func parse(_ text: String) throws(DateError) -> Period {
        let normalized = text.replacingOccurrences(of: "\u{2013}", with: "-").trimmingCharacters(in: .whitespaces)
        let parts = normalized.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let start = Int(parts[0]),
            parts[1].count == 2 || parts[1].count == 4, var end = Int(parts[1])
        else {
            throw DateError("'\(text)' is not a period (expected YYYY-YY or YYYY-YYYY, e.g. 2008-12)")
        }
        if parts[1].count == 2 {
            end += start / 100 * 100
            if end < start { end += 100 }
        }
        guard end > start else { throw DateError("period '\(text)' ends before it starts") }
        return Period(startYear: start, endYear: end)
    }

    /// "2008–12" (en dash, two-digit end within the same century), as SIPRI writes it.
    public var description: String {
        let endText = endYear / 100 == startYear / 100 ? String(format2(endYear % 100)) : String(endYear)
        return "\(startYear)\u{2013}\(endText)"
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.startYear, lhs.endYear) < (rhs.startYear, rhs.endYear)
    }
}
