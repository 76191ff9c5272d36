import ArgumentParser
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingSchedule
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
        name: .shortAndLong, help: ArgumentHelp("The briefing whose editions to compare (default output/briefing.pdf).", valueName: "file"))
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
                        kind: .missingInput, SourceLocation(file: "briefing diff"), "no edition '\(reference)'",
                        hint: numbers.isEmpty ? "none is recorded yet" : "editions: \(numbers)")
                }
                return edition
            }
            let old = try named(from)
            let newEdition: Edition? = to == "current" ? nil : try named(to)
            let newFacts: [FactRow]
            if let newEdition {
                newFacts = try store.facts(edition: newEdition.number)
            } else {
                let pipeline = Pipeline(world: try World.standard(), warnings: { _ in })
                newFacts = try pipeline.currentFacts(
                    BriefingRequest(template: try input.templateURL(), data: input.dataURL(), creator: BriefingCommand.programName))
            }
            let diff = EditionDiff(old: try store.facts(edition: old.number), new: newFacts)
            let toName = newEdition.map { "edition \($0.number) (\($0.printed))" } ?? "the data on disk"
            switch format {
            case .text:
                print(
                    "\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s") from edition \(old.number) (\(old.printed)) to \(toName)"
                )
                diff.lines.forEach { print($0) }
            case .json:
                struct Report: Encodable {
                    var from: Int
                    var to: String
                    var changes: [EditionDiff.Change]
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let report = Report(from: old.number, to: newEdition.map { String($0.number) } ?? "current", changes: diff.changes)
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
