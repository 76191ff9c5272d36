import BriefingRunState
import Foundation

/// A scheduled job, stored whole: its name, cron expression and every `generate` argument
/// (paths made absolute when it was added). The crontab line only says `briefing run-job
/// NAME --jobs FOLDER`, so no option can be lost by rebuilding a command from the crontab,
/// and `list`, `doctor` and `remove` read the job from here.
public struct JobFile: Codable, Sendable, Equatable {
    public var name: String
    public var schedule: String
    /// The arguments of `briefing generate`, e.g. `["--template", "/t", "--output", "/o.pdf", "--strict"]`.
    public var arguments: [String]
    /// The absolute output path (also in `arguments`), for `list` and `doctor`.
    public var output: String
    /// ISO 8601, UTC.
    public var created: String
    public var program: String
    /// The environment the run depends on, as it was when the job was added: `BRIEFING_HOME`
    /// (the templates and fonts this binary found then, set or not) and `TZ` when set (the
    /// day "today" means). Cron's environment is empty; `run-job` starts from that and adds
    /// these, so a job runs the same by hand and under cron. Nil in job files of earlier
    /// versions.
    public var environment: [String: String]?

    public init(
        name: String, schedule: String, arguments: [String], output: String, created: String, program: String,
        environment: [String: String]? = nil
    ) {
        self.name = name
        self.schedule = schedule
        self.arguments = arguments
        self.output = output
        self.created = created
        self.program = program
        self.environment = environment
    }

    /// `$BRIEFING_JOBS`, else `$XDG_STATE_HOME/briefing/jobs`, else `~/.local/state/briefing/jobs`.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["BRIEFING_JOBS"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("briefing/jobs")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/state/briefing/jobs")
    }

    public static func url(_ name: String, in folder: URL) -> URL { folder.appendingPathComponent("\(name).json") }

    /// Where cron sends the job's output.
    public static func logURL(_ name: String, in folder: URL) -> URL { folder.appendingPathComponent("\(name).log") }

    /// The job's last run, whatever stage it ended in (a failure before the output's state
    /// folder could be made included), as `schedule list` and `doctor` show it. Hand runs of
    /// `generate` for the same output are not the job's and are not in it.
    public static func lastRunURL(_ name: String, in folder: URL) -> URL { folder.appendingPathComponent("\(name).last-run.json") }

    public static func lastRun(_ name: String, in folder: URL) -> RunManifest.Run? {
        guard let data = FileManager.default.contents(atPath: lastRunURL(name, in: folder).path) else { return nil }
        return try? JSONDecoder().decode(RunManifest.Run.self, from: data)
    }

    public static func recordLastRun(_ run: RunManifest.Run, name: String, in folder: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try? encoder.encode(run).write(to: lastRunURL(name, in: folder), options: .atomic)
    }

    /// The job, or nil if there is no file; a file that does not decode throws.
    public static func read(_ name: String, in folder: URL) throws -> JobFile? {
        let url = url(name, in: folder)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(JobFile.self, from: data)
        } catch {
            throw JobFileError(message: "\(url.path): not a job file (\(error))")
        }
    }

    /// Writes the job atomically, creating the folder.
    public func write(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: Self.url(name, in: folder), options: .atomic)
    }

    public static func remove(_ name: String, in folder: URL) {
        try? FileManager.default.removeItem(at: url(name, in: folder))
        try? FileManager.default.removeItem(at: lastRunURL(name, in: folder))
    }

    /// The crontab command that runs this job.
    public static func command(executable: String, name: String, folder: URL) -> String {
        CronCommand.line(
            executable: executable, arguments: ["run-job", name, "--jobs", folder.path], log: logURL(name, in: folder).path)
    }

    /// The crontab line of a delivering job's outbox: `NAME.outbox`, every minute, resending
    /// what a relay could not take (`run-job NAME --outbox`) when its backoff (1, 2, 4, 8,
    /// then every 10 minutes) has passed; a minute with nothing due costs a process start.
    public static let outboxSuffix = ".outbox"
    public static let outboxSchedule = "* * * * *"

    public static func outboxCommand(executable: String, name: String, folder: URL) -> String {
        CronCommand.line(
            executable: executable, arguments: ["run-job", name, "--jobs", folder.path, "--outbox"],
            log: logURL(name + outboxSuffix, in: folder).path)
    }

    /// The job name and folder of a crontab command written by `command`, or nil for a line
    /// of the earlier format (the whole `generate` command in the crontab).
    public static func reference(in command: String) -> (name: String, folder: URL)? {
        let words = CronCommand.words(of: command)
        guard let index = words.firstIndex(of: "run-job"), index + 3 < words.count, words[index + 2] == "--jobs" else { return nil }
        return (words[index + 1], URL(fileURLWithPath: words[index + 3]))
    }
}

/// A job file that cannot be read.
public struct JobFileError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
