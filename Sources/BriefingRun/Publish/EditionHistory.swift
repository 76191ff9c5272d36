import BriefingContent
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

extension RunState {
    /// The output's edition store.
    public var editions: URL { folder.appendingPathComponent("editions.sqlite") }
}

/// The output's edition store, as the pipeline sees it (`EditionContextProvider`): the
/// briefing's fact base as edition rows and what changed since the edition `--since` names
/// (else the latest). A damaged store is moved aside when the history is opened, before
/// anything reads it: it never blocks publishing, and the run ends with 73 saying so.
final class EditionHistory: EditionContextProvider {
    let state: RunState
    /// The damaged store that was set aside, if any.
    let damage: EditionStoreDamaged?

    init(state: RunState) {
        self.state = state
        damage = EditionStore.setAsideIfDamaged(state.editions)
    }

    func context(for loaded: LoadedBriefing) throws -> EditionContext {
        let rows = loaded.factBase
        return EditionContext(factRows: rows, changes: try changes(for: loaded.request, labels: loaded.template.spec.labels, rows: rows))
    }

    /// Nil for a first edition or `--changes none`.
    private func changes(for request: BriefingRequest, labels: Labels, rows: [FactRow]) throws -> FactChanges? {
        guard request.showChanges else { return nil }
        guard FileManager.default.fileExists(atPath: state.editions.path) else {
            if let since = request.since {
                throw InputError(
                    kind: .missingInput, SourceLocation.argument("--since"),
                    "no edition '\(since)': none is recorded yet for \(state.output.path)")
            }
            return nil
        }
        let store = try EditionStore.open(state.editions)
        guard let since = try store.edition(request.since ?? "latest") else {
            guard let reference = request.since else { return nil }
            let numbers = try store.editions().map { "\($0.number) (\($0.printed))" }.joined(separator: ", ")
            throw InputError(
                kind: .missingInput, SourceLocation.argument("--since"), "no edition '\(reference)'", hint: "editions: \(numbers)")
        }
        let diff = EditionDiff(old: try store.facts(edition: since.number), new: rows)
        let sinceText = (try? FuzzyDate.parse(since.printed))?.text(labels) ?? since.printed
        return FactChanges(sinceEdition: since.number, sinceText: sinceText, entries: diff.changes)
    }
}
