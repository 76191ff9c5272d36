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

extension RunContract {
    /// Records the edition just published, with its whole fact base, in the output's edition
    /// store; prunes to `--keep` (or `EditionStore.defaultKeep`) editions.
    func recordEdition(_ made: BriefingOutput, loaded: LoadedBriefing, inputDigest: String, outputDigest: String, state: RunState) throws
        -> Int
    {
        let date = loaded.date
        let printed = String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1)
        var edition = Edition(
            number: 0, printed: printed, generated: RunManifest.timestamp(Date()), inputDigest: inputDigest, outputSHA256: outputDigest,
            sections: loaded.sections.joined(separator: ","), pages: made.pageCount)
        var extras = EditionExtras()
        if let editionExtras {
            edition.number = try recorded { try EditionStore.open(state.editions).nextNumber() }
            extras = try editionExtras(made, edition)
            edition.readerDigest = extras.readerDigest
        }
        return try recorded {
            try EditionStore.open(state.editions).record(
                edition, facts: loaded.factRows, keep: keep ?? EditionStore.defaultKeep, deliveries: extras.deliveries)
        }

        /// A store that cannot be written (a full disk) after the file was published: 73,
        /// saying what readers of the file and of the mail now have.
        func recorded<T>(_ work: () throws -> T) throws -> T {
            do {
                return try work()
            } catch {
                throw OutputError(
                    message: "the briefing was published, but its edition could not be recorded in \(state.editions.path): \(error)")
            }
        }
    }

    /// What changed since the edition `--since` names (else the latest), for the briefing's
    /// panel; nil for a first edition or `--changes none`.
    func changes(for loaded: LoadedBriefing, state: RunState) throws -> FactChanges? {
        let request = loaded.request
        guard request.showChanges else { return nil }
        guard FileManager.default.fileExists(atPath: state.editions.path) else {
            if let since = request.since {
                throw InputError(
                    kind: .missingInput, SourceLocation.argument("--since"),
                    "no edition '\(since)': none is recorded yet for \(output.path)")
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
        let labels = loaded.template.spec.labels
        let diff = EditionDiff(
            old: try store.facts(edition: since.number), new: loaded.factRows)
        let sinceText = (try? FuzzyDate.parse(since.printed))?.text(labels) ?? since.printed
        return FactChanges(sinceEdition: since.number, sinceText: sinceText, entries: diff.changes)
    }
}
