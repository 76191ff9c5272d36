import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// A briefing never overwrites what it is made from. `--output T/data.yaml` (or a link to
/// it, or a page image landing on a template's picture) is refused before anything is
/// written; an output that lives inside its template folder is fine as long as the file
/// there is one Briefing wrote (`OwnedFiles`), which also keeps it out of the inputs.
public enum OutputGuard {
    public static func refuseOverwritingInputs(_ file: URL, of request: BriefingRequest) throws {
        let target = KernelPath.resolved(file) ?? file.standardizedFileURL
        if let data = request.data, let resolved = KernelPath.resolved(data), resolved.path == target.path {
            throw refusal(file, "it is the data file the briefing is made from")
        }
        guard let template = KernelPath.resolved(request.template), target.path.hasPrefix(template.path + "/") else { return }
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return }  // a new file: nothing to lose
        guard !OwnedFiles.isOutput(target) else { return }
        throw refusal(file, "it is a file of the template folder \(DisplayPath.of(request.template)) that Briefing did not write")
    }

    private static func refusal(_ file: URL, _ why: String) -> Refused {
        Refused(
            error: InputError(
                kind: .invalidData, SourceLocation.argument("--output"), "refusing to write \(file.path): \(why)",
                hint: "write the briefing to a file of its own, e.g. beside the template folder"))
    }

    /// The output is one of the briefing's inputs: nothing is written, not even a record of
    /// the failure beside it (which would then claim the file as an output).
    public struct Refused: KindedFailure, CustomStringConvertible {
        public var error: InputError
        public var failureKind: FailureKind { .invalidData }
        public var description: String { error.description }
    }
}
