/// What a run writes, and what its writer reads and makes. The one format type: publishing,
/// watch, delivery and `chart` ask it (and the pipeline's writer for it) what to do, rather
/// than testing for PDF, so a new writer is a new case here and a writer beside the others.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, png, svg, html

    /// What a writer reads: the laid-out pages (drawn by the painter), or the document itself
    /// (a writer with no pages skips layout).
    public enum Input: Sendable { case pages, document }

    /// What a writer makes: one file at the output's path, or one file per page beside it
    /// (`NAME-01.png`, `PageFiles`).
    public enum Files: Sendable { case one, perPage }

    public var input: Input { self == .html ? .document : .pages }

    public var files: Files {
        switch self {
        case .pdf, .html: .one
        case .png, .svg: .perPage
        }
    }

    /// Whether `--deliver` can make it per audience and bring it to readers: the PDF attached
    /// (or linked), the HTML edition linked where the delivery file's `link:` publishes it.
    public var isDelivered: Bool { self == .pdf || self == .html }

    /// The file name extension (without the dot).
    public var fileExtension: String { rawValue }

    /// The IANA media type, for a mail attachment or a server.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .html: "text/html"
        }
    }

    /// The file a one-file format writes for `output`: its name with this format's extension
    /// when it ends in another format's (`out/b.pdf` with HTML is `out/b.html`); with it added
    /// when it has none, but for the PDF, named as given (`-o brief --format html` writes
    /// `brief.html`, so it never takes the name a PDF run gives its file); else as given
    /// (`report.htm`, `b.PDF`). Page images are named from `output` as it is (`PageFiles`).
    public func path(for output: String) -> String {
        guard files == .one, output != "-" else { return output }
        let slash = output.lastIndex(of: "/").map { output.index(after: $0) } ?? output.startIndex
        guard let dot = output[slash...].lastIndex(of: "."), dot > slash else {
            return self == .pdf ? output : output + "." + fileExtension
        }
        let ext = output[output.index(after: dot)...].lowercased()
        guard ext != fileExtension, Self.allCases.contains(where: { $0.fileExtension == ext }) else { return output }
        return output[..<dot] + "." + fileExtension
    }

    /// The file this one-file format writes beside `output`, the file of another format of the
    /// same run (`--format pdf,html`): as `path(for:)`, but a name without a format's
    /// extension gets this format's added (`out/brief` with HTML is `out/brief.html`), so the
    /// second file never takes the first one's name.
    public func path(beside output: String) -> String {
        let path = path(for: output)
        return path == output ? output + "." + fileExtension : path
    }
}
