/// A position in a template file, 1-based like compilers print it; or, for a problem with a
/// command-line argument or the program itself, what it is about (not a file).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// False for `argument` and `program` locations: messages about them start with
    /// `briefing: error:`, as a file's start with `file:line:column: error:`.
    public var isFile = true

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A command-line argument or environment variable (`--date`, `SOURCE_DATE_EPOCH`).
    public static func argument(_ name: String) -> SourceLocation {
        var location = SourceLocation(file: name)
        location.isFile = false
        return location
    }

    /// The program as a whole (its installed files, a command's own refusal).
    public static let program = SourceLocation.argument("")

    /// `file:line:column`, or just `file` when no position is known (a missing file).
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
