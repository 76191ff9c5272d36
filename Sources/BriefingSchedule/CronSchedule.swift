import Foundation

/// When a cron expression fires, in a time zone's wall-clock time, the way Debian's cron
/// treats daylight-saving changes: a time skipped when clocks go forward runs at the moment
/// of the change; a time repeated when clocks go back runs once for fixed-time jobs and
/// twice for jobs whose minute or hour field is `*`.
public struct CronSchedule: Sendable {
    public var expression: CronExpression
    public var timeZone: TimeZone

    public init(_ expression: CronExpression, timeZone: TimeZone = .current) {
        self.expression = expression
        self.timeZone = timeZone
    }

    /// The next `count` run times strictly after `date`, searching up to `years` ahead.
    public func next(after date: Date, count: Int, years: Int = 8) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var results: [Date] = []
        let start = calendar.dateComponents([.year, .month, .day], from: date)
        guard var day = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day, hour: 12)) else {
            return []
        }
        let minutes = expression.minutes.values.sorted(), hours = expression.hours.values.sorted()
        let repeatsInFoldedHour = expression.minutes.isStar || expression.hours.isStar
        for _ in 0..<(366 * years) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            let (year, month, dayOfMonth) = (parts.year!, parts.month!, parts.day!)
            if expression.months.values.contains(month), expression.matchesDay(day: dayOfMonth, weekday: parts.weekday! - 1) {
                var times: [Date] = []
                for hour in hours {
                    for minute in minutes {
                        times += instants(
                            year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, calendar: calendar,
                            twiceIfRepeated: repeatsInFoldedHour)
                    }
                }
                for time in Set(times).sorted() where time > date {
                    results.append(time)
                    if results.count == count { return results }
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return results
    }

    /// The instants a wall-clock time stands for: one normally, none-but-the-change in a gap,
    /// one or two in a repeated hour.
    private func instants(year: Int, month: Int, day: Int, hour: Int, minute: Int, calendar: Calendar, twiceIfRepeated: Bool) -> [Date] {
        let wanted = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard let candidate = calendar.date(from: wanted) else { return [] }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: candidate)
        if back.hour != hour || back.minute != minute || back.day != day {
            // Skipped by a forward change: run at the instant the clocks changed.
            let dayStart = calendar.startOfDay(for: candidate).addingTimeInterval(-3 * 3600)
            if let change = timeZone.nextDaylightSavingTimeTransition(after: dayStart), change <= candidate { return [change] }
            return [candidate]
        }
        // A repeated wall-clock time also exists one offset-change later.
        var result = [candidate]
        let offset = timeZone.secondsFromGMT(for: candidate)
        for shift in [3600.0, 1800.0, 7200.0] {
            let later = candidate.addingTimeInterval(shift)
            let laterParts = calendar.dateComponents([.hour, .minute, .day], from: later)
            if laterParts.hour == hour, laterParts.minute == minute, laterParts.day == day, timeZone.secondsFromGMT(for: later) != offset {
                if twiceIfRepeated { result.append(later) }
                break
            }
        }
        return result
    }
}
