import BriefingModel
import Foundation

/// The date printed on a briefing: `--date`, else `SOURCE_DATE_EPOCH` (reproducible builds),
/// else the template's policy (today, in local time, or a fixed date).
public enum BriefingDate {
    public static func resolve(flag: String?, environment: [String: String], policy: BriefingSpec.DatePolicy, now: Date = Date()) throws
        -> FuzzyDate
    {
        if let flag {
            let date: FuzzyDate
            do {
                date = try FuzzyDate.parse(flag)
            } catch {
                // "February 2026 has no day 30 (it has 28 days)" says more than "expected a date";
                // text that is no date at all gets the one form --date takes.
                let message = error.unrecognised ? "expected a day, YYYY-MM-DD, found '\(flag)'" : "\(error.message) (expected YYYY-MM-DD)"
                throw InputError(kind: .usage, SourceLocation.argument("--date"), message)
            }
            guard date.precision == .day else {
                throw InputError(kind: .usage, SourceLocation.argument("--date"), "expected a day, YYYY-MM-DD, found '\(flag)'")
            }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            let location = SourceLocation.argument("SOURCE_DATE_EPOCH")
            guard let seconds = Int(epoch) else {
                throw InputError(kind: .usage, location, "expected whole seconds since 1970, found '\(epoch)'")
            }
            // Checked before the calendar sees it: a year like 506713 prints nonsense and a
            // malformed PDF date.
            let earliest = -5_364_662_400, latest = 7_258_118_399  // 1800-01-01 and 2199-12-31 23:59:59 UTC
            guard (earliest...latest).contains(seconds) else {
                throw InputError(
                    kind: .usage, location,
                    "\(epoch) seconds is outside the years a briefing may carry (\(FuzzyDate.years.lowerBound)-\(FuzzyDate.years.upperBound))"
                )
            }
            return day(of: Date(timeIntervalSince1970: TimeInterval(seconds)), timeZone: TimeZone(identifier: "UTC")!)
        }
        switch policy {
        case .fixed(let date): return date
        case .today: return day(of: now, timeZone: .current)
        }
    }

    static func day(of date: Date, timeZone: TimeZone) -> FuzzyDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return FuzzyDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
