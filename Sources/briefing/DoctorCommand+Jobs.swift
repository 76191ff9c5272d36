import BriefingDelivery
import BriefingPipeline
import BriefingSchedule
import Foundation

extension DoctorCommand {
    /// One scheduled job: its expression, binary, job file, template and output; a job of the
    /// earlier format (the whole command in the crontab) gets the command that migrates it.
    func check(job: CrontabBlock.Job, report: Report) {
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
        if let binary = words.first(where: { $0.hasPrefix("/") }), FileManager.default.isExecutableFile(atPath: binary) {
            report.ok("\(name): runs \(binary)")
        } else {
            report.fail("\(name): its binary is missing", fix: "schedule it again with the installed binary")
        }
        let stored = ScheduleCommand.Stored(job)
        var log = "the job's log"
        switch stored {
        case .file:
            if let reference = JobFile.reference(in: job.command) {
                report.ok("\(name): job file \(JobFile.url(reference.name, in: reference.folder).path)")
                log = JobFile.logURL(reference.name, in: reference.folder).path
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
        let arguments = stored.arguments
        if let index = arguments.firstIndex(of: "--template"), index + 1 < arguments.count {
            check(template: URL(fileURLWithPath: arguments[index + 1]), report: report)
        }
        guard let output = stored.output else { return }
        if let index = arguments.firstIndex(of: "--deliver"), index + 1 < arguments.count {
            check(delivery: URL(fileURLWithPath: arguments[index + 1]), output: output, job: name, report: report)
        }
        do {
            try AtomicFile.checkFolder(of: output)
            report.ok("\(name): can write \(output.path)")
        } catch {
            report.fail("\(name): \(error)", fix: "create the folder or fix its permissions")
        }
        if let run = RunManifest.read(for: output)?.lastRun, run.result == .failed {
            report.warn("\(name): the last run failed (exit \(run.exitCode)): \(run.message ?? "")", fix: "see \(log)")
        } else if let run = RunManifest.read(for: output)?.lastRun, run.result == .needsReview {
            report.warn(
                "\(name): the last run needs review: a claim in the text no longer holds: \(run.message ?? "")",
                fix: "revise the sentence or its claim, or publish with --draft; see \(log)")
        }
    }

    /// A job that delivers: its delivery file reads, its sendmail is there, and nothing is
    /// stuck in its outbox.
    func check(delivery file: URL, output: URL, job name: String, report: Report) {
        let plan: DeliveryPlan
        do {
            plan = try DeliveryPlanDecoder.load(file)
            report.ok("\(name): delivery file \(file.path) (\(plan.audiences.count) audience(s))")
        } catch {
            report.fail("\(name): the delivery file does not load:\n\(error)", fix: "correct the lines named above")
            return
        }
        if let sendmail = Sendmail(command: plan.sendmail).describe() {
            report.ok("\(name): mails through \(sendmail)")
        } else {
            report.fail(
                "\(name): its sendmail '\(plan.sendmail[0])' is missing: briefings are made but not mailed",
                fix: "apt-get install msmtp-mta, or set 'sendmail:' in \(file.path)")
        }
        let open = (try? Outbox(output: output, plan: plan).entries()) ?? []
        if !open.isEmpty {
            report.warn(
                "\(name): \(open.count) message(s) not delivered yet",
                fix: "briefing outbox --output \(output.path) --deliver \(file.path) (add --retry --now to resend)")
        }
    }
}
