import BriefingEditions
import BriefingModel
import BriefingSchedule
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
        let edition = Edition(
            number: 0, printed: printed, generated: RunManifest.timestamp(Date()), inputDigest: inputDigest, outputSHA256: outputDigest,
            sections: loaded.sections.joined(separator: ","), pages: made.pageCount)
        let facts = FactSnapshot.rows(of: loaded.template.facts, labels: loaded.template.spec.labels)
        do {
            return try EditionStore(url: state.editions).record(edition, facts: facts, keep: keep ?? EditionStore.defaultKeep)
        } catch {
            throw OutputError(
                message: "the briefing was published, but its edition could not be recorded in \(state.editions.path): \(error)")
        }
    }
}
