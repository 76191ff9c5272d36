import BriefingContent
import BriefingModel
import CCmark

/// Parses expanded Markdown into content blocks with cmark-gfm, GitHub's extension of the
/// CommonMark reference parser: tables, footnotes and autolinks besides CommonMark. The only
/// file that imports cmark: the rest of the program sees Swift values.
enum MarkdownParser {
    /// Resolves a chart reference (id, options) found at a location into a figure.
    typealias ChartLookup = (String, [String: String], SourceLocation) throws -> ChartFigure
    /// Reads an image a section places (path relative to the template, alt text, location).
    typealias ImageLookup = (String, String, SourceLocation) throws -> ImageFigure

    /// Blocks, and warnings for what was written but is not rendered (raw HTML).
    struct Parsed {
        var blocks: [Block]
        var warnings: [Diagnostic]
    }

    static func parse(
        _ text: String, file: String, grades: [Confidence] = Confidence.defaults,
        image: @escaping ImageLookup = { path, _, location in
            throw InputError(kind: .invalidData, location, "images are not available here ('\(path)')")
        },
        chart: @escaping ChartLookup = { id, _, location in
            throw InputError(kind: .invalidData, location, "charts are not available here ('\(id)')")
        }
    ) throws -> Parsed {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            throw InputError(kind: .invalidData, SourceLocation(file: file), "cannot parse the Markdown")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser) else {
            throw InputError(kind: .invalidData, SourceLocation(file: file), "cannot parse the Markdown")
        }
        defer { cmark_node_free(document) }
        var converter = Converter(file: file, source: text, grades: grades, image: image, chart: chart)
        let blocks = converter.document(document)
        if !converter.problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: converter.problems) }
        return Parsed(blocks: blocks, warnings: converter.warnings)
    }

    /// Deepest nesting of lists, quotes or emphasis accepted. Real briefings use two or three
    /// levels; the limit keeps hostile input from exhausting the stack of this and every later
    /// (recursive) stage.
    static let maximumDepth = 16
}
