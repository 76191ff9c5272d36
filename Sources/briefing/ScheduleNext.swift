import ArgumentParser
import BriefingSchedule
import Foundation

/// `briefing schedule next EXPR`: when an expression fires.
struct ScheduleNext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Print the next run times of a cron expression, in local time (set TZ to change it).")

    @Argument(help: "A cron expression, e.g. \"0 6 * * mon\".")
    var expression: String

    /// Taken unconditionally, so `--count -1` is a value to refuse ("must be 1 to 1000"),
    /// not a missing one.
    @Option(name: .long, parsing: .unconditional, help: "How many run times (1 to 1000).")
    var count = 5

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Start after this time (ISO 8601: 2027-03-27T12:00:00Z, or without a zone for local time in TZ); default now.",
            valueName: "time"))
    var from: String?

    func run() throws {
        let parsed = try ScheduleCommand.expression(expression)
        var start = Date()
        if let from {
            guard let date = CronTime.parse(from) else {
                throw ExitStatus.fail(
                    InputErrorFactory.usage(
                        "--from", "expected an ISO 8601 time such as 2027-03-27T12:00:00Z or 2027-03-27T12:00, found '\(from)'"))
            }
            start = date
        }
        guard (1...1000).contains(count) else { throw ExitStatus.fail(InputErrorFactory.usage("--count", "--count must be 1 to 1000")) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        let times = CronSchedule(parsed).next(after: start, count: count)
        if times.isEmpty { print("never: no day of the 400-year Gregorian calendar cycle matches '\(expression)'") }
        for time in times { print("\(formatter.string(from: time))  \(ScheduleCommand.localTime(time))") }
    }
}
