import Foundation

/// A date known only to a precision: a day (`2024-05-30`), a month (`2023-10`, `March 2023`),
/// a quarter (`2025-Q1`, `Q1 2025`, `1Q25`), a half (`2025-H2`, `H2 2025`), a year (`2014`) or
/// a decade (`1970s`). Keeping the precision stops the briefing (and the timeline) from
/// claiming more than the sources say.
public struct FuzzyDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, CaseIterable { case day, month, quarter, half, year, decade }

    public var year: Int
    /// The month; for a quarter or half, its first month.
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

    /// A quarter (1-4) of a year.
    public static func quarter(_ quarter: Int, of year: Int) -> FuzzyDate {
        FuzzyDate(year: year, month: (quarter - 1) * 3 + 1, precision: .quarter)
    }

    /// A half (1 or 2) of a year.
    public static func half(_ half: Int, of year: Int) -> FuzzyDate {
        FuzzyDate(year: year, month: (half - 1) * 6 + 1, precision: .half)
    }

    /// The quarter (1-4) or half (1-2) a quarter or half date names.
    public var part: Int? {
        switch precision {
        case .quarter: (month! - 1) / 3 + 1
        case .half: (month! - 1) / 6 + 1
        default: nil
        }
    }

    static let expected = "expected YYYY-MM-DD, YYYY-MM, a quarter (2025-Q1, Q1 2025), a half (2025-H1), YYYY or a decade like 1970s"

    /// Parses every form above; throws a message saying what is wrong.
    public static func parse(_ text: String) throws(DateError) -> FuzzyDate {
        if let values = numeric(text) { return try date(values, text) }
        // Foundation's trimming is an NSString round trip: only when an end is white space.
        let text =
            (text.unicodeScalars.first?.properties.isWhitespace ?? false) || (text.unicodeScalars.last?.properties.isWhitespace ?? false)
            ? text.trimmingCharacters(in: .whitespaces) : text
        if text.count == 5, text.hasSuffix("s"), let year = Int(text.dropLast()), year % 10 == 0 {
            return FuzzyDate(year: try checkYear(year), precision: .decade)
        }
        // Digits and hyphens only (`2025-03-14`, the usual case) is neither a quarter, a
        // half nor a month name: those readers are skipped.
        if !text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            if let part = try parsePart(text) { return part }
            if let named = try parseMonthName(text) { return named }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let values = Optional(parts.compactMap { Int($0) }), values.count == parts.count
        else {
            throw DateError("'\(YAMLNode.shown(text))' is not a date (\(expected))", unrecognised: true)
        }
        return try date(values, text)
    }

    /// `2025`, `2025-03` or `2025-03-14` (ASCII digits in those places, nothing else), read
    /// from the bytes: the usual date, without splitting the string (splitting was most of
    /// reading 2,000 events' dates). Nil for anything else, which the general reader reads.
    static func numeric(_ text: String) -> [Int]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
            func number(_ range: Range<Int>) -> Int? { ByteScan.decimal(UnsafeRawBufferPointer(bytes), range) }
            guard let year = number(0..<4) else { return nil }
            var values = [year]
            var position = 4
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "-"), let part = number((position + 1)..<(position + 3)) else { return nil }
                values.append(part)
                position += 3
            }
            return values
        } ?? nil
    }

    /// A date of a year and perhaps a month and day, checked.
    private static func date(_ values: [Int], _ text: String) throws(DateError) -> FuzzyDate {
        let year = try checkYear(values[0])
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

    /// The years a date may have: what a policy briefing cites, and small enough that no
    /// arithmetic on years can overflow.
    public static let years = 1800...2200

    private static func checkYear(_ year: Int) throws(DateError) -> Int {
        guard years.contains(year) else { throw DateError("year \(year) is out of range (1800-2200)") }
        return year
    }

    /// Quarters and halves as analysts write them: `2025-Q1`, `2025Q1`, `Q1 2025`, `Q1-2025`,
    /// `1Q25`, `1Q2025`, and the same with H for halves. Nil when the text is none of these.
    private static func parsePart(_ text: String) throws(DateError) -> FuzzyDate? {
        let compact = text.uppercased().replacingEvery(" ", with: "").replacingEvery("-", with: "")
        guard compact.count >= 4, compact.count <= 7, let letter = compact.first(where: { $0 == "Q" || $0 == "H" }) else { return nil }
        let pieces = compact.split(separator: letter, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 2, pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        // "2025Q1" / "Q12025" / "1Q25": the one-digit piece is the part, the other the year.
        let (partText, yearText): (String, String)
        if pieces[0].isEmpty, pieces[1].count == 5 {
            (partText, yearText) = (String(pieces[1].prefix(1)), String(pieces[1].dropFirst()))
        } else if pieces[0].count == 4, pieces[1].count == 1 {
            (partText, yearText) = (pieces[1], pieces[0])
        } else if pieces[0].count == 1, pieces[1].count == 2 || pieces[1].count == 4 {
            (partText, yearText) = (pieces[0], pieces[1].count == 2 ? "20" + pieces[1] : pieces[1])
        } else {
            return nil
        }
        let year = try checkYear(Int(yearText)!)
        let part = Int(partText)!
        if letter == "Q" {
            guard (1...4).contains(part) else { throw DateError("'\(text)': a year has quarters 1 to 4") }
            return quarter(part, of: year)
        }
        guard (1...2).contains(part) else { throw DateError("'\(text)': a year has halves 1 and 2") }
        return half(part, of: year)
    }

    /// `March 2025` or `Mar 2025` (English names, as data exports write them).
    private static func parseMonthName(_ text: String) throws(DateError) -> FuzzyDate? {
        let words = text.split(separator: " ")
        guard words.count == 2, words[1].count == 4, let year = Int(words[1]), words[0].count >= 3 else { return nil }
        let name = words[0].lowercased()
        guard let index = monthNames.firstIndex(where: { $0.lowercased() == name || $0.lowercased().prefix(3) == name }) else {
            return nil
        }
        return FuzzyDate(year: try checkYear(year), month: index + 1)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// As it reads in a sentence: "30 May 2024", "October 2023", "Q1 2025", "2014", "the 1970s".
    public var description: String {
        switch precision {
        case .day: "\(day!) \(Self.monthNames[month! - 1]) \(year)"
        case .month: "\(Self.monthNames[month! - 1]) \(year)"
        case .quarter: "Q\(part!) \(year)"
        case .half: "H\(part!) \(year)"
        case .year: "\(year)"
        case .decade: "\(year)s"
        }
    }

    /// Earliest instant covered, in fractional years (for ordering and timeline scales).
    public var start: Double {
        switch precision {
        case .decade, .year: Double(year)
        case .month, .quarter, .half: Double(year) + Double(month! - 1) / 12
        case .day: Double(year) + (Double(month! - 1) + Double(day! - 1) / Double(Self.daysIn(month: month!, year: year))) / 12
        }
    }

    /// Latest instant covered: the end of the day, month, year or decade.
    public var end: Double {
        switch precision {
        case .decade: Double(year + 10)
        case .year: Double(year + 1)
        case .month: Double(year) + Double(month!) / 12
        case .quarter: Double(year) + Double(month! + 2) / 12
        case .half: Double(year) + Double(month! + 5) / 12
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
    /// The text is no date at all (as opposed to an impossible one, `2023-02-29`): a caller
    /// that takes fewer forms says which it takes instead of repeating every form.
    public var unrecognised = false
    init(_ message: String, unrecognised: Bool = false) {
        self.message = message
        self.unrecognised = unrecognised
    }
}
