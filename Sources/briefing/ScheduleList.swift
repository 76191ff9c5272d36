import ArgumentParser
import BriefingSchedule
import Foundation

/// `briefing schedule list`: each job, its next runs and its last result.
struct ScheduleList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List jobs with their next three run times and last result.")

    func run() throws {
        do {
            let jobs = CrontabBlock.jobs(in: try Crontab.read() ?? "")
            if jobs.isEmpty { print("no scheduled briefings (add one with 'briefing schedule add')") }
            let retried = Set(jobs.map(\.name).filter { $0.hasSuffix(JobFile.outboxSuffix) })
            for job in jobs where !retried.contains(job.name) { show(job, outbox: retried.contains(job.name + JobFile.outboxSuffix)) }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    private func show(_ job: CrontabBlock.Job, outbox: Bool) {
        print("\(job.name)  \(job.schedule)")
        if let expression = try? CronExpression(job.schedule) {
            let times = CronSchedule(expression).next(after: Date(), count: 3).map(ScheduleCommand.localTime)
            print("  next: \(times.joined(separator: "; "))")
        } else {
            print("  next: the expression is not valid (run 'briefing doctor')")
        }
        let stored = ScheduleCommand.Stored(job)
        switch stored {
        case .file(let file): print("  runs: generate \(file.arguments.joined(separator: " "))")
        case .missingFile(let url): print("  job file missing: \(url.path) (run 'briefing doctor')")
        case .legacy: print("  stored in the crontab in the earlier format (run 'briefing doctor' to migrate)")
        }
        if outbox { print("  mail: undelivered messages retried when due, checked every minute ('\(job.name)\(JobFile.outboxSuffix)')") }
        guard let output = stored.output else { return }
        print("  output: \(output.path)")
        // The job's own last run, whatever stage it ended in; a hand run of the same output
        // is not the job's.
        let reference = JobFile.reference(in: job.command)
        let run = reference.flatMap { JobFile.lastRun($0.name, in: $0.folder) }
        if let run {
            let detail = run.message.map { ": \($0)" } ?? ""
            let seconds = String(format: "%.2f", run.durationSeconds)
            print("  last run: \(run.started) \(run.result.rawValue) (exit \(run.exitCode), \(seconds) s)\(detail)")
            if run.result == .failed || run.result == .needsReview, let reference {
                print("  log: \(JobFile.logURL(reference.name, in: reference.folder).path)")
            }
        } else {
            print("  last run: none yet")
        }
    }
}

/// `briefing schedule remove NAME | --all`.
struct ScheduleRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a job, or every job with --all; the rest of the crontab is left as it was.")

    @Argument(help: "Job name.")
    var name: String?

    @Flag(name: .long, help: "Remove every job this program added.")
    var all = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if (name == nil) == !all { throw ValidationError("name a job, or pass --all") }
    }

    func run() throws {
        do {
            let current = try Crontab.read()
            let jobs = CrontabBlock.jobs(in: current ?? "")
            // A job's retry line goes with the job; it is not a job to name.
            let named = jobs.filter { !$0.name.hasSuffix(JobFile.outboxSuffix) }
            if let name, !named.contains(where: { $0.name == name }) {
                let names = named.map(\.name)
                throw InputErrorFactory.usage(
                    "NAME", "no scheduled job named '\(name)'",
                    hint: names.isEmpty ? "there are no scheduled jobs" : "jobs: \(names.joined(separator: ", "))")
            }
            guard let current, !jobs.isEmpty else {
                if !quiet { print("nothing to remove") }
                return
            }
            var remaining: String? = current
            for removed in name.map({ [$0, $0 + JobFile.outboxSuffix] }) ?? [nil] {
                remaining = remaining.flatMap { CrontabBlock.removing(removed, in: $0) }
            }
            try Crontab.write(remaining)
            for job in jobs where (name == nil || job.name == name) && !job.name.hasSuffix(JobFile.outboxSuffix) {
                if let reference = JobFile.reference(in: job.command) { JobFile.remove(reference.name, in: reference.folder) }
            }
            if !quiet { print(name.map { "removed '\($0)'" } ?? "removed \(named.count) job(s)") }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
