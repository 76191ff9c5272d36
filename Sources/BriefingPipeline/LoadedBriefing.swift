import BriefingContent
import BriefingEditions
import BriefingLayout
import BriefingModel
import Foundation

/// A request with its template read and checked: what every later stage starts from.
public struct LoadedBriefing: Sendable {
    public var request: BriefingRequest
    public var template: Template
    /// The date printed on the briefing.
    public var date: FuzzyDate
    /// The chosen section ids, in template order.
    public var sections: [String]
    /// What changed since the edition compared with (from the run's `EditionContextProvider`,
    /// which knows the output's edition store); nil prints no panel.
    public var changes: FactChanges? = nil
    /// The fact base as edition rows, made once per run by the provider; empty without one.
    public var factRows: [FactRow] = []
}

/// What a whole run made: the document, its pages, the bytes and the warnings.
public struct BriefingOutput {
    public var loaded: LoadedBriefing
    public var document: Document
    /// Pages laid out (0 for HTML alone). The pages themselves are not kept: the writer
    /// that drew them freed them.
    public var pageCount: Int
    /// One PDF, or one PNG or SVG per page.
    public var files: [Data]
    /// The other formats' files (`BriefingRequest.alsoFormats`), one each, in that order.
    public var also: [(format: OutputFormat, data: Data)] = []
    public var warnings: [Diagnostic]
}
