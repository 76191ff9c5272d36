import BriefingContent
import BriefingModel
import CCmark

/// Parses expanded CommonMark into content blocks with libcmark, the reference parser.
/// The only file that imports cmark: the rest of the program sees Swift values.
enum MarkdownParser {
    /// Resolves a chart reference (id, options) found at a location into a figure.
    typealias ChartLookup = (String, [String: String], SourceLocation) throws -> ChartFigure

    static func parse(
        _ text: String, file: String, grades: [Confidence] = Confidence.defaults,
        chart: @escaping ChartLookup = { id, _, location in
            throw InputError(kind: .invalidData, location, "charts are not available here ('\(id)')")
        }
    ) throws -> [Block] {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        guard let document = cmark_parse_document(text, text.utf8.count, options) else {
            throw InputError(kind: .invalidData, SourceLocation(file: file), "cannot parse the Markdown")
        }
        defer { cmark_node_free(document) }
        var converter = Converter(file: file, grades: grades, chart: chart)
        let blocks = converter.blocks(childrenOf: document)
        if !converter.problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: converter.problems) }
        return blocks
    }

    /// Deepest nesting of lists, quotes or emphasis accepted. Real briefings use two or three
    /// levels; the limit keeps hostile input from exhausting the stack of this and every later
    /// (recursive) stage.
    static let maximumDepth = 16

    private struct Converter {
        let file: String
        let grades: [Confidence]
        let chart: ChartLookup
        var problems: [Diagnostic] = []
        private var depth = 0
        private var reportedDepth = false

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

        init(file: String, grades: [Confidence], chart: @escaping ChartLookup) {
            self.file = file
            self.grades = grades
            self.chart = chart
        }

        /// A chart, or nil after recording why it cannot be drawn.
        mutating func resolveChart(_ id: String, _ options: [String: String], at location: SourceLocation) -> Block? {
            do {
                return .chart(try chart(id, options, location))
            } catch let error as InputError {
                problems.append(contentsOf: error.diagnostics)
            } catch {
                problems.append(.error(location, "\(error)"))
            }
            return nil
        }

        /// `key: value` lines of a fenced chart block.
        mutating func chartOptions(_ body: String, at location: SourceLocation) -> [String: String] {
            var options: [String: String] = [:]
            for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    let lineLocation = SourceLocation(file: file, line: location.line + 1 + offset, column: 1)
                    problems.append(.error(lineLocation, "chart options are 'key: value' lines, found '\(trimmed)'"))
                    continue
                }
                options[trimmed[..<colon].trimmingCharacters(in: .whitespaces)] = trimmed[trimmed.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces)
            }
            return options
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
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }

        mutating func blocks(childrenOf node: OpaquePointer) -> [Block] {
            children(node).compactMap { block($0) }
        }

        mutating func block(_ node: OpaquePointer) -> Block? {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_PARAGRAPH:
                // A paragraph holding only ![title](chart:ID) places a chart.
                let kids = children(node)
                if kids.count == 1, cmark_node_get_type(kids[0]) == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(kids[0]).map { String(cString: $0) } ?? ""
                    guard url.hasPrefix("chart:") else {
                        problems.append(
                            .error(location(kids[0]), "images are not supported ('\(url)')", hint: "place a chart with ![title](chart:ID)"))
                        return nil
                    }
                    let title = inlines(childrenOf: kids[0]).plainText
                    return resolveChart(String(url.dropFirst(6)), title.isEmpty ? [:] : ["title": title], at: location(kids[0]))
                }
                return .paragraph(inlines(childrenOf: node))
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
            case CMARK_NODE_CODE_BLOCK where (cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "").hasPrefix("chart"):
                // ```chart ID``` with optional `key: value` lines.
                let info = String(cString: cmark_node_get_fence_info(node)).split(separator: " ").map(String.init)
                let at = location(node)
                guard info.first == "chart", info.count == 2 else {
                    problems.append(
                        .error(at, "a chart block starts with ```chart ID", hint: "charts: \(ChartResolver.ids.joined(separator: ", "))"))
                    return nil
                }
                return resolveChart(info[1], chartOptions(literal(node), at: at), at: at)
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
            case CMARK_NODE_TEXT: return Self.decodeTokens(literal(node), grades: grades)
            case CMARK_NODE_EMPH: return nested(node) { [.emphasis($0.inlines(childrenOf: node))] } ?? []
            case CMARK_NODE_STRONG: return nested(node) { [.strong($0.inlines(childrenOf: node))] } ?? []
            case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: return [.code(literal(node))]
            case CMARK_NODE_SOFTBREAK: return [.softBreak]
            case CMARK_NODE_LINEBREAK: return [.lineBreak]
            case CMARK_NODE_IMAGE:
                problems.append(
                    .error(location(node), "images cannot stand inside text", hint: "put ![title](chart:ID) in a paragraph of its own"))
                return []
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                return nested(node) { [.link(url: url, $0.inlines(childrenOf: node))] } ?? []
            default:
                problems.append(
                    .error(location(node), "unsupported Markdown element '\(String(cString: cmark_node_get_type_string(node)))'"))
                return []
            }
        }

        /// Splits text on inline tokens (citations, confidence markers) emitted by placeholders.
        static func decodeTokens(_ text: String, grades: [Confidence]) -> [Inline] {
            guard text.contains(InlineToken.open) else { return [.text(text)] }
            var result: [Inline] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: InlineToken.open) {
                if open > rest.startIndex { result.append(.text(String(rest[..<open]))) }
                guard let close = rest[open...].firstIndex(of: InlineToken.close) else { break }
                switch InlineToken(payload: rest[rest.index(after: open)..<close], grades: grades) {
                case .citation(let id): result.append(.citation(sourceID: id))
                case .marker(let confidence): result.append(.confidenceMarker(confidence))
                case .reference(let reference): result.append(.reference(reference))
                case nil: break
                }
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { result.append(.text(String(rest))) }
            return result
        }
    }
}
