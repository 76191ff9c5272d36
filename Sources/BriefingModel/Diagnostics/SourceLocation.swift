/// A position in a template file, 1-based like compilers print it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or just `file` when no position is known (a missing file).
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
