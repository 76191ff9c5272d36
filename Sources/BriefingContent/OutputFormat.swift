/// What a run writes, and what its writer reads and makes. The one format type: publishing,
/// watch, delivery and `chart` ask it (and the pipeline's writer for it) what to do, rather
/// than testing for PDF, so a new writer is a new case here and a writer beside the others.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, png, svg

    /// What a writer reads: the laid-out pages (drawn by the painter), or the document itself
    /// (a writer with no pages skips layout).
    public enum Input: Sendable { case pages, document }

    /// What a writer makes: one file at the output's path, or one file per page beside it
    /// (`NAME-01.png`, `PageFiles`).
    public enum Files: Sendable { case one, perPage }

    public var input: Input { .pages }

    public var files: Files {
        switch self {
        case .pdf: .one
        case .png, .svg: .perPage
        }
    }

    /// The file name extension (without the dot).
    public var fileExtension: String { rawValue }

    /// The IANA media type, for a mail attachment or a server.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .svg: "image/svg+xml"
        }
    }
}
