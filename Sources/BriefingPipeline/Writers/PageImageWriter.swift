import BriefingContent
import BriefingRender
import Foundation

/// One PNG or SVG per page, drawn by the same painter as the PDF.
struct PageImageWriter: Writer {
    let format: OutputFormat

    func write(_ input: consuming WriterInput, mark: (String) -> Void) throws -> [Data] {
        defer { mark(format.rawValue) }
        let pages = input.pages
        return try pages.pages.indices.map { index in
            format == .svg ? try ImageExporter.svg(pages, page: index) : try ImageExporter.png(pages, page: index, dpi: input.dpi)
        }
    }
}
