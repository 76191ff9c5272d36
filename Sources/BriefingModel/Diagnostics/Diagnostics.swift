/// Collects problems from every stage so a user sees all of them in one run, not one per run.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.error(location, message, hint: hint))
    }

    /// Grouped by file (in order of first appearance), then by line and column, as an editor lists them.
    public func sortedByPosition() -> Diagnostics {
        var fileOrder: [String: Int] = [:]
        for diagnostic in all where fileOrder[diagnostic.location.file] == nil { fileOrder[diagnostic.location.file] = fileOrder.count }
        var sorted = self
        sorted.all = all.enumerated().sorted { a, b in
            let keyA = (fileOrder[a.element.location.file]!, a.element.location.line, a.element.location.column, a.offset)
            let keyB = (fileOrder[b.element.location.file]!, b.element.location.line, b.element.location.column, b.offset)
            return keyA < keyB
        }.map(\.element)
        return sorted
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Throws the collected problems if any of them is an error.
    public func check(kind: InputError.Kind = .invalidData) throws {
        if hasErrors { throw InputError(kind: kind, diagnostics: all) }
    }
}
