import BriefingContent
import BriefingModel

/// Checks every `{{...}}` tag of a template against the placeholder tree before rendering,
/// because Mustache renders an unknown name as nothing: a briefing with a silently missing
/// number is worse than no briefing. Reports file, line and column of each bad tag.
struct TagScanner {
    /// What swift-mustache accepts in a name.
    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_")

    /// A byte of `nameCharacters` (all ASCII): the check runs on bytes, and only a name with
    /// another byte is looked at character by character, for the message.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    let file: String
    let root: PlaceholderNode

    /// Every `{{ref.KIND.ID}}` in the text with its position, for warnings about references to
    /// sections or charts a run leaves out. The column counts characters from the line's start.
    func references(in text: String) -> [(reference: CrossReference, location: SourceLocation)] {
        var found: [(CrossReference, SourceLocation)] = []
        var text = text
        text.withUTF8 { bytes in
            let opener = Array("{{ref.".utf8)
            var line = 1, lineStart = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                    index += 1
                    continue
                }
                guard byte == UInt8(ascii: "{"), Self.matches(opener, in: bytes, at: index) else {
                    index += 1
                    continue
                }
                let inside = index + opener.count
                var close = inside
                while close + 1 < bytes.count, bytes[close] != UInt8(ascii: "\n"),
                    !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}"))
                {
                    close += 1
                }
                guard close + 1 < bytes.count, bytes[close] == UInt8(ascii: "}") else {
                    // No closing braces on this line: nothing more on it is a reference.
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
                let parts = Self.trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[inside..<close]), as: UTF8.self))
                    .split(separator: ".", maxSplits: 1)
                if parts.count == 2, let kind = CrossReference.Kind(rawValue: String(parts[0])) {
                    let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self)
                    found.append(
                        (CrossReference(kind: kind, id: String(parts[1])), SourceLocation(file: file, line: line, column: before.count + 1)))
                }
                index = close + 2
            }
        }
        return found
    }

    /// Checks every tag, scanning the text's UTF-8 bytes (braces and line ends are ASCII, so
    /// they never fall inside a character); columns count Unicode scalars from 1.
    func check(_ text: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var sections: [(name: String, node: PlaceholderNode?, location: SourceLocation)] = []
        var text = text
        text.withUTF8 { bytes in
            let open = Array("{{".utf8), openTriple = Array("{{{".utf8), close = Array("}}".utf8), closeTriple = Array("}}}".utf8)
            var index = 0, line = 1, column = 1
            /// Moves to `target`, counting lines and columns on the way.
            func advance(to target: Int) {
                while index < target && index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                    } else if bytes[index] & 0xC0 != 0x80 {
                        column += 1
                    }
                    index += 1
                }
            }
            while index < bytes.count {
                // The first character decides almost every position.
                guard bytes[index] == UInt8(ascii: "{"), Self.matches(open, in: bytes, at: index) else {
                    advance(to: index + 1)
                    continue
                }
                let location = SourceLocation(file: file, line: line, column: column)
                let triple = Self.matches(openTriple, in: bytes, at: index)
                let closer = triple ? closeTriple : close
                let start = index + (triple ? 3 : 2)
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "}") || !Self.matches(closer, in: bytes, at: end),
                    bytes[end] != UInt8(ascii: "\n")
                {
                    if bytes[end] == UInt8(ascii: "{"), Self.matches(open, in: bytes, at: end) { break }
                    end += 1
                }
                guard end < bytes.count, Self.matches(closer, in: bytes, at: end) else {
                    problems.append(.error(location, "unclosed placeholder: '{{' without a matching '\(triple ? "}}}" : "}}")'"))
                    advance(to: start)
                    continue
                }
                let body = Self.trimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                checkTag(body, triple: triple, at: location, sections: &sections, problems: &problems)
                advance(to: end + closer.count)
            }
        }
        for open in sections {
            problems.append(.error(open.location, "section '{{#\(open.name)}}' is never closed", hint: "add {{/\(open.name)}}"))
        }
        return problems
    }

    /// Whether `pattern` is at `position` of `bytes`.
    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[position + offset] != pattern[offset] { return false }
        return true
    }

    /// `text` without the white space (tabs and space separators, as Foundation's
    /// `.whitespaces`) at its ends; the text itself when it has none, which is almost always.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[start...end])
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
        let name = Self.trimmed(String(body.dropFirst()))
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
            checkValue(name, at: location, sections: sections, problems: &problems)
        default:
            checkValue(body, at: location, sections: sections, problems: &problems)
        }
    }

    /// A tag that prints a value must name one: `{{.}}` outside a section, or a group such as
    /// `{{fig}}` or `{{ref.chart}}`, would print nothing, a silently missing number.
    private func checkValue(
        _ name: String, at location: SourceLocation, sections: [(name: String, node: PlaceholderNode?, location: SourceLocation)],
        problems: inout [Diagnostic]
    ) {
        if name == ".", sections.isEmpty {
            problems.append(.error(location, "'{{.}}' prints the value of the section it is in, and it is in none"))
            return
        }
        guard let node = resolve(name, at: location, sections: sections, problems: &problems), name != ".", node.isGroup else { return }
        // Values under it, not more groups (`{{ref}}` suggests `ref.chart.timeline`).
        let examples = node.allNames().filter { node.resolve($0)?.isGroup == false }.prefix(3).map { "\(name).\($0)" }
        problems.append(
            .error(
                location, "placeholder '\(name)' names a group of values, not one value",
                hint: examples.isEmpty ? nil : "name one of them, such as \(examples.map { "'\($0)'" }.joined(separator: ", "))"))
    }

    /// A character for a message: quoted, and named by its code points when part of it
    /// cannot be seen (a joiner, a combining mark, a control or space character).
    static func shown(_ character: Character) -> String {
        let hidden = character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .format, .control, .nonspacingMark, .enclosingMark, .spaceSeparator, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
        guard hidden else { return "'\(character)'" }
        let codes = character.unicodeScalars.map { "U+" + String(String($0.value, radix: 16, uppercase: true).leftPadded(to: 4)) }
        return "'\(character)' (\(codes.joined(separator: " ")))"
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
        if name.utf8.contains(where: { !Self.isNameByte($0) }), let bad = name.first(where: { !Self.nameCharacters.contains($0) }) {
            problems.append(
                .error(
                    location, "placeholder '\(name)' contains \(Self.shown(bad))",
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

extension String {
    /// The text with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
