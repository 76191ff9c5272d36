import BriefingContent
import BriefingModel
import CCmark

/// Parses expanded CommonMark into content blocks with libcmark, the reference parser.
/// The only file that imports cmark: the rest of the program sees Swift values.
enum MarkdownParser {
    static func parse(_ text: String, file: String) throws -> [Block] {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        guard let document = cmark_parse_document(text, text.utf8.count, options) else {
            throw InputError(kind: .invalidData, SourceLocation(file: file), "cannot parse the Markdown")
        }
        defer { cmark_node_free(document) }
        var converter = Converter(file: file)
        let blocks = converter.blocks(childrenOf: document)
        if !converter.problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: converter.problems) }
        return blocks
    }

    private struct Converter {
        let file: String
        var problems: [Diagnostic] = []

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
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }

        mutating func blocks(childrenOf node: OpaquePointer) -> [Block] {
            children(node).compactMap { block($0) }
        }

        mutating func block(_ node: OpaquePointer) -> Block? {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_PARAGRAPH:
                return .paragraph(inlines(childrenOf: node))
            case CMARK_NODE_HEADING:
                // Level 1 is the section title from briefing.yaml, so `#` and `##` both become level 2.
                let level = min(4, max(2, Int(cmark_node_get_heading_level(node))))
                return .heading(level: level, inlines(childrenOf: node))
            case CMARK_NODE_LIST:
                let items = children(node).map { blocks(childrenOf: $0) }
                if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                    return .orderedList(start: Int(cmark_node_get_list_start(node)), items)
                }
                return .bulletList(items)
            case CMARK_NODE_BLOCK_QUOTE:
                return .callout(blocks(childrenOf: node))
            case CMARK_NODE_THEMATIC_BREAK:
                return .thematicBreak
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                // Printed literally: a briefing has no raw HTML, and data must never become markup.
                let text = literal(node).trimmingCharacters(in: .newlines)
                return .paragraph([.code(text)])
            default:
                problems.append(.error(location(node), "unsupported Markdown block '\(String(cString: cmark_node_get_type_string(node)))'"))
                return nil
            }
        }

        mutating func inlines(childrenOf node: OpaquePointer) -> [Inline] {
            children(node).flatMap { inline($0) }
        }

        mutating func inline(_ node: OpaquePointer) -> [Inline] {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: return Self.decodeTokens(literal(node))
            case CMARK_NODE_EMPH: return [.emphasis(inlines(childrenOf: node))]
            case CMARK_NODE_STRONG: return [.strong(inlines(childrenOf: node))]
            case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: return [.code(literal(node))]
            case CMARK_NODE_SOFTBREAK: return [.softBreak]
            case CMARK_NODE_LINEBREAK: return [.lineBreak]
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                return [.link(url: url, inlines(childrenOf: node))]
            default:
                problems.append(
                    .error(location(node), "unsupported Markdown element '\(String(cString: cmark_node_get_type_string(node)))'"))
                return []
            }
        }

        /// Splits text on inline tokens (citations, confidence markers) emitted by placeholders.
        static func decodeTokens(_ text: String) -> [Inline] {
            guard text.contains(InlineToken.open) else { return [.text(text)] }
            var result: [Inline] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: InlineToken.open) {
                if open > rest.startIndex { result.append(.text(String(rest[..<open]))) }
                guard let close = rest[open...].firstIndex(of: InlineToken.close) else { break }
                switch InlineToken(payload: rest[rest.index(after: open)..<close]) {
                case .citation(let id): result.append(.citation(sourceID: id))
                case .marker(let confidence): result.append(.confidenceMarker(confidence))
                case nil: break
                }
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { result.append(.text(String(rest))) }
            return result
        }
    }
}
