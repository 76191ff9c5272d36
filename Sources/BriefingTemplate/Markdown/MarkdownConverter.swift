import BriefingContent
import BriefingModel
import CCmark

extension MarkdownParser {
    /// Walks cmark-gfm's tree into content blocks, collecting errors (all of them, so one run
    /// reports every problem) and warnings for what is written but not rendered.
    struct Converter {
        let file: String
        /// The parsed text, for checks that need the source line (table rows).
        let sourceLines: [Substring]
        let grades: [Confidence]
        let image: ImageLookup
        let chart: ChartLookup
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        /// Code as written with its placeholders expanded unescaped, by node (`codeTexts`).
        var codeTexts: [OpaquePointer: String] = [:]
        /// Whether some text holds a `^`, as a reference to an undefined note left as text does.
        var mayReferToUndefinedNotes = false
        private var depth = 0
        private var reportedDepth = false

        init(file: String, source: String, grades: [Confidence], image: @escaping ImageLookup, chart: @escaping ChartLookup) {
            self.file = file
            self.sourceLines = Self.lines(source)
            self.grades = grades
            self.image = image
            self.chart = chart
        }

        /// The text's lines as cmark numbers them: each ends at LF, CR LF or a lone CR.
        /// Split as bytes: splitting the String by Character ran grapheme breaking over every
        /// section (0.7% of a run), and took CR LF, one Character, for no line end at all.
        static func lines(_ source: String) -> [Substring] {
            let utf8 = source.utf8
            var lines: [Substring] = []
            var start = utf8.startIndex, index = start
            while index < utf8.endIndex {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                    index = utf8.index(after: index)
                    continue
                }
                lines.append(Substring(utf8[start..<index]))
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") { next = utf8.index(after: next) }
                start = next
                index = next
            }
            lines.append(Substring(utf8[start...]))
            return lines
        }

        /// Runs `body` one level deeper, or reports the nesting (once) and returns nil.
        mutating func nested<T>(_ node: OpaquePointer, _ body: (inout Converter) -> T) -> T? {
            guard depth < MarkdownParser.maximumDepth else {
                if !reportedDepth {
                    problems.append(
                        .error(
                            location(node), "Markdown nested more than \(MarkdownParser.maximumDepth) levels deep",
                            hint: "flatten the lists, quotes or emphasis"))
                    reportedDepth = true
                }
                return nil
            }
            depth += 1
            defer { depth -= 1 }
            return body(&self)
        }

        func location(_ node: OpaquePointer) -> SourceLocation {
            SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        }

        func children(_ node: OpaquePointer) -> [OpaquePointer] {
            var result: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                result.append(current)
                child = cmark_node_next(current)
            }
            return result
        }

        func literal(_ node: OpaquePointer) -> String {
            MarkdownParser.literal(node)
        }

        /// The node's type name ("paragraph", "table", "table_cell"): extension nodes (tables)
        /// have no fixed type constant to compare with.
        func typeName(_ node: OpaquePointer) -> String {
            cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        }

        /// The whole document: its blocks, then its footnotes (which cmark-gfm moves to the
        /// end, in order of first reference) as one notes block.
        mutating func document(_ node: OpaquePointer) -> [Block] {
            var blocks: [Block] = []
            var definitions: [OpaquePointer] = []
            for child in children(node) {
                if cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION {
                    definitions.append(child)
                } else if let block = block(child) {
                    blocks.append(block)
                }
            }
            if let notes = notes(definitions) { blocks.append(notes) }
            return blocks
        }

        mutating func blocks(childrenOf node: OpaquePointer) -> [Block] {
            children(node).compactMap { block($0) }
        }

        mutating func block(_ node: OpaquePointer) -> Block? {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_PARAGRAPH:
                // A paragraph holding only ![title](chart:ID) or ![alt](path) places a figure.
                let kids = children(node)
                if kids.count == 1, cmark_node_get_type(kids[0]) == CMARK_NODE_IMAGE { return figure(kids[0]) }
                let inlines = inlines(childrenOf: node)
                return .paragraph(inlines)
            case CMARK_NODE_HEADING:
                // Level 1 is the section title from briefing.yaml, so `#` and `##` both become level 2.
                let level = min(4, max(2, Int(cmark_node_get_heading_level(node))))
                return .heading(level: level, inlines(childrenOf: node))
            case CMARK_NODE_LIST:
                guard let items = nested(node, { converter in converter.children(node).map { converter.blocks(childrenOf: $0) } }) else {
                    return nil
                }
                if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                    return .orderedList(start: Int(cmark_node_get_list_start(node)), items)
                }
                return .bulletList(items)
            case CMARK_NODE_BLOCK_QUOTE:
                return nested(node) { .callout($0.blocks(childrenOf: node)) }
            case CMARK_NODE_THEMATIC_BREAK:
                return .thematicBreak
            case CMARK_NODE_CODE_BLOCK where !MarkdownParser.isCode(node):
                return chartBlock(node)
            case CMARK_NODE_CODE_BLOCK:
                // Printed literally: data must never become markup.
                let text = (codeTexts[node] ?? literal(node)).trimmingCharacters(in: .newlines)
                return .paragraph(Self.code(text, grades: grades))
            case CMARK_NODE_HTML_BLOCK where Self.isPageBreak(literal(node)):
                return .pageBreak
            case CMARK_NODE_HTML_BLOCK:
                warnings.append(
                    .warning(location(node), "raw HTML is not rendered; this block is left out", hint: "write it in Markdown"))
                return nil
            default:
                if typeName(node) == "table" { return table(node) }
                problems.append(.error(location(node), "unsupported Markdown block '\(typeName(node))'"))
                return nil
            }
        }

        mutating func inlines(childrenOf node: OpaquePointer) -> [Inline] {
            children(node).flatMap { inline($0) }
        }

        mutating func inline(_ node: OpaquePointer) -> [Inline] {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                let text = literal(node)
                // A `^` may be left of a reference to a note nobody defined (`undefinedNotes`).
                if !mayReferToUndefinedNotes, ByteScan.contains(text, where: { $0 == UInt8(ascii: "^") }) { mayReferToUndefinedNotes = true }
                return Self.decodeTokens(text, grades: grades)
            case CMARK_NODE_EMPH: return nested(node) { [.emphasis($0.inlines(childrenOf: node))] } ?? []
            case CMARK_NODE_STRONG: return nested(node) { [.strong($0.inlines(childrenOf: node))] } ?? []
            case CMARK_NODE_CODE: return Self.code(codeTexts[node] ?? literal(node), grades: grades)
            case CMARK_NODE_HTML_INLINE:
                warnings.append(
                    .warning(location(node), "raw HTML '\(literal(node))' is not rendered; it is left out", hint: "write it in Markdown"))
                return []
            case CMARK_NODE_SOFTBREAK: return [.softBreak]
            case CMARK_NODE_LINEBREAK: return [.lineBreak]
            // cmark-gfm numbers footnotes in order of first reference and writes the number
            // as the reference's text.
            case CMARK_NODE_FOOTNOTE_REFERENCE: return [.footnote(Int(literal(node)) ?? 0)]
            case CMARK_NODE_IMAGE:
                problems.append(
                    .error(
                        location(node), "images cannot stand inside text",
                        hint: "put ![alt](path) or ![title](chart:ID) in a paragraph of its own"))
                return []
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                guard url.count <= Source.longestURL else {
                    problems.append(
                        .error(
                            location(node), "a link of \(url.count) characters; at most \(Source.longestURL) are allowed",
                            hint: "link to a shorter address (a landing page rather than a query)"))
                    return []
                }
                // A link goes to the web, to a mail address or to a place in the briefing: a
                // `javascript:` or `file:` address would run or open something in a reader's
                // PDF viewer or browser.
                let lowered = url.lowercased()
                // A placeholder in the address (`[x]({{ref.section.ai}})`) arrives as a token:
                // said in the author's words, not the token's.
                if url.contains(InlineToken.open) {
                    problems.append(
                        .error(
                            location(node), "a link's address is a placeholder: a placeholder stands in the text, not in (...)",
                            hint: "write {{ref.section.ID}} alone, which links to the section itself, or a whole https:// address"))
                    return []
                }
                guard ["https://", "http://", "mailto:", "#"].contains(where: { lowered.hasPrefix($0) }) else {
                    problems.append(
                        .error(
                            location(node), "a link to '\(url.prefix(60))': links go to http(s) addresses, mailto: or #places",
                            hint: "write the whole address (https://...), or name a part with {{ref.section.ID}}"))
                    return []
                }
                return nested(node) { [.link(url: url, $0.inlines(childrenOf: node))] } ?? []
            default:
                problems.append(.error(location(node), "unsupported Markdown element '\(typeName(node))'"))
                return []
            }
        }

        /// `<!-- page break -->` (or `pagebreak`, `page-break`, any case) on a line of its own:
        /// an HTML comment, so the file still reads cleanly where Markdown is previewed.
        static func isPageBreak(_ html: String) -> Bool {
            let text = html.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return false }
            let words = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
            return ["page break", "pagebreak", "page-break"].contains(words)
        }

        /// Code (a span or a block) with the placeholders it holds: their values are code too,
        /// and their citations, markers and references stay where they were, as in text. The
        /// tokens themselves never reach the page.
        static func code(_ text: String, grades: [Confidence]) -> [Inline] {
            decodeTokens(text, grades: grades).map { inline in
                if case .text(let text) = inline { .code(text) } else { inline }
            }
        }

        /// Splits text on inline tokens (citations, confidence markers) emitted by placeholders.
        /// Scans the UTF-8 bytes: most text has no token, and a search by `Character` costs a
        /// grapheme break test per character (9 million instructions in the default briefing).
        static func decodeTokens(_ text: String, grades: [Confidence]) -> [Inline] {
            var text = text
            let decoded = text.withUTF8 { bytes -> [Inline]? in
                guard var open = InlineToken.find(InlineToken.openBytes, in: bytes, from: 0) else { return nil }
                var result: [Inline] = []
                var start = 0
                while true {
                    guard let close = InlineToken.find(InlineToken.closeBytes, in: bytes, from: open + 3) else { break }
                    if open > start { result.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<open]), as: UTF8.self))) }
                    let payload = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 3)..<close]), as: UTF8.self)
                    switch InlineToken(payload: Substring(payload), grades: grades) {
                    case .citation(let id): result.append(.citation(sourceID: id))
                    case .marker(let confidence): result.append(.confidenceMarker(confidence))
                    case .reference(let reference): result.append(.reference(reference))
                    case .revised: result.append(.revisedMarker)
                    case nil: break
                    }
                    start = close + 3
                    guard let next = InlineToken.find(InlineToken.openBytes, in: bytes, from: start) else { break }
                    open = next
                }
                if start < bytes.count { result.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))) }
                return result
            }
            return decoded ?? [.text(text)]
        }
    }
}
