/// A five-field cron expression (minute hour day-of-month month day-of-week) as Debian's cron
/// reads it: lists, ranges, steps, month and weekday names, the @hourly … @yearly shorthands,
/// and the rule that when both day fields are restricted either one matching is enough.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    public struct Field: Sendable, Hashable {
        public var values: Set<Int>
        /// True when the field starts with `*` (cron's test for "unrestricted").
        public var isStar: Bool
    }

    public var minutes: Field
    public var hours: Field
    public var daysOfMonth: Field
    public var months: Field
    /// 0 = Sunday … 6 = Saturday (7 is read as Sunday).
    public var daysOfWeek: Field
    /// The expression as written.
    public var description: String

    static let fieldNames = ["minute", "hour", "day of month", "month", "day of week"]
    static let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let shorthands = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]

    public init(_ text: String) throws(CronError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        description = trimmed
        var expanded = trimmed
        if trimmed.hasPrefix("@") {
            guard let replacement = Self.shorthands[trimmed.lowercased()] else {
                let known = Self.shorthands.keys.sorted().joined(separator: " ")
                throw CronError(field: nil, "unknown shorthand '\(trimmed)' (known: \(known); @reboot is not supported)")
            }
            expanded = replacement
        }
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronError(field: nil, "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        minutes = try Self.parse(fields[0], index: 0)
        hours = try Self.parse(fields[1], index: 1)
        daysOfMonth = try Self.parse(fields[2], index: 2)
        months = try Self.parse(fields[3], index: 3)
        var days = try Self.parse(fields[4], index: 4)
        if days.values.contains(7) {
            days.values.remove(7)
            days.values.insert(0)
        }
        daysOfWeek = days
        try checkReachable()
    }

    /// Rejects day-of-month and month combinations that never occur (31 February), unless a
    /// restricted day of week can still match.
    private func checkReachable() throws(CronError) {
        guard daysOfWeek.isStar || daysOfMonth.isStar else { return }
        let longest =
            months.values.map { [1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31][$0]! }.max() ?? 31
        if let first = daysOfMonth.values.min(), first > longest {
            throw CronError(
                field: 2, "day \(first) never occurs in the months chosen (the longest has \(longest) days): the job would never run")
        }
    }

    static func parse(_ text: String, index: Int) throws(CronError) -> Field {
        let range = ranges[index]
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !item.isEmpty else { throw CronError(field: index, "empty list item in '\(text)'") }
            var body = item
            var step = 1
            if let slash = item.firstIndex(of: "/") {
                body = String(item[..<slash])
                let stepText = String(item[item.index(after: slash)...])
                guard let parsed = Int(stepText), parsed > 0 else {
                    throw CronError(field: index, "step '\(stepText)' must be a positive whole number")
                }
                step = parsed
            }
            let bounds: ClosedRange<Int>
            if body == "*" {
                bounds = range
            } else if let dash = body.firstIndex(of: "-") {
                let low = try value(String(body[..<dash]), index: index),
                    high = try value(String(body[body.index(after: dash)...]), index: index)
                guard low <= high else { throw CronError(field: index, "range \(body) runs backwards") }
                bounds = low...high
            } else {
                let single = try value(body, index: index)
                // "5/10" means from 5 to the end in steps of 10, as cronie reads it.
                bounds = item.contains("/") ? single...range.upperBound : single...single
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return Field(values: values, isStar: text.hasPrefix("*"))
    }

    static func value(_ text: String, index: Int) throws(CronError) -> Int {
        let lower = text.lowercased()
        if index == 3, let month = monthNames.firstIndex(of: lower) { return month + 1 }
        if index == 4, let day = dayNames.firstIndex(of: lower) { return day }
        guard let number = Int(text) else {
            let names = index == 3 ? " or a month name (jan…dec)" : index == 4 ? " or a day name (sun…sat)" : ""
            throw CronError(field: index, "'\(text)' is not a number\(names)")
        }
        let range = ranges[index]
        guard range.contains(number) else {
            throw CronError(field: index, "\(number) is out of range \(range.lowerBound)-\(range.upperBound)")
        }
        return number
    }

    /// Whether the job runs on this day (weekday 0 = Sunday); times are matched by `CronSchedule`.
    func matchesDay(day: Int, weekday: Int) -> Bool {
        let dayOfMonth = daysOfMonth.values.contains(day), dayOfWeek = daysOfWeek.values.contains(weekday)
        // cron(8): if both fields are restricted, either may match.
        if !daysOfMonth.isStar && !daysOfWeek.isStar { return dayOfMonth || dayOfWeek }
        return dayOfMonth && dayOfWeek
    }
}

/// What is wrong with a cron expression, and in which field.
public struct CronError: Error, Sendable, CustomStringConvertible {
    /// 0-based field index, or nil for the whole expression.
    public var field: Int?
    public var message: String

    init(field: Int?, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String {
        guard let field else { return message }
        return "field \(field + 1) (\(CronExpression.fieldNames[field])): \(message)"
    }
}
