import BriefingContent
import BriefingRender
import Foundation

/// What to make: one briefing from a template folder, as the command line or a job file
/// describes it. Options mean what the `generate` flags of the same names mean.
public struct BriefingRequest: Sendable, Hashable {
    public var template: URL
    /// A data file to use instead of the template's `data.yaml`.
    public var data: URL?
    /// Comma-separated section ids to include, or to leave out (at most one of the two).
    public var sections: String?
    public var skip: String?
    /// `YYYY-MM-DD`; nil: `SOURCE_DATE_EPOCH`, else the template's date policy.
    public var date: String?
    /// The format written at the output's path (`--format`'s first).
    public var format: OutputFormat
    /// Further one-file formats written from the same load beside it (`--format pdf,html`
    /// also writes `NAME.html`).
    public var alsoFormats: [OutputFormat] = []
    /// Every format this request writes, the output's first.
    public var formats: [OutputFormat] { [format] + alsoFormats }
    /// Resolution of PNG pages.
    public var dpi: Double
    /// Warnings (a character no font has, a reference to a left-out section) fail the run.
    public var strict: Bool
    /// Program name and version, written into the PDF metadata.
    public var creator: String
    /// The edition to compare with for the "What changed" panel (a number or printed date);
    /// nil: the latest.
    public var since: String?
    /// False for `--changes none`: no panel and no "revised" markers.
    public var showChanges: Bool
    /// Write the briefing even when claims no longer hold, with a banner on every page
    /// (and record no edition).
    public var draft: Bool
    /// The conformance a PDF claims (`--pdf-standard`): PDF/UA-1 unless `none`.
    public var pdfStandard: PDFFinisher.Standard = .ua1
    /// `--param ID=VALUE`: values for the parameters the template declares.
    public var parameters: [String: String] = [:]

    public init(
        template: URL, data: URL? = nil, sections: String? = nil, skip: String? = nil, date: String? = nil,
        format: OutputFormat = .pdf, dpi: Double = 110, strict: Bool = false, creator: String = "briefing", since: String? = nil,
        showChanges: Bool = true, draft: Bool = false
    ) {
        self.template = template
        self.data = data
        self.sections = sections
        self.skip = skip
        self.date = date
        self.format = format
        self.dpi = dpi
        self.strict = strict
        self.creator = creator
        self.since = since
        self.showChanges = showChanges
        self.draft = draft
    }
}
