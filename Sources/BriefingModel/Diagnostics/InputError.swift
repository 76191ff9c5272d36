/// A failure caused by the user's input. `kind` decides the process exit status
/// (sysexits), so the CLI maps errors to codes in one place.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// A file or folder that should exist does not (EX_NOINPUT, 66).
        case missingInput
        /// The input exists but is malformed or inconsistent (EX_DATAERR, 65).
        case invalidData
        /// The command line is wrong (EX_USAGE, 64).
        case usage
        /// The output cannot be written (EX_CANTCREAT, 73).
        case cannotCreate
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    public init(kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public init(kind: Kind, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.init(kind: kind, diagnostics: [.error(location, message, hint: hint)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
