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

    /// Every diagnostic, but at most `shownPerFile` for one file, then how many more: a
    /// broken file prints a screenful, not two million lines.
    public var description: String {
        var shown: [String: Int] = [:]
        var lines: [String] = []
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            shown[file, default: 0] += 1
            if shown[file]! <= Self.shownPerFile { lines.append(diagnostic.description) }
        }
        for (file, count) in shown.sorted(by: { $0.key < $1.key }) where count > Self.shownPerFile {
            lines.append("\(file): note: and \(NumberFormatting.format(Double(count - Self.shownPerFile))) more problems in this file")
        }
        return lines.joined(separator: "\n")
    }

    public static let shownPerFile = 50
}
