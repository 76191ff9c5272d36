import Foundation

/// Reads and parses one YAML file of a template, turning I/O and syntax failures into diagnostics
/// with the file's display name.
public enum YAMLFile {
    /// The root node, or throws an `InputError` (missing file: 66; unreadable or bad syntax: 65).
    public static func load(_ url: URL, displayName: String, files: any TemplateFiles = DiskFiles()) throws -> (YAMLNode, DecodeContext) {
        let context = DecodeContext(file: displayName)
        let text = try files.read(url, displayName: displayName)
        let root: Node?
        do {
            // No implicit typing: the model reads every scalar as written (see `YAMLNode.string`).
            root = try YAMLComposer.compose(text)
        } catch let error as YAMLComposer.Problem {
            throw InputError(kind: .invalidData, diagnostics: [diagnostic(for: error, file: displayName, text: text)])
        }
        guard let root else {
            throw InputError(kind: .invalidData, SourceLocation(file: displayName, line: 1, column: 1), "the file is empty")
        }
        return (YAMLNode(root, context: context, path: ""), context)
    }

    /// libyaml's messages in an author's words, where one is known; its own text follows in
    /// parentheses, for searching.
    static func plainWords(_ problem: String, context: String) -> String? {
        if problem.hasPrefix("did not find expected ',' or ']'") { return "a list in [brackets] is not closed" }
        if problem.hasPrefix("did not find expected ',' or '}'") { return "a mapping in {braces} is not closed" }
        if problem.hasPrefix("did not find expected node content") { return "a value is missing here (an unfinished list or mapping?)" }
        if problem.hasPrefix("did not find expected key") { return "expected a key here (check the indentation)" }
        if problem.hasPrefix("did not find expected '-' indicator") { return "a list item here needs a '- ' (check the indentation)" }
        if problem.hasPrefix("found character that cannot start any token") {
            return "a character that cannot start a value (a tab used for indentation, or @ or ` first in a value: quote it)"
        }
        if problem.hasPrefix("mapping values are not allowed") { return "a ': ' inside a value" }
        if problem.hasPrefix("could not find expected ':'") { return "a key without ':', or a value running onto the next line" }
        if problem.hasPrefix("found unexpected end of stream") {
            return context == "while scanning a quoted scalar"
                ? "a quoted value starts here and is not closed before the file ends" : "the file ends inside a quoted value"
        }
        if problem.hasPrefix("found unknown escape character") { return "an unknown escape after a backslash in a \"quoted\" value" }
        if problem.hasPrefix("found a tab character") { return "a tab: YAML indents with spaces only" }
        if problem.hasPrefix("Maximum nesting level reached") { return "lists and mappings nested too deeply here" }
        return nil
    }

    /// Where a block mapping's key given at `first` is given again: the next line after it
    /// with `key:` at the same column, before any line indented less (the mapping's end).
    /// Nil when the repeat is not found that way (a flow mapping, a quoted key).
    static func repeated(_ key: String, after first: Node.Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.column >= 1, first.line < lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            let body = line.dropFirst(leading)
            if body.isEmpty || body.hasPrefix("#") { continue }
            // A list item's first key sits after "- ": count it at the dash's column + 2.
            let dashed = body.hasPrefix("- ") ? body.dropFirst(2).drop { $0 == " " } : body
            let column = leading + (body.count - dashed.count)
            if leading < indent && column != indent { return nil }
            if column == indent, dashed.hasPrefix(key + ":") { return (index + 1, indent + 1) }
        }
        return nil
    }

    /// The last line up to `line` whose value starts with a quote that the line does not close
    /// (a doubled '' or an escaped \" does not close), as (line, column of the quote); nil
    /// when there is none, or when a later line closes it and ends there, as a value written
    /// over several lines does.
    static func unclosedQuote(before line: Int, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let last = min(line, lines.count) - 1
        for index in stride(from: last, through: 0, by: -1) {
            let scalars = lines[index]
            guard let start = quotedValueStart(scalars) else { continue }
            let quote = scalars[start]
            if closing(quote, in: scalars, from: start + 1) != nil { continue }
            // Closed on a later line with nothing after it: a value over several lines.
            for next in (index + 1)..<max(index + 1, last + 1) {
                guard let end = closing(quote, in: lines[next], from: 0) else { continue }
                let rest = lines[next][(end + 1)...].drop { $0 == " " || $0 == "\t" }
                if rest.isEmpty || rest.first == "#" { return nil }
                break
            }
            return (index + 1, start + 1)
        }
        return nil
    }

    /// Where a line's value starts with a quote (after "key: " or "- "), if it does.
    private static func quotedValueStart(_ scalars: [Unicode.Scalar]) -> Int? {
        var start = 0
        while start < scalars.count, scalars[start] == " " { start += 1 }
        if start < scalars.count, scalars[start] == "#" { return nil }
        if start + 1 < scalars.count, scalars[start] == "-", scalars[start + 1] == " " { start += 2 }
        var colon = start
        while colon + 1 < scalars.count, !(scalars[colon] == ":" && scalars[colon + 1] == " ") {
            if scalars[colon] == "\"" || scalars[colon] == "'" { break }
            colon += 1
        }
        if colon + 1 < scalars.count, scalars[colon] == ":" { start = colon + 2 }
        while start < scalars.count, scalars[start] == " " { start += 1 }
        guard start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" else { return nil }
        return start
    }

    /// The position of the quote that closes a `quote`d value, from `position` on.
    private static func closing(_ quote: Unicode.Scalar, in scalars: [Unicode.Scalar], from position: Int) -> Int? {
        var position = position
        while position < scalars.count {
            if quote == "\"", scalars[position] == "\\" {
                position += 2
                continue
            }
            if scalars[position] == quote {
                if quote == "'", position + 1 < scalars.count, scalars[position + 1] == "'" {
                    position += 2
                    continue
                }
                return position
            }
            position += 1
        }
        return nil
    }

    static func diagnostic(for error: YAMLComposer.Problem, file: String, text: String = "") -> Diagnostic {
        switch error {
        case .syntax(let context, let problem, let mark):
            let detail = [problem, context].compactMap { $0 }.joined(separator: " ")
            // The usual cause: a value that itself contains ': ' ("title: Trade: the numbers").
            // A quote left open runs on over the next lines and fails far below it: say where it opened.
            let open = unclosedQuote(before: mark.line, in: text)
            let hint =
                open.map { "a quoted value opened on line \($0.line), column \($0.column) is not closed on its line" }
                ?? (problem.contains("mapping values are not allowed") ? "if a value contains ': ', put it in quotes: title: \"A: B\"" : nil)
            let said = plainWords(problem, context: context ?? "").map { "\($0) (libyaml: \(detail))" } ?? detail
            return .error(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML syntax error: \(said)", hint: hint)
        case .composer(let context, let problem, let mark):
            let detail = context.map { " (\($0))" } ?? ""
            return .error(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML error: \(problem)\(detail)")
        case .duplicatedKeys(let duplicates, let first):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // libyaml marks the first of the keys; the mistake is usually the repeat, below.
            if duplicates.count == 1, let again = repeated(duplicates[0], after: first, in: text) {
                return .error(
                    SourceLocation(file: file, line: again.line, column: again.column),
                    "duplicate key \(keys) (first given on line \(first.line))")
            }
            return .error(SourceLocation(file: file, line: first.line, column: first.column), "duplicate key \(keys) in this mapping")
        case .reader(let problem):
            return .error(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(problem)")
        case .memory:
            return .error(SourceLocation(file: file, line: 1, column: 1), "YAML error: out of memory")
        }
    }
}
