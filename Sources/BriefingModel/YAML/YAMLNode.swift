/// A YAML node with the dotted path of the field it came from, so every error can name
/// the file, line, column and field. Readers report problems to the context and return nil.
public struct YAMLNode {
    public let node: Node
    let context: DecodeContext
    /// The path of the node this one is a field or item of, and which: the path is spelt out
    /// when asked for (an error, a nested field), not for each of a file's thousands of
    /// fields (a string built per field was a sixth of decoding 2,000 events).
    private let parentPath: String
    private let step: Step

    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    /// The field path, e.g. `figures[3].value`.
    public var path: String {
        switch step {
        case .none: parentPath
        case .key(let key): parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case .index(let index): "\(parentPath)[\(index)]"
        }
    }

    init(_ node: Node, context: DecodeContext, path: String) {
        self.node = node
        self.context = context
        parentPath = path
        step = .none
    }

    /// The field `key` of the mapping at `parent`.
    init(_ node: Node, context: DecodeContext, parent: String, key: String) {
        self.node = node
        self.context = context
        parentPath = parent
        step = .key(key)
    }

    /// Item `index` of the list at `parent`.
    init(_ node: Node, context: DecodeContext, parent: String, index: Int) {
        self.node = node
        self.context = context
        parentPath = parent
        step = .index(index)
    }

    public var location: SourceLocation { context.location(of: node) }

    func fail(_ expected: String) {
        let found: String
        switch node {
        case .scalar(let scalar): found = scalar.string.isEmpty || scalar.tag == Node.nullTag ? "nothing" : "'\(Self.shown(scalar.string))'"
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        }
        context.error(node, "field '\(path)': expected \(expected), found \(found)")
    }

    /// The scalar's text as written (YAML's own typing of dates and numbers is ignored on purpose:
    /// the model parses `2024-05-30`, `2014` and `1970s` itself).
    /// - Parameter expandingParameters: false for a value that stays data (a date or a
    ///   period, as numbers are): `{{param.ID}}` in it is then text, and no date.
    public func string(expandingParameters: Bool = true) -> String? {
        guard case .scalar(let scalar) = node, scalar.tag != Node.nullTag else {
            fail("text")
            return nil
        }
        // Escapes (`"\\UFFFF"`) can make noncharacters the file itself did not hold. One pass
        // over the bytes says which of the three checks a value needs (most need none).
        let scan = ByteScan.valueScan(scalar.string)
        let text =
            scan.control
            ? Noncharacters.replaced(in: Self.printable(scalar.string))
            : scan.highLead ? Noncharacters.replaced(in: scalar.string) : scalar.string
        guard expandingParameters, let parameters = context.parameters, scan.control || scan.braces else { return text }
        return Parameter.substitute(in: text, values: parameters) { name in
            let known = parameters.isEmpty ? nil : "its parameters: \(parameters.keys.sorted().joined(separator: ", "))"
            let said = [context.parametersFrom, known].compactMap { $0 }
            let hint =
                Suggestion.closest(to: name, in: Array(parameters.keys)).map { "did you mean 'param.\($0)'?" }
                ?? (said.isEmpty ? "this template declares no parameters" : said.joined(separator: "; "))
            context.error(node, "field '\(path)': unknown parameter 'param.\(name)'", hint: hint)
        }
    }

    /// Data is printed, never interpreted: control characters (a YAML "\a" escape) cannot be
    /// drawn, so they are dropped here, where every value enters the program.
    static func printable(_ text: String) -> String {
        // Control characters are U+0000-001F, U+007F and U+0080-009F (UTF-8 C2 80-C2 9F): a byte
        // scan finds them without looking up every scalar's properties.
        guard ByteScan.hasControlCharacter(text) else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" || $0 == "\t" }))
    }

    /// Non-empty text, trimmed.
    public func text(expandingParameters: Bool = true) -> String? {
        guard let value = string(expandingParameters: expandingParameters) else { return nil }
        let trimmed = Self.trimmed(value)
        if trimmed.isEmpty {
            context.error(node, "field '\(path)': expected text, found nothing")
            return nil
        }
        return trimmed
    }

    /// Without surrounding white space; most values have none, and Foundation's trimming
    /// bridges every string through NSString.
    static func trimmed(_ text: String) -> String {
        // Most values start and end with a printable ASCII character: nothing to trim, and
        // no scalar property to look up.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func double() -> Double? {
        guard case .scalar(let scalar) = node else {
            fail("a number")
            return nil
        }
        // Digit separators (`1_000`), each between two digits (`_1`, `1__0` and `1_.5` are
        // typing slips); Foundation's replacing only when there is one.
        let hasSeparator = scalar.string.utf8.contains(UInt8(ascii: "_"))
        guard !hasSeparator || Self.separatesDigits(scalar.string) else {
            fail("a number (a '_' may only stand between two digits, as in 1_000)")
            return nil
        }
        let raw = hasSeparator ? scalar.string.replacingEvery("_", with: "") : scalar.string
        // Decimal numbers only: Swift would also read hexadecimal (0x1F as 31), `inf` and `nan`,
        // which no analyst means as a figure.
        guard Self.isDecimal(raw), let value = Double(raw) else {
            fail("a number")
            return nil
        }
        // Too large for a Double (1e400) or for a briefing, or so small it reads as 0 (1e-400).
        let underflows = (value == 0 && raw.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }.contains { (49...57).contains($0) })
            || (value != 0 && abs(value) < Self.smallestInput)
        guard value.isFinite, abs(value) <= NumberFormatting.largestInput, !underflows else {
            let hint =
                path.hasSuffix("percent") ? "a rate is given in percent: 81 for 81%"
                : path.contains("shares") ? "a share is given in percent: 42 for 42%"
                : underflows ? "give the value in a smaller unit" : "give the value in a larger unit (bn or tn)"
            let limit = underflows ? "too small to hold: at least 10^-300 from zero, or 0" : "at most 10^15 either side of zero"
            context.error(node, "field '\(path)': \(Self.shown(scalar.string)) is out of range (\(limit))", hint: hint)
            return nil
        }
        return value
    }

    /// The smallest magnitude a value may have other than 0: far below anything a briefing
    /// measures, and far above where a Double loses digits (subnormals, then 0).
    static let smallestInput = 1e-300

    /// Whether every `_` in `text` stands between two digits.
    static func separatesDigits(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { bytes.indices.contains(index) && (48...57).contains(bytes[index]) }
        return bytes.indices.allSatisfy { bytes[$0] != UInt8(ascii: "_") || (isDigit($0 - 1) && isDigit($0 + 1)) }
    }

    /// Digits with an optional sign, point and exponent: what a data file means by a number.
    static func isDecimal(_ text: String) -> Bool {
        text.utf8.contains { (48...57).contains($0) }
            && text.utf8.allSatisfy { (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }

    /// A value as an error quotes it: whole when short, else its start and end with its length,
    /// so a 5,000-digit value does not make a 5,000-character line.
    static func shown(_ text: String) -> String {
        guard text.count > 48 else { return text }
        return "\(text.prefix(24))…\(text.suffix(12)) (\(text.count) characters)"
    }

    public func int() -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            fail("a whole number")
            return nil
        }
        return value
    }

    /// A whole number within `range`, so arithmetic on it (years apart, periods counted back)
    /// cannot overflow.
    public func int(in range: ClosedRange<Int>, _ what: String = "a whole number") -> Int? {
        guard let value = int() else { return nil }
        guard range.contains(value) else {
            context.error(node, "field '\(path)': expected \(what) from \(range.lowerBound) to \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    /// A title or other printed line: non-empty text of at most `limit` characters, without
    /// `{{` (placeholders are expanded in the Markdown, not in these fields, and would print
    /// as typed). A 200,000-character section title made 117 pages and an 86 MB PDF.
    public func title(atMost limit: Int) -> String? {
        guard let value = text() else { return nil }
        if value.count > limit {
            context.error(node, "field '\(path)': \(value.count) characters; at most \(limit) are allowed here")
            return nil
        }
        // A parameter placeholder left in the text is one the substitution already reported.
        if value.contains("{{"), context.parameters == nil || !value.contains("{{param.") {
            context.error(node, "field '\(path)': placeholders ({{...}}) are not expanded here and would print as typed")
            return nil
        }
        return value
    }

    /// A year, within the range dates may have (`FuzzyDate.years`).
    public func year() -> Int? { int(in: FuzzyDate.years, "a year") }

    public func bool() -> Bool? {
        guard case .scalar(let scalar) = node else {
            fail("true or false")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail("true or false")
            return nil
        }
    }

    public func list() -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            fail("a list")
            return nil
        }
        let parent = path
        return sequence.enumerated().map { YAMLNode($1, context: context, parent: parent, index: $0) }
    }

    /// A list of strings, e.g. `[students, fibre-length]`.
    public func stringList() -> [(String, SourceLocation)]? {
        guard let items = list() else { return nil }
        return items.compactMap { item in item.text().map { ($0, item.location) } }
    }

    /// A mapping with free-form keys (supplier -> share), in document order.
    public func pairs() -> [(key: String, value: YAMLNode, location: SourceLocation)]? {
        guard case .mapping(let mapping) = node else {
            fail("a mapping")
            return nil
        }
        let path = path
        return mapping.compactMap { key, value in
            guard case .scalar(let scalar) = key else {
                context.error(key, "in '\(path)': keys must be plain text")
                return nil
            }
            return (scalar.string, YAMLNode(value, context: context, parent: path, key: scalar.string), context.location(of: key))
        }
    }

    /// Reads a mapping whose keys must come from `keys`; unknown and duplicate keys are reported
    /// (with the closest valid key as a hint) and the remaining fields are still read.
    public func mapping(keys: [String]) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            fail("a mapping with the fields \(keys.joined(separator: ", "))")
            return nil
        }
        // Values by key, the nodes stored once (they are large enums: a (key, value) pair per
        // field, mapped again at the end, was most of reading an event's fields). A mapping
        // has at most the few keys it allows: found by comparing, not hashing (a dictionary
        // made and searched per entry was a third of reading an event's fields).
        let path = path
        var fields: [(key: String, value: Node)] = []
        fields.reserveCapacity(min(keys.count, mapping.count))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                context.error(key, "in '\(path)': keys must be plain text")
                continue
            }
            let name = scalar.string
            // Named only in an error: not built for every key of every entry.
            var fieldPath: String { path.isEmpty ? name : "\(path).\(name)" }
            if fields.contains(where: { $0.key == name }) {
                let first = mapping.first { candidate, _ in
                    if case .scalar(let other) = candidate { return other.string == name }
                    return false
                }
                let line = first?.key.mark?.line ?? 0
                context.error(key, "duplicate key '\(fieldPath)' (first given on line \(line))")
                continue
            }
            guard keys.contains(name) else {
                let hint =
                    Suggestion.closest(to: name, in: keys).map { "did you mean '\($0)'?" }
                    ?? "valid keys: \(keys.joined(separator: ", "))"
                context.error(key, "unknown key '\(fieldPath)'", hint: hint)
                continue
            }
            fields.append((name, value))
        }
        return YAMLMapping(node: self, path: path, fields: fields)
    }
}

/// The fields of a mapping node, already checked against the allowed keys.
public struct YAMLMapping {
    let node: YAMLNode
    /// The mapping's path, spelt out once for all its fields.
    public let path: String
    /// The fields given, in the order written, each key once.
    let fields: [(key: String, value: Node)]

    public var location: SourceLocation { node.location }

    private func value(_ key: String) -> Node? {
        for field in fields where field.key == key { return field.value }
        return nil
    }

    private func child(_ key: String, _ value: Node) -> YAMLNode {
        YAMLNode(value, context: node.context, parent: path, key: key)
    }

    /// The field, or nil after reporting it missing.
    public func required(_ key: String) -> YAMLNode? {
        guard let value = value(key) else {
            let field = path.isEmpty ? key : "\(path).\(key)"
            node.context.error(node.node, "missing required field '\(field)'")
            return nil
        }
        return child(key, value)
    }

    /// The field, or nil if absent or explicitly null.
    public func optional(_ key: String) -> YAMLNode? {
        guard let value = value(key) else { return nil }
        if case .scalar(let scalar) = value, scalar.tag == Node.nullTag { return nil }
        return child(key, value)
    }

    public func has(_ key: String) -> Bool { value(key) != nil }

    func error(_ message: String, hint: String? = nil) {
        node.context.error(node.node, message, hint: hint)
    }
}
