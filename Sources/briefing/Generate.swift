import ArgumentParser
import BriefingContent
import BriefingDelivery
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// `briefing generate`: parses the flags, hands the request to the pipeline under the run
/// contract, and reports the outcome; exit codes come from `ExitStatus`.
struct Generate: ParsableCommand {
    // Named, not derived from the type's name: deriving it describes the type through the
    // runtime's reflection (about 5 million instructions, every run).
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the briefing PDF.",
        discussion: """
            Exit status: 0 success (or unchanged), 64 usage, 65 invalid data, 66 missing input, 69 mail refused, 73 cannot \
            write the output (or the edition store was damaged and set aside), 75 another run for the same output is in \
            progress or the run passed --timeout or --max-memory. A failed run never replaces or removes the previous PDF. Run state (lock, manifest.json, log, editions) lives in .briefing/ beside the output; archive/ holds \
            --keep copies.
            """
    )

    @OptionGroup var input: TemplateOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var contract: ContractOptions

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Where to write the PDF ('-' for standard output; default output/briefing.pdf).", valueName: "file"),
        completion: .file())
    var outputOption: String?

    /// The default folder is made when missing (a new user's first run); a folder the user
    /// names must exist.
    static let defaultOutput = "output/briefing.pdf"
    /// With a one-file format other than PDF the name takes its extension: `--format html`
    /// writes `output/briefing.html`, and `-o out/b.pdf --format html` writes `out/b.html`.
    var output: String { briefing.format.path(for: outputOption ?? Self.defaultOutput) }

    @Flag(name: .shortAndLong, help: "Print nothing on success (warnings and errors still go to standard error).")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also make one PDF per audience of this delivery file (NAME-AUDIENCE.pdf beside the output) and mail each to its readers.",
            valueName: "file"), completion: .file())
    var deliver: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Make one briefing per row of this CSV file (the header names parameters), each at the --output pattern filled with its values.",
            valueName: "file.csv"), completion: .file(extensions: ["csv"]))
    var each: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --each, make only shard K of N (1 <= K <= N): a stable share of the rows, so N processes together make every row once.",
            valueName: "k/n"))
    var shard: String?

    // Unconditional: `--jobs -1` is read as a value (and refused with the range) rather
    // than as an unknown option that leaves --jobs without one.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "With --each, make this many rows at once, each worker with its own fonts and layouts (default: the number of cores).",
            valueName: "n"))
    var jobs: Int?

    /// A batch row's cells that are not template parameters, for `{{param.ID}}` in the
    /// delivery file (each partner's desk address).
    var rowValues: [String: String] = [:]

    /// The pipeline a batch's rows share (fonts and templates loaded once); nil: a run of its own.
    var shared: Pipeline?

    enum CodingKeys: CodingKey {
        case input, briefing, contract, outputOption, quiet, deliver, each, shard, jobs
    }

    func validate() throws {
        if shard != nil, each == nil { throw ValidationError("--shard picks rows of --each: give --each FILE.csv") }
        if jobs != nil, each == nil { throw ValidationError("--jobs makes rows of --each at once: give --each FILE.csv") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs takes a number of workers from 1 to 256, found \(jobs)") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 <= K <= N, e.g. 2/3, found '\(shard)'") }
        if each != nil, !(outputOption ?? "").contains("{") {
            throw ValidationError("--each makes a file per row: name --output with the parameters, e.g. -o 'out/{partner}.pdf'")
        }
    }

    /// The request these flags describe.
    func request() throws -> BriefingRequest {
        var request = try briefing.request(input)
        request.since = contract.since
        request.showChanges = contract.changes == .panel
        request.draft = contract.draft
        return request
    }

    mutating func run() throws {
        if each != nil {
            try runBatch()
            return
        }
        let finished: Finished
        do {
            finished = try execute()
        } catch {
            throw ExitStatus.fail(error)
        }
        report(finished)
        if let failure = finished.failure { throw ExitStatus.fail(failure) }
    }

    /// What a run did, for the lines printed after it.
    struct Finished {
        var outcome: RunContract.Outcome
        var target: OutputTarget
        var delivery: Delivering?

        /// Why the run fails although the briefings were published: an edition store that
        /// was damaged and set aside (73), then mail that could not go out.
        var failure: Error? { outcome.storeDamage ?? delivery?.failure }
    }

    /// Makes (and delivers) the briefing. Whatever stage fails (the delivery file, the
    /// fonts, the template, the run, the mail) is recorded in the output's manifest and
    /// log and, with a delivery file, mailed to its owner before it is rethrown: an
    /// unattended run never fails silently.
    mutating func execute(sharing shared: Pipeline? = nil) throws -> Finished {
        outputOption = try outputPatternFilled()
        self.shared = shared
        let started = Date()
        var plan: DeliveryPlan?
        do {
            // First, as it needs neither fonts nor template: everything after it can be mailed.
            if let deliver {
                plan = try Delivering.plan(file: deliver, formats: briefing.formatList.formats, parameters: try deliveryValues())
            }
            let finished = try make(plan: plan)
            if let failure = finished.failure { failed(failure, started: started, plan: plan) }
            return finished
        } catch {
            failed(error, started: started, plan: plan)
            throw error
        }
    }

    /// The values `{{param.ID}}` takes in the delivery file: the template's parameters, and a
    /// batch row's other columns.
    func deliveryValues() throws -> [String: String] {
        try input.parameterValues().merging(rowValues) { template, _ in template }
    }

    /// The ids the delivery file uses that the template does not declare, each with where it
    /// is first written: in a batch, the parameter file's columns that may give them.
    static func deliveryColumns(_ deliver: String?, declared: [Parameter]) -> [String: SourceLocation] {
        guard let deliver, let text = try? String(contentsOfFile: deliver, encoding: .utf8) else { return [:] }
        let ids = Set(declared.map(\.id))
        var found: [String: SourceLocation] = [:]
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            for name in Parameter.referenced(in: line) where !ids.contains(name) && found[name] == nil {
                let column = line.range(of: "{{").map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
                found[name] = SourceLocation(file: DisplayPath.of(URL(fileURLWithPath: deliver)), line: index + 1, column: column)
            }
        }
        return found
    }

    /// `--output out/{partner}.pdf` with each `{ID}` this run's value of that parameter (the
    /// one given with --param, else its default); the path as given without braces.
    func outputPatternFilled() throws -> String? {
        try input.filled(outputOption)
    }

    /// One pass: the request, its inputs, the delivery file against the template, the
    /// output named, then the run (which makes and publishes), then the audiences' runs and
    /// their mail.
    private func make(plan: DeliveryPlan?) throws -> Finished {
        let request = try request()
        // Fonts load on the other core from the template's load on, except for --if-changed,
        // which may not draw at all.
        let pipeline =
            try shared ?? Pipeline(world: try World.standard(), warnings: ExitStatus.printWarning, prefetchFonts: !contract.ifChanged)
        // One briefing and no audiences: nothing will reuse its text layouts.
        if shared == nil, plan == nil { pipeline.reusesLayouts = false }
        // A batch's workers lay out on both cores already; a run alone has the second idle.
        if shared == nil { pipeline.measuresAhead = true }
        // Its fonts and caches are dropped with the process, not released one by one.
        ProcessTimeline.keepUntilExit(pipeline)
        defer { pipeline.joinBackgroundWork() }
        try pipeline.checkInputs(request)  // a missing template is named before anything about the output
        let delivery = try plan.map { try Delivering(plan: $0, request: request, generate: self, pipeline: pipeline) }
        if let delivery { ProcessTimeline.keepUntilExit(delivery) }
        if outputOption == nil { try OutputFolder.makeDefault(for: output) }
        let target = try OutputTarget.resolve(output)
        switch target {
        case .file(let resolved):
            let outcome = try contract.run(for: resolved).run(request, pipeline: pipeline, exitCode: ExitStatus.code(for:))
            try delivery?.run(beside: resolved)
            return Finished(outcome: outcome, target: target, delivery: delivery)
        case .standardOutput, .special:
            if delivery != nil {
                throw InputErrorFactory.usage(
                    "--deliver", "--deliver writes a PDF per audience beside the output: give --output a file, not \(output)")
            }
            let outcome = try RunContract.stream(
                request, to: target, pipeline: pipeline, ifChanged: contract.ifChanged, keep: contract.keep,
                limits: contract.limits, exitCode: ExitStatus.code(for:))
            return Finished(outcome: outcome, target: target, delivery: nil)
        }
    }

    /// On the record and on its way to a person: the output's manifest and log (unless the
    /// run contract recorded it already, or another run holds the lock), then the failure
    /// mail and `on_failure` when there is a delivery file.
    private func failed(_ error: Error, started: Date, plan: DeliveryPlan?) {
        guard !(error is AlreadyRunning), !(error is OutputGuard.Refused) else { return }
        let code = ExitStatus.code(for: error)
        let output = KernelPath.absolute(self.output)
        if case .file(let file)? = try? OutputTarget.resolve(self.output) {
            RunRecords.recordFailure(
                output: file, started: started, code: code, error: error, program: BriefingCommand.programName,
                result: error is ClaimsNeedReview ? .needsReview : .failed)
        }
        if let plan { Delivering.reportFailure(error, code: code, plan: plan, output: output) }
    }

    func report(_ finished: Finished) {
        // Standard output carries the PDF itself: nothing else may be printed there.
        guard !quiet, finished.target != .standardOutput else { return }
        let outcome = finished.outcome
        // Page files are named as the output was given (relative stays relative), like a PDF.
        // Not NSString's deletingLastPathComponent: it crashes (SIGILL) on a one-character path.
        let folder = output.lastIndex(of: "/").map { String(output[...$0]) } ?? ""
        let pattern = (outcome.path as NSString).lastPathComponent
        var shown = briefing.format.files == .one ? output : folder + pattern
        for format in briefing.formatList.formats.dropFirst() { shown += " and " + format.path(beside: output) }
        if outcome.result == .unchanged {
            Console.line("unchanged: \(shown) (inputs are as at the last successful run)")
        } else {
            let seconds = String(format: "%.2f", outcome.seconds)
            let pages = briefing.formatList.formats.contains { $0.input == .pages } ? "\(outcome.pages) pages, " : ""
            Console.line("wrote \(shown) (\(pages)\(outcome.bytes / 1024) KiB) in \(seconds) s")
        }
        finished.delivery?.report()
    }
}
