/// Shared state while decoding one YAML file: its display name and the problems found so far.
/// A class because every reader of the file's nodes appends to the same list.
public final class DecodeContext {
    public let file: String
    public var diagnostics = Diagnostics()
    /// The run's parameter values: `{{param.ID}}` in a value is replaced as it is read. Nil
    /// while `parameters:` itself is read, so a default is taken as written.
    public var parameters: [String: String]?
    /// Where values for `{{param.ID}}` come from, said when one is unknown and none is close
    /// (a file other than the template's: the delivery file).
    public var parametersFrom: String?

    public init(file: String) { self.file = file }

    func location(of node: Node) -> SourceLocation {
        return SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    func error(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.error(location(of: node), message, hint: hint)
    }
}
