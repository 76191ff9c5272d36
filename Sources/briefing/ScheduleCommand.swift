import ArgumentParser
import BriefingSchedule
import Foundation

/// `briefing schedule`: regenerate briefings from cron. Each job is a job file (every
/// `generate` option) plus one line in a marked block of the user's crontab.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Manage cron jobs that regenerate briefings (job files, run from a marked block of your crontab).",
        subcommands: [ScheduleAdd.self, ScheduleList.self, ScheduleRemove.self, ScheduleNext.self]
    )

    /// Parses an expression or exits 64 naming the field and the problem.
    static func expression(_ text: String) throws -> CronExpression {
        do {
            return try CronExpression(text)
        } catch {
            throw ExitStatus.fail(
                InputErrorFactory.usage(
                    "cron expression", "bad cron expression '\(text)': \(error)",
                    hint: "five fields: minute hour day-of-month month day-of-week, e.g. \"0 6 * * mon\""))
        }
    }

    /// "Mon 30 Nov 2026 06:00 GMT" in the local time zone.
    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = .current
        formatter.dateFormat = "EEE d MMM yyyy HH:mm zzz"
        return formatter.string(from: date)
    }

    /// The job a crontab entry runs: its job file, or for an entry of the earlier format (the
    /// whole command in the crontab) the `generate` words found there.
    enum Stored {
        case file(JobFile)
        case missingFile(URL)
        case legacy(words: [String])

        init(_ job: CrontabBlock.Job) {
            if let reference = JobFile.reference(in: job.command) {
                if let file = try? JobFile.read(reference.name, in: reference.folder) {
                    self = .file(file)
                } else {
                    self = .missingFile(JobFile.url(reference.name, in: reference.folder))
                }
            } else {
                let words = CronCommand.words(of: job.command)
                let start = words.firstIndex(of: "generate").map { $0 + 1 } ?? words.count
                let end = words.firstIndex(where: { $0.hasPrefix(">") }) ?? words.count
                self = .legacy(words: start < end ? Array(words[start..<end]) : [])
            }
        }

        /// The output the job writes, if known.
        var output: URL? {
            switch self {
            case .file(let file): return URL(fileURLWithPath: file.output)
            case .missingFile: return nil
            case .legacy(let words):
                guard let index = words.firstIndex(of: "--output"), index + 1 < words.count else { return nil }
                return URL(fileURLWithPath: words[index + 1])
            }
        }

        /// The `generate` arguments the job runs with.
        var arguments: [String] {
            switch self {
            case .file(let file): file.arguments
            case .missingFile: []
            case .legacy(let words): words
            }
        }
    }
}
