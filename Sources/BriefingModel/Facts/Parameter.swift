import Foundation

/// A value the template leaves open (`parameters:` in `briefing.yaml`): one template, a
/// briefing per partner country. Used as `{{param.ID}}` in section files and in the values
/// of `briefing.yaml` and the data file (titles, file names), given with `--param ID=VALUE`.
public struct Parameter: Sendable, Equatable {
    public var id: String
    /// What the value is ("Partner country"), for messages and `sections`.
    public var label: String
    /// The value when none is given; nil: every run must give one.
    public var defaultValue: String?
    /// The values allowed; nil: any text.
    public var values: [String]?
    public var location: SourceLocation

    public init(id: String, label: String, defaultValue: String?, values: [String]?, location: SourceLocation) {
        self.id = id
        self.label = label
        self.defaultValue = defaultValue
        self.values = values
        self.location = location
    }

    /// The value of every declared parameter for one run: the given one, else the default.
    /// A parameter the template does not declare, one without a default that is not given,
    /// and a value outside `values` are the command line's mistakes (64), each with the
    /// closest name or value.
    public static func resolve(_ declared: [Parameter], given: [String: String]) throws -> [String: String] {
        var problems: [Diagnostic] = []
        let place = SourceLocation.argument("--param")
        for id in given.keys.sorted() where !declared.contains(where: { $0.id == id }) {
            let hint =
                declared.isEmpty
                ? "this template declares no parameters"
                : Suggestion.closest(to: id, in: declared.map(\.id)).map { "did you mean '\($0)'?" }
                    ?? "its parameters: \(declared.map(\.id).joined(separator: ", "))"
            problems.append(.error(place, "unknown parameter '\(id)'", hint: hint))
        }
        var values: [String: String] = [:]
        for parameter in declared {
            guard let value = given[parameter.id] ?? parameter.defaultValue else {
                problems.append(
                    .error(
                        place, "parameter '\(parameter.id)' (\(parameter.label)) has no default: give --param \(parameter.id)=VALUE",
                        hint: parameter.values.map { "one of: \($0.joined(separator: ", "))" }))
                continue
            }
            // A default outside the values is the template's mistake, reported at its line.
            if given[parameter.id] != nil, let allowed = parameter.values, !allowed.contains(value) {
                let hint =
                    Suggestion.closest(to: value, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "one of: \(allowed.joined(separator: ", "))"
                problems.append(.error(place, "parameter '\(parameter.id)': '\(value)' is not one of its values", hint: hint))
                continue
            }
            values[parameter.id] = value
        }
        if !problems.isEmpty { throw InputError(kind: .usage, diagnostics: problems) }
        return values
    }

    /// The ids `{{param.ID}}` names in `text`: a delivery file's row columns are found by it.
    public static func referenced(in text: String) -> Set<String> {
        var names = Set<String>()
        _ = substitute(in: text, values: [:]) { names.insert($0) }
        return names
    }

    /// `{{param.ID}}` in `text` replaced by its value. Unknown names are reported through
    /// `unknown` (with the name) and left as written.
    static func substitute(in text: String, values: [String: String], unknown: (String) -> Void) -> String {
        // Every scalar of every data file passes here: a byte scan for "{{" first, since
        // Foundation's `contains` goes through NSString (3% of loading 2,000 events).
        var previous: UInt8 = 0
        let opens = text.utf8.contains { byte in
            defer { previous = byte }
            return byte == UInt8(ascii: "{") && previous == UInt8(ascii: "{")
        }
        guard opens, text.contains("param.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            // `{{param.ID}}`, spaces inside the braces allowed as in the section files.
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("param.") {
                let name = String(inner.dropFirst("param.".count))
                if let value = values[name] {
                    out += value
                } else {
                    unknown(name)
                    out += rest[open.lowerBound..<close.upperBound]
                }
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// `--output out/{partner}.pdf`: an output path with each `{ID}` the value of that parameter,
/// so each partner's briefing keeps its own file, state folder and history of editions.
public enum OutputPattern {
    /// The path with every `{ID}` filled in; a name that is no parameter, or a value that
    /// cannot be part of a file name, is a usage error (64).
    public static func fill(_ pattern: String, values: [String: String]) throws -> String {
        guard pattern.contains("{") else { return pattern }
        let place = SourceLocation.argument("--output")
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw InputError(kind: .usage, place, "'{' without a closing '}' in '\(pattern)'", hint: "write a parameter as {ID}")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else {
                let hint =
                    values.isEmpty
                    ? "this template declares no parameters"
                    : Suggestion.closest(to: name, in: Array(values.keys)).map { "did you mean {\($0)}?" }
                        ?? "its parameters: \(values.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))"
                throw InputError(kind: .usage, place, "'{\(name)}' in '\(pattern)' names no parameter", hint: hint)
            }
            guard !value.contains("/"), !value.contains("\0"), value != ".", value != "..", !value.isEmpty else {
                throw InputError(
                    kind: .usage, place, "the value '\(value)' of parameter '\(name)' cannot be part of a file name",
                    hint: "name the output without {\(name)}")
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
