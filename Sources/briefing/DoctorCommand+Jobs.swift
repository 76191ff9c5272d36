import BriefingDelivery
import BriefingPipeline
import BriefingRunState
import BriefingSchedule
import Foundation

extension DoctorCommand {
    /// One scheduled job: its expression, binary and job file; then the job's own checks run
    /// the way cron runs the job (`run-job NAME --check` in a child with cron's empty
    /// environment, from `$HOME`), and its last run with why it failed. A job of the earlier
    /// format (the whole command in the crontab) gets the command that migrates it. A job's
    /// `NAME.outbox` line is part of the job, not a job of its own.
    func check(job: CrontabBlock.Job, report: Report, hasRetryLine: Bool) {
        let name = "job '\(job.name)'"
        do {
            let expression = try CronExpression(job.schedule)
            let next = CronSchedule(expression).next(after: Date(), count: 1).first.map(ScheduleCommand.localTime) ?? "never"
            report.ok("\(name): '\(job.schedule)' is valid; next run \(next)")
        } catch {
            report.fail(
                "\(name): '\(job.schedule)' is not a valid cron expression: \(error)",
                fix: "briefing schedule add \(job.name) --cron \"...\" -- ...")
        }
        let words = CronCommand.words(of: job.command)
        let binary = words.first(where: { $0.hasPrefix("/") }).flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
        if let binary {
            report.ok("\(name): runs \(binary)")
        } else {
            report.fail("\(name): its binary is missing", fix: "schedule it again with the installed binary")
        }
        switch ScheduleCommand.Stored(job) {
        case .file(let file):
            guard let reference = JobFile.reference(in: job.command) else { return }
            report.ok("\(name): job file \(JobFile.url(reference.name, in: reference.folder).path)")
            if let binary { checkAsCron(file, binary: binary, folder: reference.folder, name: name, report: report) }
            lastRun(of: file, folder: reference.folder, name: name, report: report)
            if let deliver = file.arguments.firstIndex(of: "--deliver").map({ file.arguments[$0 + 1] }) {
                // A batch's mail waits in each row's outbox.
                let outputs = (try? Generate.parsed(file.arguments, what: "job '\(name)'").mainOutputs()) ?? [file.output]
                for output in outputs {
                    outbox(output: URL(fileURLWithPath: output), delivery: URL(fileURLWithPath: deliver), name: name, report: report)
                }
                if !hasRetryLine {
                    report.fail(
                        "\(name) delivers, but its mail-retry line '\(job.name)\(JobFile.outboxSuffix)' is missing from the crontab: queued mail is never retried",
                        fix: "schedule it again: briefing schedule add \(job.name) --cron \(CronCommand.quote(job.schedule)) -- ...")
                }
            }
        case .missingFile(let url):
            report.fail(
                "\(name): its job file \(url.path) is missing", fix: "briefing schedule add \(job.name) --cron \"\(job.schedule)\" -- ...")
        case .legacy(let arguments):
            let quoted = arguments.map(CronCommand.quote).joined(separator: " ")
            report.fail(
                "\(name): stored in the crontab in the earlier format (options such as --strict may be lost)",
                fix: "briefing schedule add \(job.name) --cron \(CronCommand.quote(job.schedule)) -- \(quoted)")
        }
    }

    /// `run-job NAME --check` with cron's environment: what the job will find (its home,
    /// fonts, template, output folder, delivery file, sendmail and hooks), not what this
    /// shell finds.
    private func checkAsCron(_ job: JobFile, binary: String, folder: URL, name: String, report: Report) {
        let environment = CronEnvironment.forCurrentUser()
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.environment = OwnEnvironment.forChildren()
        probe.arguments =
            ["-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [
                binary, "run-job", job.name, "--jobs", folder.path, "--check",
            ]
        probe.currentDirectoryURL = URL(fileURLWithPath: environment["HOME"] ?? "/")
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = pipe
        do {
            try probe.run()
        } catch {
            report.fail("\(name): cannot run \(binary): \(error)", fix: "check the file exists and is executable")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines where line.hasPrefix("ok    ") { report.ok("\(name): \(line.dropFirst(6))") }
        guard probe.terminationStatus != 0 else { return }
        let failures = lines.filter { !$0.hasPrefix("ok    ") && !$0.isEmpty }
            .map { "      " + ($0.hasPrefix("FAIL  ") ? String($0.dropFirst(6)) : $0.trimmingCharacters(in: .whitespaces)) }
            .joined(separator: "\n")
        report.fail(
            "\(name) will fail under cron (exit \(probe.terminationStatus)):\n\(failures)",
            fix: "correct what is named above; 'briefing run-job \(job.name) --check' repeats this check as cron would run it")
    }

    /// The job's last run (not a hand run of the same output): when, the result, why it
    /// failed and where its log is.
    private func lastRun(of job: JobFile, folder: URL, name: String, report: Report) {
        let log = JobFile.logURL(job.name, in: folder).path
        guard let run = JobFile.lastRun(job.name, in: folder) else {
            report.ok("\(name): no run yet")
            return
        }
        switch run.result {
        case .success, .unchanged:
            report.ok("\(name): last run \(run.started): \(run.result.rawValue)")
        case .failed:
            report.fail(
                "\(name): the last run (\(run.started)) failed with exit \(run.exitCode): \(run.message ?? "")",
                fix: "see \(log) and \(RunState(output: URL(fileURLWithPath: job.output)).log.path)")
        case .needsReview:
            report.warn(
                "\(name): the last run (\(run.started)) needs review: a claim in the text no longer holds: \(run.message ?? "")",
                fix: "revise the sentence or its claim, or publish with --draft; see \(log)")
        }
    }

    /// Nothing stuck in a delivering job's outbox.
    private func outbox(output: URL, delivery file: URL, name: String, report: Report) {
        guard let plan = try? DeliveryPlanDecoder.load(file) else { return }  // the check above reported it
        let open = (try? Outbox(output: output, plan: plan).entries()) ?? []
        if !open.isEmpty {
            report.warn(
                "\(name): \(open.count) message(s) not delivered yet",
                fix: "briefing outbox --output \(output.path) --deliver \(file.path) (add --retry --now to resend)")
        }
    }
}
