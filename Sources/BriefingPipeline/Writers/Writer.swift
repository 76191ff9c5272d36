import BriefingContent
import BriefingLayout
import BriefingRender
import Foundation

/// Turns a made briefing into the bytes of its files: one writer per `OutputFormat`, found
/// with `Writers.writer(for:)` (Pandoc's writer registry is the model). The pipeline lays out
/// pages only for a writer whose format reads them, and publishing asks the format how many
/// files it gets, so a new format is its case and one writer file.
public protocol Writer: Sendable {
    var format: OutputFormat { get }
    /// The files, in order: one, or one per page. The input is the writer's: pages it no
    /// longer needs, it may free.
    func write(_ input: consuming WriterInput, mark: (String) -> Void) throws -> [Data]
}

/// What a writer may read: the document (none for `chart`, which lays out one figure on a
/// page of its own) and, for a writer of pages, the laid-out pages.
public struct WriterInput {
    public var document: Document?
    /// Empty for a writer of the document (no layout was done).
    public var pages: PagedDocument
    /// PNG resolution.
    public var dpi: Double
    /// The PDF conformance the finisher writes.
    public var standard: PDFFinisher.Standard
    /// Finished pages kept across runs of one process (watch): only changed pages are
    /// marked again.
    var cache: PDFFinisher.PageCache?
    /// The fonts' measurer, for a writer that lays out parts itself (the HTML edition's charts).
    var measurer: (any TextMeasurer)?
    /// The program that wrote it (`--creator`).
    var generator = "briefing"
}

/// The writers by format.
public enum Writers {
    public static func writer(for format: OutputFormat) -> any Writer {
        switch format {
        case .pdf: PDFWriter()
        case .png, .svg: PageImageWriter(format: format)
        case .html: HTMLWriter()
        }
    }
}
