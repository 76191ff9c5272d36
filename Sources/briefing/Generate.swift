import ArgumentParser
import BriefingPipeline
import Foundation

/// `briefing generate`: parses the flags, hands the request to the pipeline under the run
/// contract, and reports the outcome; exit codes come from `ExitStatus`.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the briefing PDF.",
        discussion: """
            Exit status: 0 success (or unchanged), 64 usage, 65 invalid data, 66 missing input, 73 cannot write the output,
            75 another run for the same output is in progress. A failed run never replaces or removes the previous PDF.
            Run state (lock, manifest.json, log) lives in .briefing/ beside the output; archive/ holds --keep copies.
            """
    )

    @OptionGroup var input: TemplateOptions
    @OptionGroup var briefing: BriefingOptions
    @OptionGroup var contract: ContractOptions

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Where to write the PDF ('-' for standard output; default output/briefing.pdf).", valueName: "file"))
    var outputOption: String?

    /// The default folder is made when missing (a new user's first run); a folder the user
    /// names must exist.
    static let defaultOutput = "output/briefing.pdf"
    var output: String { outputOption ?? Self.defaultOutput }

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also make one PDF per audience of this delivery file (NAME-AUDIENCE.pdf beside the output) and mail each to its readers.",
            valueName: "file"))
    var deliver: String?

    /// The request these flags describe.
    func request() throws -> BriefingRequest {
        var request = try briefing.request(input)
        request.since = contract.since
        request.showChanges = contract.changes == .panel
        request.draft = contract.draft
        return request
    }

    func run() throws {
        let outcome: RunContract.Outcome
        let target: OutputTarget
        var delivery: Delivering?
        do {
            let pipeline = Pipeline(world: try World.standard(), warnings: ExitStatus.printWarning)
            // Its fonts, layouts and pages are dropped with the process, not released one by one.
            ProcessTimeline.keepUntilExit(pipeline)
            defer { pipeline.joinBackgroundWork() }
            try pipeline.checkInputs(try request())  // a missing template is named before anything about the output
            // Fonts load on the other core from here, while the state folder, lock and
            // manifest are prepared and the template is read (not for --if-changed, which
            // may not draw at all).
            if !contract.ifChanged { pipeline.startFonts() }
            if let deliver {
                delivery = try Delivering(file: deliver, generate: self, pipeline: pipeline)
                ProcessTimeline.keepUntilExit(delivery!)
                try delivery?.check()
            }
            if outputOption == nil { try OutputFolder.makeDefault(for: output) }
            target = try OutputTarget.resolve(output)
            switch target {
            case .file(let resolved):
                let run = RunContract(
                    output: resolved, ifChanged: contract.ifChanged, keep: contract.keep, program: BriefingCommand.programName,
                    limits: contract.limits)
                outcome = try run.run(try request(), pipeline: pipeline, exitCode: ExitStatus.code(for:))
                try delivery?.run(beside: resolved)
            case .standardOutput, .special:
                if delivery != nil {
                    throw InputErrorFactory.usage(
                        "--deliver", "--deliver writes a PDF per audience beside the output: give --output a file, not \(output)")
                }
                outcome = try RunContract.stream(
                    try request(), to: target, pipeline: pipeline, ifChanged: contract.ifChanged, keep: contract.keep,
                    limits: contract.limits, exitCode: ExitStatus.code(for:))
            }
        } catch {
            delivery?.failed(error, code: ExitStatus.code(for: error))
            throw ExitStatus.fail(error)
        }
        // Standard output carries the PDF itself: nothing else may be printed there.
        guard !quiet, target != .standardOutput else { return }
        let shown = briefing.format == .pdf ? output : outcome.path
        if outcome.result == .unchanged {
            print("unchanged: \(shown) (inputs are as at the last successful run)")
        } else {
            let seconds = String(format: "%.2f", outcome.seconds)
            print("wrote \(shown) (\(outcome.pages) pages, \(outcome.bytes / 1024) KiB) in \(seconds) s")
        }
        delivery?.report()
        if let failure = delivery?.failure { throw ExitStatus.fail(failure) }
    }
}
