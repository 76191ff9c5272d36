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

    /// Days in the Gregorian cycle: the calendar (leap years and weekdays together) repeats
    /// every 400 years, so a day that matches nowhere in one cycle never matches.
    public static let cycleDays = 146_097

    /// The next `count` run times strictly after `date`. There is no search horizon shorter
    /// than the calendar's own period: leap-day schedules (every 4 years, 8 across 2100) and
    /// 31st-of-month schedules are found however far apart their runs are, and an expression
    /// that can never fire ("0 0 30 2 *") ends after one cycle with no run.
    public func next(after date: Date, count: Int) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var results: [Date] = []
        let start = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        var (year, month, day) = (start.year!, start.month!, start.day!)
        var weekday = start.weekday! - 1  // 0 = Sunday, as cron counts
        let minutes = expression.minutes.values.sorted(), hours = expression.hours.values.sorted()
        let repeatsInFoldedHour = expression.minutes.isStar || expression.hours.isStar
        var daysWithoutRun = 0
        while results.count < count, daysWithoutRun <= Self.cycleDays {
            daysWithoutRun += 1
            if expression.months.values.contains(month), expression.matchesDay(day: day, weekday: weekday) {
                var times: [Date] = []
                for hour in hours {
                    for minute in minutes {
                        times += instants(
                            year: year, month: month, day: day, hour: hour, minute: minute, calendar: calendar,
                            twiceIfRepeated: repeatsInFoldedHour)
                    }
                }
                for time in Set(times).sorted() where time > date && results.count < count {
                    results.append(time)
                    daysWithoutRun = 0
                }
            }
            // The next civil day, by arithmetic: a Calendar call per day would make a
            // cycle-long search take seconds.
            weekday = (weekday + 1) % 7
            day += 1
            if day > Self.daysIn(month: month, year: year) {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        return results
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
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
