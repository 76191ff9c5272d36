import ArgumentParser
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// `briefing diff`: what changed between two editions, or between an edition and the data
/// as it is now, without rendering anything: for review before a run is published.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what changed between two editions, or since an edition (default: the latest) in the data as it is now.",
        discussion: "Exit status: 0 (whether or not anything changed), 64 usage, 65 invalid data, 66 no editions or no such edition."
    )

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The briefing whose editions to compare.", valueName: "file"), completion: .file())
    var output: String = Generate.defaultOutput

    @Option(name: .long, help: ArgumentHelp("The older side: an edition number, a printed date or 'latest'.", valueName: "n|date"))
    var from: String = "latest"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The newer side: an edition number, a printed date, or 'current' (the data on disk).", valueName: "n|date|current"))
    var to: String = "current"

    @Option(name: .long, help: "text (a line a change) or json.")
    var format: EditionsCommand.ListFormat = .text

    @OptionGroup var input: TemplateOptions

    /// The template to read "the data on disk" from: the one given, else the one the
    /// output's last run recorded (its manifest), else the bundled default; and which it was.
    /// An output made from another template compared with the bundled one lists every fact
    /// as new: 188 confident, wrong changes.
    static func template(_ input: TemplateOptions, recordedFor output: URL) throws -> (URL, URL?, String) {
        if input.template != nil { return (try input.templateURL(), input.dataURL(), "template \(try input.templateURL().path)") }
        let flags = RunManifest.read(for: output)?.lastSuccess?.flags ?? []
        func flag(_ name: String) -> String? { flags.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } }
        if let recorded = flag("template") {
            let data = input.dataURL() ?? flag("data").flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0) }
            return (URL(fileURLWithPath: recorded), data, "template \(recorded), as recorded for \(output.lastPathComponent)")
        }
        let bundled = try input.templateURL()
        return (bundled, input.dataURL(), "the bundled template \(bundled.path): none is recorded for \(output.lastPathComponent)")
    }

    /// The `--param` values given, else those the output's last run was made with.
    static func parameters(_ input: TemplateOptions, recordedFor output: URL) throws -> [String: String] {
        let given = try input.parameters()
        guard given.isEmpty else { return given }
        let flags = RunManifest.read(for: output)?.lastSuccess?.flags ?? []
        var recorded: [String: String] = [:]
        for flag in flags where flag.hasPrefix("param.") {
            guard let equals = flag.firstIndex(of: "=") else { continue }
            recorded[String(flag[flag.index(flag.startIndex, offsetBy: 6)..<equals])] = String(flag[flag.index(after: equals)...])
        }
        return recorded
    }

    func run() throws {
        let output = URL(fileURLWithPath: output).standardizedFileURL
        let file = RunState(output: output).editions
        do {
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw InputError(
                    kind: .missingInput, SourceLocation(file: file.path), "no editions recorded for \(output.path) yet",
                    hint: "every successful generate with --output \(output.path) records one")
            }
            let store = try EditionStore(url: file)
            func named(_ reference: String) throws -> Edition {
                guard let edition = try store.edition(reference) else {
                    let numbers = try store.editions().map { "\($0.number) (\($0.printed))" }.joined(separator: ", ")
                    throw InputError(
                        kind: .missingInput, SourceLocation.program, "no edition '\(reference)'",
                        hint: numbers.isEmpty ? "none is recorded yet" : "editions: \(numbers)")
                }
                return edition
            }
            let old = try named(from)
            let newEdition: Edition? = to == "current" ? nil : try named(to)
            let newFacts: [FactRow]
            var toName = newEdition.map { "edition \($0.number) (\($0.printed))" } ?? "the data on disk"
            if let newEdition {
                newFacts = try store.facts(edition: newEdition.number)
            } else {
                let (template, data, which) = try Self.template(input, recordedFor: output)
                toName += " (\(which))"
                let pipeline = Pipeline(world: try World.standard(), warnings: { _ in })
                var request = BriefingRequest(template: template, data: data, creator: BriefingCommand.programName)
                request.parameters = try Self.parameters(input, recordedFor: output)
                newFacts = try pipeline.currentFacts(request)
            }
            let oldFacts = try store.facts(edition: old.number)
            let diff = EditionDiff(old: oldFacts, new: newFacts)
            switch format {
            case .text:
                print(
                    "\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s") from edition \(old.number) (\(old.printed)) to \(toName)"
                )
                diff.lines.forEach { print($0) }
            case .json:
                let report = DiffReport(
                    from: .init(edition: old.number, printed: old.printed),
                    to: .init(edition: newEdition?.number, printed: newEdition?.printed), compared: toName, old: oldFacts, new: newFacts,
                    diff: diff)
                print(report.json)
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
