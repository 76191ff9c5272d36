import ArgumentParser
import BriefingSchedule
import Foundation

/// `briefing schedule`: regenerate briefings from cron.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Manage cron jobs that regenerate briefings (in a marked block of your crontab).",
        subcommands: [Add.self, List.self, Remove.self, Next.self]
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add (or replace) a job.",
            discussion:
                "Everything after -- is passed to 'briefing generate'; relative paths are made absolute now, because cron runs jobs from $HOME."
        )

        @Argument(help: "Job name (letters, digits, '-', '_', '.').")
        var name: String

        @Option(name: .long, help: ArgumentHelp("When to run: five cron fields or @daily, @weekly, ...", valueName: "expr"))
        var cron: String

        @Option(name: .long, help: ArgumentHelp("Keep N dated copies in archive/ beside the output.", valueName: "n"))
        var keep: Int?

        @Flag(name: .long, help: "Skip a run when no input changed since the last successful one.")
        var ifChanged = false

        @Argument(parsing: .postTerminator, help: "Options for 'briefing generate'.")
        var generateOptions: [String] = []

        func run() throws {
            guard CrontabBlock.isValidName(name) else {
                throw ExitStatus.fail(InputErrorFactory.usage("NAME", "job name '\(name)' may use letters, digits, '-', '_' and '.' only"))
            }
            let expression = try ScheduleCommand.expression(cron)
            do {
                let generate = try Generate.parse(generateOptions)
                let arguments = try JobArguments.build(from: generate, keep: keep, ifChanged: ifChanged)
                let command = CronCommand.line(executable: JobArguments.executable, arguments: arguments.words, log: arguments.log.path)
                let current = try Crontab.read()
                try Crontab.write(CrontabBlock.setting(.init(name: name, schedule: expression.description, command: command), in: current))
                print("scheduled '\(name)' (\(expression.description)): writes \(arguments.output.path)")
                for time in CronSchedule(expression).next(after: Date(), count: 3) { print("  next: \(ScheduleCommand.localTime(time))") }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw ExitStatus.fail(error)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs with their next three run times and last result.")

        func run() throws {
            do {
                let jobs = CrontabBlock.jobs(in: try Crontab.read() ?? "")
                if jobs.isEmpty { print("no scheduled briefings (add one with 'briefing schedule add')") }
                for job in jobs {
                    print("\(job.name)  \(job.schedule)")
                    if let expression = try? CronExpression(job.schedule) {
                        let times = CronSchedule(expression).next(after: Date(), count: 3).map(ScheduleCommand.localTime)
                        print("  next: \(times.joined(separator: "; "))")
                    } else {
                        print("  next: the expression is not valid (run 'briefing doctor')")
                    }
                    let words = CronCommand.words(of: job.command)
                    if let index = words.firstIndex(of: "--output"), index + 1 < words.count {
                        let output = URL(fileURLWithPath: words[index + 1])
                        print("  output: \(output.path)")
                        if let run = RunManifest.read(for: output)?.lastRun {
                            let detail = run.message.map { ": \($0)" } ?? ""
                            print(
                                "  last run: \(run.started) \(run.result) (exit \(run.exitCode), \(String(format: "%.2f", run.durationSeconds)) s)\(detail)"
                            )
                        } else {
                            print("  last run: none yet")
                        }
                    }
                }
            } catch {
                throw ExitStatus.fail(error)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a job, or every job with --all; the rest of the crontab is left as it was.")

        @Argument(help: "Job name.")
        var name: String?

        @Flag(name: .long, help: "Remove every job this program added.")
        var all = false

        func validate() throws {
            if (name == nil) == !all { throw ValidationError("name a job, or pass --all") }
        }

        func run() throws {
            do {
                let current = try Crontab.read()
                let jobs = CrontabBlock.jobs(in: current ?? "")
                if let name, !jobs.contains(where: { $0.name == name }) {
                    let names = jobs.map(\.name)
                    throw InputErrorFactory.usage(
                        "NAME", "no scheduled job named '\(name)'",
                        hint: names.isEmpty ? "there are no scheduled jobs" : "jobs: \(names.joined(separator: ", "))")
                }
                guard let current, !jobs.isEmpty else {
                    print("nothing to remove")
                    return
                }
                try Crontab.write(CrontabBlock.removing(name, in: current))
                print(name.map { "removed '\($0)'" } ?? "removed \(jobs.count) job(s)")
            } catch {
                throw ExitStatus.fail(error)
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the next run times of a cron expression, in local time (set TZ to change it).")

        @Argument(help: "A cron expression, e.g. \"0 6 * * mon\".")
        var expression: String

        @Option(name: .long, help: "How many run times.")
        var count = 5

        @Option(
            name: .long,
            help: ArgumentHelp("Start after this instant (ISO 8601, e.g. 2027-03-27T12:00:00Z); default now.", valueName: "time"))
        var from: String?

        func run() throws {
            let parsed = try ScheduleCommand.expression(expression)
            var start = Date()
            if let from {
                let formatter = ISO8601DateFormatter()
                guard let date = formatter.date(from: from) else {
                    throw ExitStatus.fail(
                        InputErrorFactory.usage("--from", "expected an ISO 8601 time such as 2027-03-27T12:00:00Z, found '\(from)'"))
                }
                start = date
            }
            guard (1...1000).contains(count) else { throw ExitStatus.fail(InputErrorFactory.usage("--count", "--count must be 1 to 1000")) }
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = .current
            formatter.formatOptions = [.withInternetDateTime]
            let times = CronSchedule(parsed).next(after: start, count: count)
            if times.isEmpty { print("no run time within 8 years") }
            for time in times { print("\(formatter.string(from: time))  \(ScheduleCommand.localTime(time))") }
        }
    }
}
