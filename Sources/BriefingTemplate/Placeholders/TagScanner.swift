import BriefingContent
import BriefingModel

/// Checks every `{{...}}` tag of a template against the placeholder tree before rendering,
/// because Mustache renders an unknown name as nothing: a briefing with a silently missing
/// number is worse than no briefing. Reports file, line and column of each bad tag.
struct TagScanner {
    /// What swift-mustache accepts in a name.
    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_")

    let file: String
    let root: PlaceholderNode

    /// Every `{{ref.KIND.ID}}` in the text with its position, for warnings about references to
    /// sections or charts a run leaves out.
    func references(in text: String) -> [(reference: CrossReference, location: SourceLocation)] {
        var found: [(CrossReference, SourceLocation)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{ref.") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let parts = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces).split(
                    separator: ".", maxSplits: 1)
                if parts.count == 2, let kind = CrossReference.Kind(rawValue: String(parts[0])) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(
                        (CrossReference(kind: kind, id: String(parts[1])), SourceLocation(file: file, line: offset + 1, column: column)))
                }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    func check(_ text: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var sections: [(name: String, node: PlaceholderNode?, location: SourceLocation)] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, column = 1

        func advance(_ count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        func matches(_ pattern: String, at position: Int) -> Bool {
            let pattern = Array(pattern.unicodeScalars)
            guard position + pattern.count <= scalars.count else { return false }
            return (0..<pattern.count).allSatisfy { scalars[position + $0] == pattern[$0] }
        }

        while index < scalars.count {
            // The first character decides almost every position, without building the pattern.
            guard scalars[index] == "{", matches("{{", at: index) else {
                advance(1)
                continue
            }
            let location = SourceLocation(file: file, line: line, column: column)
            let triple = matches("{{{", at: index)
            let closer = triple ? "}}}" : "}}"
            var end = index + (triple ? 3 : 2)
            while end < scalars.count, scalars[end] != "}" || !matches(closer, at: end), scalars[end] != "\n" {
                if scalars[end] == "{", matches("{{", at: end) { break }
                end += 1
            }
            guard end < scalars.count, matches(closer, at: end) else {
                problems.append(.error(location, "unclosed placeholder: '{{' without a matching '\(closer)'"))
                advance(triple ? 3 : 2)
                continue
            }
            let body = String(String.UnicodeScalarView(scalars[(index + (triple ? 3 : 2))..<end]))
                .trimmingCharacters(in: .whitespaces)
            checkTag(body, triple: triple, at: location, sections: &sections, problems: &problems)
            advance(end + closer.unicodeScalars.count - index)
        }
        for open in sections {
            problems.append(.error(open.location, "section '{{#\(open.name)}}' is never closed", hint: "add {{/\(open.name)}}"))
        }
        return problems
    }

    private func checkTag(
        _ body: String, triple: Bool, at location: SourceLocation,
        sections: inout [(name: String, node: PlaceholderNode?, location: SourceLocation)],
        problems: inout [Diagnostic]
    ) {
        guard let sigil = body.first else {
            problems.append(.error(location, "empty placeholder '{{}}'"))
            return
        }
        let name = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
        switch sigil {
        case "!", "%":
            return
        case "#", "^":
            let node = resolve(name, at: location, sections: sections, problems: &problems)
            sections.append((name, node, location))
        case "/":
            guard let open = sections.popLast() else {
                problems.append(.error(location, "'{{/\(name)}}' closes a section that was never opened"))
                return
            }
            if open.name != name {
                problems.append(.error(location, "'{{/\(name)}}' closes '{{#\(open.name)}}' (opened at line \(open.location.line))"))
            }
        case ">", "<", "$", "=":
            problems.append(
                .error(location, "'{{\(body)}}': partials, blocks and delimiter changes are not supported in briefing templates"))
        case "&":
            _ = resolve(name, at: location, sections: sections, problems: &problems)
        default:
            _ = resolve(body, at: location, sections: sections, problems: &problems)
        }
    }

    /// The closest valid name. Names of the same shape (`event.ID.date`) are compared on the
    /// part that differs, so a long shared prefix cannot make a distant id look close.
    private func suggestion(for name: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let all = root.allNames().map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        guard parts.count > 1 else { return Suggestion.closest(to: name, in: all.map { $0.joined(separator: ".") }) }
        for position in parts.indices {
            let peers = all.filter { other in
                other.count == parts.count
                    && other.indices.allSatisfy { $0 == position || other[$0].lowercased() == parts[$0].lowercased() }
            }
            if let segment = Suggestion.closest(to: parts[position], in: peers.map { $0[position] }) {
                var fixed = parts
                fixed[position] = segment
                return fixed.joined(separator: ".")
            }
        }
        return nil
    }

    private func resolve(
        _ name: String, at location: SourceLocation,
        sections: [(name: String, node: PlaceholderNode?, location: SourceLocation)],
        problems: inout [Diagnostic]
    ) -> PlaceholderNode? {
        if name == "." { return sections.last?.node }
        if let bad = name.first(where: { !Self.nameCharacters.contains($0) }) {
            problems.append(
                .error(
                    location, "placeholder '\(name)' contains '\(bad)'",
                    hint: "names use ASCII letters, digits, '.', '-' and '_' (write suppliers like 'united-states', 'turkiye')"))
            return nil
        }
        if let node = root.resolve(name) { return node }
        for open in sections.reversed() {
            if let node = open.node?.resolve(name) { return node }
        }
        let parameters = root.resolve("param")?.allNames(prefix: "param") ?? []
        let hint =
            suggestion(for: name).map { "did you mean '\($0)'?" }
            ?? (name.hasPrefix("param.")
                ? (parameters.isEmpty
                    ? "this template declares no parameters (parameters: in briefing.yaml)"
                    : "its parameters: \(parameters.sorted().joined(separator: ", "))")
                : nil)
            ?? "placeholders name facts in data.yaml: fig.ID, growth.ID, projection.ID, event.ID, supply.SERIES.ROW.SUPPLIER, "
            + "series.ID.POINT, cite.SOURCE; or refer to a part: ref.section.ID, ref.chart.ID (a chart block's id, a figure number or a kind)"
        problems.append(.error(location, "unknown placeholder '\(name)'", hint: hint))
        return nil
    }
}
