import BriefingContent
import BriefingModel
import CCmark

extension MarkdownParser.Converter {
    /// `![title](chart:ID)` places a chart; `![alt](path "title")` an image from the template.
    mutating func figure(_ node: OpaquePointer) -> Block? {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let children = inlines(childrenOf: node)
        let text = children.plainText
        let at = location(node)
        if url.hasPrefix("chart:") {
            // `![title](chart:ID)`: the title prints as plain text, like a chart block's.
            if children.contains(where: \.isAttribution) {
                problems.append(contentsOf: InputError.tokensInTitle("chart title", at: at).diagnostics)
                return nil
            }
            return resolveChart(String(url.dropFirst(6)), text.isEmpty ? [:] : ["title": text], at: at)
        }
        let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append(
                .error(at, "the image '\(url)' has no alt text", hint: "describe it for readers who cannot see it: ![a map of ...](\(url))")
            )
            return nil
        }
        do {
            guard !title.contains(InlineToken.open) else { throw InputError.tokensInTitle("image caption", at: at) }
            var figure = try image(url, text, at)
            figure.title = title
            return .image(figure)
        } catch let error as InputError {
            problems.append(contentsOf: error.diagnostics)
        } catch {
            problems.append(.error(at, "\(error)"))
        }
        return nil
    }

    /// ```chart ID``` with optional `key: value` lines.
    mutating func chartBlock(_ node: OpaquePointer) -> Block? {
        let info = String(cString: cmark_node_get_fence_info(node)).split(separator: " ").map(String.init)
        let at = location(node)
        guard info.first == "chart", info.count == 2 else {
            problems.append(
                .error(at, "a chart block starts with ```chart ID", hint: "charts: \(ChartResolver.ids.joined(separator: ", "))"))
            return nil
        }
        return resolveChart(info[1], chartOptions(literal(node), at: at), at: at)
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
}

extension Inline {
    /// A citation, confidence marker or cross-reference: what plain text cannot carry.
    fileprivate var isAttribution: Bool {
        switch self {
        case .citation, .confidenceMarker, .reference: true
        case .emphasis(let children), .strong(let children), .link(_, let children): children.contains(where: \.isAttribution)
        default: false
        }
    }
}
