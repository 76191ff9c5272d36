/// One problem found in the input, printed the way compilers print them so editors can jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    /// Lowercase, no final period; detail in parentheses.
    public var message: String
    public var hints: [String]

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hints: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hints = hints
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hints: hint.map { [$0] } ?? [])
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hints: hint.map { [$0] } ?? [])
    }

    public var description: String {
        // One voice: `file:line:column: error: ...` for a place in a file, `briefing: error:
        // --date: ...` for an argument, `briefing: error: ...` for the program itself.
        var text =
            location.isFile
            ? "\(location): \(severity.rawValue): \(message)"
            : "briefing: \(severity.rawValue): " + (location.file.isEmpty ? "" : "\(location.file): ") + message
        for hint in hints { text += "\n    hint: \(hint)" }
        return text
    }
}
