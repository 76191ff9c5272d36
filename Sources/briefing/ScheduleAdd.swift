import ArgumentParser
import BriefingRunState
import BriefingSchedule
import Foundation

/// `briefing schedule add NAME --cron EXPR -- GENERATE-OPTIONS`.
struct ScheduleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add (or replace) a job.",
        discussion: """
            Everything after -- is passed to 'briefing generate' (every option, --strict included); relative paths are made \
            absolute now, because cron runs jobs from $HOME. The job is stored in $XDG_STATE_HOME/briefing/jobs/NAME.json \
            (or $BRIEFING_JOBS); the crontab line runs 'briefing run-job NAME'.
            """
    )

    @Argument(help: "Job name (letters, digits, '-', '_', '.').")
    var name: String

    @Option(name: .long, help: ArgumentHelp("When to run: five cron fields or @daily, @weekly, ...", valueName: "expr"))
    var cron: String

    @Option(name: .long, help: ArgumentHelp("Keep N dated copies in archive/ beside the output.", valueName: "n"))
    var keep: Int?

    @Flag(name: .long, help: "Skip a run when no input changed since the last successful one.")
    var ifChanged = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Argument(parsing: .postTerminator, help: "Options for 'briefing generate'.")
    var generateOptions: [String] = []

    func run() throws {
        guard CrontabBlock.isValidName(name) else {
            throw ExitStatus.fail(InputErrorFactory.usage("NAME", "job name '\(name)' may use letters, digits, '-', '_' and '.' only"))
        }
        // NAME.outbox is the mail-retry line of the job NAME: a job of that name would take it over.
        guard !name.hasSuffix(JobFile.outboxSuffix) else {
            throw ExitStatus.fail(
                InputErrorFactory.usage(
                    "NAME", "job names ending in '\(JobFile.outboxSuffix)' are kept for the mail-retry line of a delivering job",
                    hint: "choose another name"))
        }
        let expression = try ScheduleCommand.expression(cron)
        do {
            let (arguments, output) = try JobArguments.build(generateOptions, keep: keep, ifChanged: ifChanged)
            let folder = JobFile.folder()
            if folder.path.contains(where: \.isNewline) || JobArguments.executable.contains(where: \.isNewline) {
                throw InputErrorFactory.usage("BRIEFING_JOBS", "the job folder or the program's path contains a line break")
            }
            let job = JobFile(
                name: name, schedule: expression.description, arguments: arguments, output: output.path,
                created: RunManifest.timestamp(Date()), program: BriefingCommand.programName, environment: JobArguments.environment())
            // What would fail on Monday fails now, before the crontab or the job file is touched.
            if let error = JobCheck.firstError(JobCheck(arguments: arguments, environment: CronEnvironment.of(job)).run()) {
                throw error
            }
            let replaced = try JobFile.read(name, in: folder)
            try job.write(in: folder)
            let command = JobFile.command(executable: JobArguments.executable, name: name, folder: folder)
            var crontab = CrontabBlock.setting(
                .init(name: name, schedule: expression.description, command: command), in: try Crontab.read())
            // A job that delivers gets its outbox retried every ten minutes; one that no
            // longer delivers loses that line.
            let outbox = name + JobFile.outboxSuffix
            if arguments.contains("--deliver") {
                let retry = JobFile.outboxCommand(executable: JobArguments.executable, name: name, folder: folder)
                crontab = CrontabBlock.setting(.init(name: outbox, schedule: JobFile.outboxSchedule, command: retry), in: crontab)
            } else {
                crontab = CrontabBlock.removing(outbox, in: crontab) ?? crontab
            }
            try Crontab.write(crontab)
            guard !quiet else { return }
            print("scheduled '\(name)' (\(expression.description)): writes \(output.path)")
            if let replaced {
                print("  replaced the job '\(name)' that wrote \(replaced.output)")
                if replaced.arguments.contains("--deliver") && !arguments.contains("--deliver") {
                    print("  its mail-retry line is gone; mail it queued stays listed by: briefing outbox --output \(replaced.output)")
                }
            }
            print("  job file: \(JobFile.url(name, in: folder).path)")
            if arguments.contains("--deliver") {
                print("  outbox: undelivered mail retried when due, checked every minute ('\(name)\(JobFile.outboxSuffix)')")
            }
            for time in CronSchedule(expression).next(after: Date(), count: 3) { print("  next: \(ScheduleCommand.localTime(time))") }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
