import ArgumentParser
import BriefingModel
import BriefingSchedule
import Foundation

/// `briefing run-job NAME`: what the crontab line runs. Reads the job file and runs
/// `generate` with exactly the arguments stored there.
struct RunJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-job",
        abstract: "Run a scheduled job now, as cron does (reads its job file).",
        discussion: "Exit status as for generate; 66 when the job file is missing."
    )

    @Argument(help: "Job name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Folder of job files (default: where 'schedule add' writes them).", valueName: "dir"))
    var jobs: String?

    @Flag(name: .long, help: "Retry the job's undelivered mail instead of running it (its '--deliver' file and output).")
    var outbox = false

    func run() throws {
        let folder = jobs.map { URL(fileURLWithPath: $0) } ?? JobFile.folder()
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
        if outbox {
            let generate = try Generate.parse(job.arguments)
            guard let deliver = generate.deliver else { return }
            let retry = try OutboxCommand.parse(["--retry", "--quiet", "--output", generate.output, "--deliver", deliver])
            try retry.run()
            return
        }
        // A scheduled run must end: without a --timeout of its own a job gets 15 minutes.
        let arguments =
            job.arguments.contains { $0 == "--timeout" || $0.hasPrefix("--timeout=") }
            ? job.arguments : job.arguments + ["--timeout", "900"]
        let generate = try Generate.parse(arguments)
        try generate.run()
    }
}
