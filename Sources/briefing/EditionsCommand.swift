import ArgumentParser
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// `briefing editions`: the editions recorded for an output, oldest first.
struct EditionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "editions",
        abstract: "List the editions recorded for an output: number, date printed, pages, facts and changes.",
        discussion:
            "Every successful generate records an edition, with its whole fact base, in OUTPUT's state folder (.briefing/NAME/editions.sqlite)."
    )

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The briefing whose editions to list.", valueName: "file"), completion: .file())
    var output: String = Generate.defaultOutput

    @Option(name: .long, help: "text (a table) or json.")
    var format: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let output = URL(fileURLWithPath: output).standardizedFileURL
        let file = RunState(output: output).editions
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ExitStatus.fail(
                InputError(
                    kind: .missingInput, SourceLocation(file: file.path), "no editions recorded for \(output.path) yet",
                    hint: "every successful generate with --output \(output.path) records one"))
        }
        do {
            let store = try EditionStore(url: file)
            let editions = try store.editions()
            var changes: [Int: Int] = [:]
            for (previous, edition) in zip(editions, editions.dropFirst()) {
                changes[edition.number] =
                    EditionDiff(old: try store.facts(edition: previous.number), new: try store.facts(edition: edition.number))
                    .changes.count
            }
            switch format {
            case .json:
                let rows = editions.map { edition -> [String: Any] in
                    [
                        "number": edition.number, "printed": edition.printed, "generated": edition.generated, "pages": edition.pages,
                        "facts": edition.factCount, "changes": changes[edition.number] as Any, "outcome": edition.outcome,
                        "sections": edition.sections.split(separator: ",").map(String.init), "sha256": edition.outputSHA256,
                    ]
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            case .text:
                print("edition  printed     generated             pages  facts  changes  outcome")
                for edition in editions {
                    let change = changes[edition.number].map(String.init) ?? "-"
                    print(
                        [
                            pad(String(edition.number), 9), pad(edition.printed, 12), pad(edition.generated, 22),
                            pad(String(edition.pages), 7),
                            pad(String(edition.factCount), 7), pad(change, 9), edition.outcome,
                        ].joined())
                }
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}
