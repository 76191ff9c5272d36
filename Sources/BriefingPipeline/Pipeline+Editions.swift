import BriefingContent
import BriefingEditions
import BriefingModel
import Foundation

/// What the output's edition history adds to a briefing: its fact base as edition rows
/// (compared with the last edition before rendering, recorded as the new one after
/// publishing) and what changed since the edition compared with (nil prints no panel).
public struct EditionContext: Sendable {
    public var factRows: [FactRow]
    public var changes: FactChanges?

    public init(factRows: [FactRow], changes: FactChanges?) {
        self.factRows = factRows
        self.changes = changes
    }
}

/// Where `Pipeline.make` gets the edition context: the run hands in the output's edition
/// store (`EditionHistory` in BriefingRun), so the stages never open a store themselves.
public protocol EditionContextProvider {
    func context(for loaded: LoadedBriefing) throws -> EditionContext
}

extension LoadedBriefing {
    /// The template's facts as edition rows: what an edition records and `diff` compares.
    public var factBase: [FactRow] {
        FactSnapshot.rows(of: template.facts, labels: template.spec.labels, folder: DisplayPath.of(template.directory))
    }
}

extension Pipeline {
    /// The fact base as it is on disk now, as edition rows: the `current` side of `diff`,
    /// read without fonts, layout or drawing.
    public func currentFacts(_ request: BriefingRequest) throws -> [FactRow] {
        try load(request).factBase
    }
}
