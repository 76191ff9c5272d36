/// A date known only to a precision: a day (`2024-05-30`), a month (`2023-10`), a year (`2014`)
/// or a decade (`1970s`). Keeping the precision stops the briefing (and the timeline) from
/// claiming more than the sources say.
public struct FuzzyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, CaseIterable { case day, month, year, decade }

    public var year: Int
    public var month: Int?
    public var day: Int?
    public var precision: Precision

    public init(year: Int, month: Int? = nil, day: Int? = nil, precision: Precision? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision ?? (day != nil ? .day : month != nil ? .month : .year)
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYY0s`; throws a message saying what is wrong.
    public static func parse(_ text: String) throws(DateError) -> FuzzyDate {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.count == 5, text.hasSuffix("s"), let year = Int(text.dropLast()), year % 10 == 0 {
            return FuzzyDate(year: year, precision: .decade)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let values = Optional(parts.compactMap { Int($0) }), values.count == parts.count
        else {
            throw DateError("'\(text)' is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or a decade like 1970s)")
        }
        let year = values[0]
        guard (1800...2200).contains(year) else { throw DateError("year \(year) is out of range (1800-2200)") }
        if values.count == 1 { return FuzzyDate(year: year) }
        let month = values[1]
        guard (1...12).contains(month) else { throw DateError("month \(month) does not exist in '\(text)'") }
        if values.count == 2 { return FuzzyDate(year: year, month: month) }
        let day = values[2]
        let last = daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw DateError("\(monthNames[month - 1]) \(year) has no day \(day) (it has \(last) days)")
        }
        return FuzzyDate(year: year, month: month, day: day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// As it reads in a sentence: "30 May 2024", "October 2023", "2014", "the 1970s".
    public var description: String {
        switch precision {
        case .day: "\(day!) \(Self.monthNames[month! - 1]) \(year)"
        case .month: "\(Self.monthNames[month! - 1]) \(year)"
        case .year: "\(year)"
        case .decade: "\(year)s"
        }
    }

    /// Earliest instant covered, in fractional years (for ordering and timeline scales).
    public var start: Double {
        switch precision {
        case .decade, .year: Double(year)
        case .month: Double(year) + Double(month! - 1) / 12
        case .day: Double(year) + (Double(month! - 1) + Double(day! - 1) / Double(Self.daysIn(month: month!, year: year))) / 12
        }
    }

    /// Latest instant covered: the end of the day, month, year or decade.
    public var end: Double {
        switch precision {
        case .decade: Double(year + 10)
        case .year: Double(year + 1)
        case .month: Double(year) + Double(month!) / 12
        case .day: start + 1.0 / 365
        }
    }

    public static func < (lhs: FuzzyDate, rhs: FuzzyDate) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// Why a date string was rejected; the loader adds file, line and field.
public struct DateError: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
