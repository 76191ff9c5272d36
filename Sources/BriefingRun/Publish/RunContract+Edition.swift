import BriefingContent
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// What is recorded with an edition in its transaction, made under the run lock once the
/// briefing is published: delivery's reader digest and queued mail (rows delivery owns). Given the edition about
/// to be recorded (its number, input digest and the published file's SHA-256).
public protocol EditionCompanion {
    func extras(for made: BriefingOutput, edition: Edition) throws -> EditionExtras
}

/// An audience's reader digest and the rows written with its edition (its recipients'
/// queued or skipped deliveries).
public struct EditionExtras {
    public var readerDigest: String
    public var rows: [any EditionRows]
    public init(readerDigest: String = "", rows: [any EditionRows] = []) {
        self.readerDigest = readerDigest
        self.rows = rows
    }
}

extension RunContract {
    /// Records the edition just published, with its whole fact base, in the output's edition
    /// store; prunes to `--keep` (or `EditionStore.defaultKeep`) editions.
    func recordEdition(
        _ made: BriefingOutput, inputDigest: String, outputDigest: String, state: RunState, companion: (any EditionCompanion)?
    ) throws -> Int {
        let loaded = made.loaded
        let date = loaded.date
        let printed = String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1)
        var edition = Edition(
            number: 0, printed: printed, generated: RunManifest.timestamp(Date()), inputDigest: inputDigest, outputSHA256: outputDigest,
            sections: loaded.sections.joined(separator: ","), pages: made.pageCount)
        var extras = EditionExtras()
        if let companion {
            edition.number = try recorded { try EditionStore.open(state.editions).nextNumber() }
            extras = try companion.extras(for: made, edition: edition)
            edition.readerDigest = extras.readerDigest
        }
        return try recorded {
            try EditionStore.open(state.editions).record(
                edition, facts: loaded.factRows, keep: keep ?? EditionStore.defaultKeep, alongside: extras.rows)
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
}
