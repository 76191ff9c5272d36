import BriefingContent
import BriefingRender
import Foundation

/// One tagged PDF of every page: cairo writes it, the finisher adds the structure tree and
/// the PDF/UA (and PDF/A) parts.
struct PDFWriter: Writer {
    var format: OutputFormat { .pdf }

    func write(_ input: consuming WriterInput, mark: (String) -> Void) throws -> [Data] {
        // A process that builds again (watch) redraws only the pages that changed. Should that
        // fail, the whole document is drawn as a run draws it, which says what failed where
        // (a page of its own would be "page 1") or makes the file after all.
        if let cache = input.cache, input.standard != .none,
            let pdf = try? cache.pagewise.write(input.pages, standard: input.standard, mark: mark)
        {
            return [pdf]
        }
        let facts = PDFFinisher.Facts(input.pages)
        // The pages move to the exporter, which frees them once cairo has drawn them: at
        // 354 pages they are a quarter of the memory, not needed to finish the file.
        let pages = input.pages
        input.pages = .empty
        // While cairo draws on this core the other is idle: libqpdf opens there (earlier,
        // while the fonts load, both cores are busy and the run gained nothing).
        // The page contents are marked there too, as cairo writes them (`PageMarking`).
        let marking = input.standard != .none ? PageMarking() : nil
        if input.standard != .none { PDFFinisher.preloadLibrary() }
        let pdf = try PDFExporter.export(consume pages, marking: marking)
        mark("pdf")
        defer { mark("finish") }
        return [try PDFFinisher.finish(consume pdf, facts: facts, standard: input.standard, cache: input.cache, marking: marking)]
    }
}
