import Foundation
import Yams

/// Reads and parses one YAML file of a template, turning I/O and syntax failures into diagnostics
/// with the file's display name.
public enum YAMLFile {
    /// The root node, or throws an `InputError` (missing file: 66; unreadable or bad syntax: 65).
    public static func load(_ url: URL, displayName: String, files: any TemplateFiles = DiskFiles()) throws -> (YAMLNode, DecodeContext) {
        let context = DecodeContext(file: displayName)
        let text = try files.read(url, displayName: displayName)
        let root: Node?
        do {
            // No implicit typing: the model reads every scalar as written (see `YAMLNode.string`),
            // and Yams's default resolver would run seven regular expressions on each scalar
            // when it checks a mapping for duplicate keys (a third of loading 2,000 events).
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw InputError(kind: .invalidData, diagnostics: [diagnostic(for: error, file: displayName)])
        }
        guard let root else {
            throw InputError(kind: .invalidData, SourceLocation(file: displayName, line: 1, column: 1), "the file is empty")
        }
        return (YAMLNode(root, context: context, path: ""), context)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            // The usual cause: a value that itself contains ': ' ("title: Trade: the numbers").
            let hint =
                problem.contains("mapping values are not allowed") ? "if a value contains ': ', put it in quotes: title: \"A: B\"" : nil
            return .error(
                SourceLocation(file: file, line: mark.line, column: mark.column), "YAML syntax error: \(problem)\(detail)", hint: hint)
        case .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return .error(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column), "duplicate key \(keys) in this mapping")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(problem)")
        default:
            return .error(SourceLocation(file: file, line: 1, column: 1), "YAML error: \(error)")
        }
    }
}
