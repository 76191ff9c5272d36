import BriefingContent
import BriefingRender
import Foundation

/// One tagged PDF of every page: cairo writes it, the finisher adds the structure tree and
/// the PDF/UA (and PDF/A) parts.
struct PDFWriter: Writer {
    var format: OutputFormat { .pdf }

    func write(_ input: WriterInput, mark: (String) -> Void) throws -> [Data] {
        let pdf = try PDFExporter.export(input.pages)
        mark("pdf")
        defer { mark("finish") }
        return [try PDFFinisher.finish(pdf, document: input.pages, standard: input.standard, cache: input.cache)]
    }
}
