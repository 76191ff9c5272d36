import BriefingContent
import BriefingModel
import Foundation

/// What commands that read a template but draw nothing ask of the pipeline: `sections`,
/// `check` and `doctor`.
extension Pipeline {
    /// The template's sections, for `briefing sections` and for checking `--sections`.
    public func sections(of template: URL, parameters: [String: String] = [:]) throws -> [BriefingSpec.Section] {
        try TemplateLoader.load(directory: template, files: world.files, parameters: parameters).spec.sections
    }

    /// The parameters the template declares, unresolved.
    public func parameters(of template: URL) throws -> [Parameter] {
        try TemplateLoader.parameters(directory: template, files: world.files)
    }

    /// What `check` found in a valid template.
    public struct CheckSummary: Sendable {
        public var sections: Int
        public var charts: Int
        public var sources: Int
    }

    /// Loads the template and builds its document (placeholders expanded, Markdown parsed,
    /// charts resolved, references checked) without fonts, layout or drawing.
    public func check(_ request: BriefingRequest) throws -> CheckSummary {
        // load reports a missing template or data file first, as checkInputs would
        let document = try document(try load(request))
        return CheckSummary(
            sections: document.sections.count, charts: document.sections.flatMap { $0.blocks.flatMap(\.charts) }.count,
            sources: document.sources.count)
    }

    /// The template's facts as the model resolved them (series computed from files
    /// included), for `briefing data show`.
    public func facts(of template: URL, data: URL?, parameters: [String: String] = [:]) throws -> FactBase {
        try TemplateLoader.load(directory: template, dataFile: data, files: world.files, parameters: parameters).facts
    }

    /// Loads and checks a template without making anything (for `doctor`).
    public func check(template: URL) throws -> Int {
        try TemplateLoader.load(directory: template, files: world.files).spec.sections.count
    }
}
