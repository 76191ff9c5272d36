import Foundation

/// Times as users type them for `schedule next --from`: ISO 8601 with a zone
/// (`2027-03-27T12:00:00Z`, `+01:00`), or without one, meaning wall-clock time in `TZ`
/// (`2026-02-27T10:07:00`, `2026-02-27T10:07`, `2026-02-27 10:07`).
public enum CronTime {
    public static func parse(_ text: String, timeZone: TimeZone = .current) -> Date? {
        if let zoned = ISO8601DateFormatter().date(from: text) { return zoned }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.isLenient = false
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
