import BriefingModel
import Foundation

/// The date printed on a briefing: `--date`, else `SOURCE_DATE_EPOCH` (reproducible builds),
/// else the template's policy (today, in local time, or a fixed date).
public enum BriefingDate {
    public static func resolve(flag: String?, environment: [String: String], policy: BriefingSpec.DatePolicy, now: Date = Date()) throws
        -> FuzzyDate
    {
        if let flag {
            guard let date = try? FuzzyDate.parse(flag), date.precision == .day else {
                throw InputError(kind: .usage, SourceLocation(file: "--date"), "expected a date YYYY-MM-DD, found '\(flag)'")
            }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else {
                throw InputError(
                    kind: .usage, SourceLocation(file: "SOURCE_DATE_EPOCH"), "expected whole seconds since 1970, found '\(epoch)'")
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
