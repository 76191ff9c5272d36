import BriefingEditions
import BriefingModel
import Foundation

extension Pipeline {
    /// The fact base as it is on disk now, as edition rows: the `current` side of `diff`,
    /// read without fonts, layout or drawing.
    public func currentFacts(_ request: BriefingRequest) throws -> [FactRow] {
        let loaded = try load(request)
        return FactSnapshot.rows(
            of: loaded.template.facts, labels: loaded.template.spec.labels, folder: DisplayPath.of(loaded.template.directory))
    }
}
