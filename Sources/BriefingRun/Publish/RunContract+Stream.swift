import BriefingModel
import BriefingPipeline
import Foundation

extension RunContract {
    /// A run whose output is a stream (standard output, a device, a pipe): the PDF is made and
    /// written there, with no lock, state folder or archive, which belong to files.
    /// `--if-changed`, `--keep` and page images need a file, and are usage errors here.
    public static func stream(
        _ request: BriefingRequest, to target: OutputTarget, pipeline: Pipeline, ifChanged: Bool = false, keep: Int? = nil,
        limits: RunGuard.Limits = .init(), exitCode: (Error) -> Int32 = { _ in 75 }
    ) throws -> Outcome {
        let started = Date()
        let name = target == .standardOutput ? "standard output (-)" : "a device or pipe"
        func refuse(_ what: String) -> InputError {
            InputError(kind: .usage, SourceLocation.argument("--output"), "\(what) needs a file; the output is \(name)")
        }
        if request.format.files != .one { throw refuse("--format \(request.format.rawValue) (one file per page)") }
        if !request.alsoFormats.isEmpty { throw refuse("--format with several formats (a file each)") }
        if ifChanged { throw refuse("--if-changed") }
        if keep != nil { throw refuse("--keep") }
        defer { pipeline.timer.report() }
        // A pipe nobody reads blocks the write: the watchdog ends that too.
        let code = exitCode(OutputError(message: "stopped", kind: .tryAgain))
        let watchdog = RunGuard(limits: limits) { reason in
            Console.error("briefing: error: \(reason)")
            return code
        }
        defer { watchdog.finish() }
        let made = try pipeline.generate(request).get()
        try target.write(made.files[0])
        pipeline.timer.mark("publish")
        let path: String
        switch target {
        case .standardOutput: path = "-"
        case .special(let url), .file(let url): path = url.path
        }
        return Outcome(
            result: .success, path: path, pages: made.pageCount, bytes: made.files[0].count, seconds: Date().timeIntervalSince(started),
            made: made)
    }
}
