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

    /// The file as its author wrote it, for what the expanded text cannot tell: the code it
    /// holds with placeholders expanded but not escaped for Markdown, and references to notes.
    struct Written {
        var text: String
        /// A code span's or block's text with its placeholders expanded, values as they are
        /// (nil: leave the expanded file's code).
        var expandCode: (String) -> String?
    }

    static func parse(
        _ text: String, file: String, grades: [Confidence] = Confidence.defaults, written: Written? = nil,
        image: @escaping ImageLookup = { path, _, location in
            throw InputError(kind: .invalidData, location, "images are not available here ('\(path)')")
        },
        chart: @escaping ChartLookup = { id, _, location in
            throw InputError(kind: .invalidData, location, "charts are not available here ('\(id)')")
        }
    ) throws -> Parsed {
        let parsed = try withDocument(text) { document -> Parsed in
            var converter = Converter(file: file, source: text, grades: grades, image: image, chart: chart)
            if let written { converter.codeTexts = codeTexts(of: written, matching: document) }
            let blocks = converter.document(document)
            if converter.mayReferToUndefinedNotes { converter.problems += undefinedNotes(in: written?.text ?? text, file: file) }
            if !converter.problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: converter.problems) }
            return Parsed(blocks: blocks, warnings: converter.warnings)
        }
        guard let parsed else { throw InputError(kind: .invalidData, SourceLocation(file: file), "cannot parse the Markdown") }
        return parsed
    }

    /// `body` on the document cmark-gfm makes of `text` (with tables, footnotes and
    /// autolinks), or nil when it cannot make one.
    @discardableResult
    static func withDocument<T>(_ text: String, _ body: (OpaquePointer) throws -> T) rethrows -> T? {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return try body(document)
    }

    /// The nodes under `document` that satisfy `isMatch`, in document order.
    static func nodes(in document: OpaquePointer, where isMatch: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), isMatch(node) { found.append(node) }
        }
        return found
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The column, in characters as every error counts them, of the byte column cmark gives.
    static func characterColumn(_ lines: [Substring], line: Int, byte: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byte }
        return String(decoding: lines[line - 1].utf8.prefix(max(0, byte - 1)), as: UTF8.self).count + 1
    }

    /// A code span, or a code block that is not a chart.
    static func isCode(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE: true
        case CMARK_NODE_CODE_BLOCK: !(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "").hasPrefix("chart")
        default: false
        }
    }

    /// The code of the expanded `document`, node by node, as `written` holds it with its
    /// placeholders expanded unescaped. Values are escaped for Markdown before the file is
    /// parsed, and code shows backslashes as written, so code in the expanded file reads
    /// `1\,250 MW`. The written file is parsed for its code only when the expanded one has
    /// code and the file has placeholders; when the two do not hold the same number of code
    /// nodes, the expanded code is kept. (A value's backtick cannot end a span early: it is a
    /// character reference in the expanded file, `MarkdownContentType.backtickReference`.)
    static func codeTexts(of written: Written, matching document: OpaquePointer) -> [OpaquePointer: String] {
        let expanded = nodes(in: document, where: isCode)
        guard !expanded.isEmpty, written.text.contains("{{") else { return [:] }
        let original = withDocument(written.text) { nodes(in: $0, where: isCode).map(literal) } ?? []
        guard original.count == expanded.count else { return [:] }
        var texts: [OpaquePointer: String] = [:]
        for (node, code) in zip(expanded, original) where code.contains("{{") {
            if let text = written.expandCode(code) { texts[node] = text }
        }
        return texts
    }

    /// Deepest nesting of lists, quotes or emphasis accepted. Real briefings use two or three
    /// levels; the limit keeps hostile input from exhausting the stack of this and every later
    /// (recursive) stage.
    static let maximumDepth = 16
}
