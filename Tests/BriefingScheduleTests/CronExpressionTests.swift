import Foundation
import Testing

@testable import BriefingSchedule

@Suite struct CronExpressionTests {
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Expression, zone, start, and the next run times (UTC), worked out independently
    /// (Python's zoneinfo for the daylight-saving rows).
    static let table: [(String, String, String, [String])] = [
        ("0 6 * * 1", "UTC", "2026-11-29T03:00:00Z", ["2026-11-30T06:00:00Z", "2026-12-07T06:00:00Z", "2026-12-14T06:00:00Z"]),
        ("0 6 * * mon", "UTC", "2026-11-30T06:00:00Z", ["2026-12-07T06:00:00Z"]),
        // Month ends: only months with a 31st.
        ("0 0 31 * *", "UTC", "2026-01-31T00:00:00Z", ["2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z"]),
        // Leap years.
        ("0 12 29 2 *", "UTC", "2026-01-01T00:00:00Z", ["2028-02-29T12:00:00Z", "2032-02-29T12:00:00Z"]),
        // Both day fields restricted: either matches (Monday 30 Nov, Tuesday 1 Dec, Monday 7 Dec).
        ("0 0 1 * mon", "UTC", "2026-11-29T12:00:00Z", ["2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"]),
        // A starred day of month (even with a step) leaves only the weekday.
        ("0 0 */1 * mon", "UTC", "2026-11-29T12:00:00Z", ["2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z"]),
        ("*/15 9-10 * * *", "UTC", "2026-11-30T09:50:00Z", ["2026-11-30T10:00:00Z", "2026-11-30T10:15:00Z", "2026-11-30T10:30:00Z"]),
        ("30 8 * jan,jul sun", "UTC", "2026-11-29T00:00:00Z", ["2027-01-03T08:30:00Z", "2027-01-10T08:30:00Z", "2027-01-17T08:30:00Z"]),
        ("0 0 * * 7", "UTC", "2026-11-29T12:00:00Z", ["2026-12-06T00:00:00Z"]),
        ("5/20 * * * *", "UTC", "2026-11-30T10:00:00Z", ["2026-11-30T10:05:00Z", "2026-11-30T10:25:00Z", "2026-11-30T10:45:00Z"]),
        ("@weekly", "UTC", "2026-11-29T12:00:00Z", ["2026-12-06T00:00:00Z"]),
        ("@daily", "UTC", "2026-11-29T12:00:00Z", ["2026-11-30T00:00:00Z"]),
        ("@hourly", "UTC", "2026-11-29T12:00:00Z", ["2026-11-29T13:00:00Z"]),
        // London, clocks forward at 01:00 UTC on 28 March 2027: 01:30 does not exist that day, so
        // the job runs at the change; the next day 01:30 BST is 00:30 UTC.
        ("30 1 * * *", "Europe/London", "2027-03-27T12:00:00Z", ["2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z"]),
        // Monday 06:00 local across the change: 06:00 GMT, then 06:00 BST (05:00 UTC).
        ("0 6 * * 1", "Europe/London", "2027-03-20T00:00:00Z", ["2027-03-22T06:00:00Z", "2027-03-29T05:00:00Z"]),
        // London, clocks back at 01:00 UTC on 31 October 2027: a fixed 01:30 runs once...
        ("30 1 * * *", "Europe/London", "2027-10-30T12:00:00Z", ["2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"]),
        // ...and an hourly job runs in both passes of the repeated hour.
        ("30 * * * *", "Europe/London", "2027-10-31T00:00:00Z", ["2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z", "2027-10-31T02:30:00Z"]),
    ]

    @Test(arguments: table.indices)
    func nextRunTimesMatchKnownAnswers(row: Int) throws {
        let (text, zone, from, expected) = Self.table[row]
        let schedule = CronSchedule(try CronExpression(text), timeZone: TimeZone(identifier: zone)!)
        let runs = schedule.next(after: Self.utc(from), count: expected.count).map(Self.iso)
        #expect(runs == expected, "\(text) in \(zone) after \(from)")
    }

    @Test(arguments: [
        ("61 * * * *", "field 1 (minute): 61 is out of range 0-59"),
        ("* 24 * * *", "field 2 (hour): 24 is out of range 0-23"),
        ("* * 0 * *", "field 3 (day of month): 0 is out of range 1-31"),
        ("* * * foo *", "field 4 (month): 'foo' is not a number or a month name (jan…dec)"),
        ("* * * * funday", "field 5 (day of week): 'funday' is not a number or a day name (sun…sat)"),
        ("*/0 * * * *", "field 1 (minute): step '0' must be a positive whole number"),
        ("10-5 * * * *", "field 1 (minute): range 10-5 runs backwards"),
        ("1,,2 * * * *", "field 1 (minute): empty list item in '1,,2'"),
        ("* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), found 4"),
        (
            "0 0 31 2 *",
            "field 3 (day of month): day 31 never occurs in the months chosen (the longest has 29 days): the job would never run"
        ),
    ])
    func badExpressionsNameTheFieldAndTheProblem(text: String, message: String) {
        #expect(throws: CronError.self) { try CronExpression(text) }
        do {
            _ = try CronExpression(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rejectsReboot() {
        #expect(throws: CronError.self) { try CronExpression("@reboot") }
    }

    @Test func findsLeapDaysFarAhead() throws {
        let schedule = CronSchedule(try CronExpression("0 0 29 2 *"), timeZone: TimeZone(identifier: "UTC")!)
        #expect(schedule.next(after: Self.utc("2097-01-01T00:00:00Z"), count: 1).map(Self.iso) == ["2104-02-29T00:00:00Z"])
    }
}

/// Run times far apart (leap days, the 31st, both day fields) against an independent
/// implementation: the answers below are croniter 6's for the same expressions and starts (UTC).
@Suite struct CronHorizonTests {
    private func next(_ expression: String, from start: String, count: Int = 5) throws -> [String] {
        let utc = TimeZone(identifier: "UTC")!
        let schedule = CronSchedule(try CronExpression(expression), timeZone: utc)
        let formatter = ISO8601DateFormatter()
        let from = try #require(CronTime.parse(start, timeZone: utc))
        return schedule.next(after: from, count: count).map { String(formatter.string(from: $0).prefix(16)) }
    }

    @Test func leapDaysEveryFourYearsAndAcross2100() throws {
        #expect(
            try next("0 0 29 2 *", from: "2026-02-27T10:07:00") == [
                "2028-02-29T00:00", "2032-02-29T00:00", "2036-02-29T00:00", "2040-02-29T00:00", "2044-02-29T00:00",
            ])
        // 2100 is not a leap year: eight years between runs.
        #expect(try next("0 0 29 2 *", from: "2096-03-01T00:00", count: 3) == ["2104-02-29T00:00", "2108-02-29T00:00", "2112-02-29T00:00"])
    }

    @Test func thirtyFirstsAndBothDayFields() throws {
        #expect(
            try next("0 0 31 * *", from: "2026-01-15T00:00") == [
                "2026-01-31T00:00", "2026-03-31T00:00", "2026-05-31T00:00", "2026-07-31T00:00", "2026-08-31T00:00",
            ])
        #expect(
            try next("15 3 31 4,6,9,11,12 *", from: "2026-01-01T00:00") == [
                "2026-12-31T03:15", "2027-12-31T03:15", "2028-12-31T03:15", "2029-12-31T03:15", "2030-12-31T03:15",
            ])
        #expect(
            try next("30 6 13 * fri", from: "2026-02-01T00:00") == [
                "2026-02-06T06:30", "2026-02-13T06:30", "2026-02-20T06:30", "2026-02-27T06:30", "2026-03-06T06:30",
            ])
        #expect(
            try next("0 12 29 2 mon", from: "2026-03-01T00:00") == [
                "2027-02-01T12:00", "2027-02-08T12:00", "2027-02-15T12:00", "2027-02-22T12:00", "2028-02-07T12:00",
            ])
    }

    @Test func aTimeWithoutAZoneIsLocal() throws {
        let london = TimeZone(identifier: "Europe/London")!
        let summer = try #require(CronTime.parse("2026-07-01T05:30", timeZone: london))
        #expect(ISO8601DateFormatter().string(from: summer) == "2026-07-01T04:30:00Z")
        #expect(CronTime.parse("2026-02-27T10:07:00Z") != nil && CronTime.parse("27/02/2026") == nil)
    }
}
