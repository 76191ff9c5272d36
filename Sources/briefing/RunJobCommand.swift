import ArgumentParser
import BriefingDelivery
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import BriefingSchedule
import Foundation

/// `briefing run-job NAME`: what the crontab line runs. Reads the job file and runs
/// `generate` with exactly the arguments stored there, in the environment cron gives a job
/// (whoever calls it, by hand or cron) plus the variables the job file recorded, so a job
/// that works by hand works under cron.
struct RunJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-job",
        abstract: "Run a scheduled job now, exactly as cron does (its job file, cron's environment).",
        discussion: """
            Exit status as for generate; 66 when the job file is missing. --check runs the job's checks instead (template, \
            fonts, output, delivery file, sendmail, hooks) and exits with the first failure's status.
            """
    )

    @Argument(help: "Job name.")
    var name: String

    @Option(
        name: .long, help: ArgumentHelp("Folder of job files (default: where 'schedule add' writes them).", valueName: "dir"),
        completion: .directory)
    var jobs: String?

    @Flag(name: .long, help: "Retry the job's undelivered mail instead of running it (its '--deliver' file and output).")
    var outbox = false

    @Flag(name: .long, help: "Check what the job needs, as cron would run it, without making anything.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if outbox && check { throw ValidationError("--outbox and --check are two different runs: give one") }
    }

    func run() throws {
        let folder = jobs.map { KernelPath.absolute($0) } ?? JobFile.folder()
        let job: JobFile
        do {
            guard let found = try JobFile.read(name, in: folder) else {
                throw InputError(
                    kind: .missingInput, SourceLocation(file: JobFile.url(name, in: folder).path), "no job named '\(name)'",
                    hint: "add it with 'briefing schedule add \(name) --cron ... -- ...'")
            }
            job = found
        } catch {
            throw ExitStatus.fail(error)
        }
        CronEnvironment.apply(CronEnvironment.of(job))
        // Cron's environment replaced the process's: the program's own variables again, so
        // a job writes the bytes a hand run writes.
        OwnEnvironment.set()
        if check { return try checkJob(job) }
        if outbox { return try retryOutbox(job) }
        try runJob(job, folder: folder)
    }

    /// A scheduled run must end: without a --timeout of its own a job gets 15 minutes.
    private func arguments(_ job: JobFile) -> [String] {
        var arguments = job.arguments
        if !arguments.contains(where: { $0 == "--timeout" || $0.hasPrefix("--timeout=") }) { arguments += ["--timeout", "900"] }
        if quiet && !arguments.contains("--quiet") && !arguments.contains("-q") { arguments.append("--quiet") }
        return arguments
    }

    private func runJob(_ job: JobFile, folder: URL) throws {
        let started = Date()
        var generate: Generate?
        var batch = false
        do {
            generate = try Generate.parsed(arguments(job), what: "job '\(job.name)'")
            if generate!.each != nil {
                batch = true
                return try runBatch(job, generate!, folder: folder, started: started)
            }
            let finished = try generate!.execute()
            generate!.report(finished)
            if let failure = finished.failure { throw failure }
            record(job, folder: folder, started: started, result: finished.outcome.result, code: 0, message: nil)
        } catch {
            if batch { throw error }  // recorded by runBatch
            let code = ExitStatus.code(for: error)
            if generate == nil { failedBeforeGenerate(job, error: error, code: code, started: started) }
            let message = "\(error)".split(separator: "\n").first.map(String.init)
            record(
                job, folder: folder, started: started, result: error is ClaimsNeedReview ? .needsReview : .failed, code: code,
                message: message)
            throw ExitStatus.fail(error)
        }
    }

    /// A scheduled batch (`--each`): each row is recorded in its own output as it runs; the
    /// job's record says how the batch as a whole ended.
    private func runBatch(_ job: JobFile, _ generate: Generate, folder: URL, started: Date) throws {
        var generate = generate
        do {
            try generate.runBatch()
            record(job, folder: folder, started: started, result: .success, code: 0, message: nil)
        } catch let exit as ExitCode {
            record(
                job, folder: folder, started: started, result: .failed, code: exit.rawValue,
                message: "the batch failed (exit \(exit.rawValue))")
            throw exit
        }
    }

    /// The job's arguments no longer parse (a job file edited by hand, or written by a
    /// version that took other options): still on the output's record, and mailed when the
    /// arguments name a delivery file that loads.
    private func failedBeforeGenerate(_ job: JobFile, error: Error, code: Int32, started: Date) {
        let output = URL(fileURLWithPath: job.output)
        RunRecords.recordFailure(output: output, started: started, code: code, error: error, program: BriefingCommand.programName)
        guard let index = job.arguments.firstIndex(of: "--deliver"), index + 1 < job.arguments.count,
            let plan = try? DeliveryPlanDecoder.load(URL(fileURLWithPath: job.arguments[index + 1]))
        else { return }
        Delivering.reportFailure(error, code: code, plan: plan, output: output)
    }

    private func record(_ job: JobFile, folder: URL, started: Date, result: RunResult, code: Int32, message: String?) {
        let run = RunManifest.Run(
            started: RunManifest.timestamp(started), durationSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000,
            result: result, exitCode: code, message: message)
        JobFile.recordLastRun(run, name: job.name, in: folder)
    }

    private func checkJob(_ job: JobFile) throws {
        let findings = JobCheck(arguments: job.arguments, environment: ProcessInfo.processInfo.environment).run()
        for finding in findings {
            if let error = finding.error {
                print("FAIL  \(finding.text):")
                print("\(error)".split(separator: "\n").map { "      \($0)" }.joined(separator: "\n"))
            } else if !quiet {
                print("ok    \(finding.text)")
            }
        }
        if let error = JobCheck.firstError(findings) { throw ExitCode(ExitStatus.code(for: error)) }
    }

    private func retryOutbox(_ job: JobFile) throws {
        let generate: Generate
        do {
            generate = try Generate.parsed(job.arguments, what: "job '\(job.name)'")
        } catch {
            throw ExitStatus.fail(error)
        }
        guard let deliver = generate.deliver else { return }
        // A batch's mail waits in each row's outbox; one that cannot be retried does not stop
        // the others.
        let outputs: [String]
        do {
            outputs = try generate.mainOutputs()
        } catch {
            throw ExitStatus.fail(error)
        }
        var first: Error?
        // An output no run has made yet (a new job, a row added since) has no outbox.
        for output in outputs where FileManager.default.fileExists(atPath: RunState(output: URL(fileURLWithPath: output)).folder.path) {
            do {
                try OutboxCommand.parse(["--retry", "--quiet", "--output", output, "--deliver", deliver]).run()
            } catch {
                first = first ?? error
            }
        }
        if let first { throw first }
    }
}
