import BriefingContent
import BriefingModel
import Mustache

/// Expands the `{{...}}` placeholders of one template file into Markdown text.
struct Expander {
    let root: PlaceholderNode

    init(root: PlaceholderNode) {
        MarkdownContentType.register()
        self.root = root
    }

    /// The expanded text and the cross-references it makes, with their positions.
    func expandWithReferences(_ text: String, file: String) throws -> (
        text: String, references: [(reference: CrossReference, location: SourceLocation)]
    ) {
        let scanner = TagScanner(file: file, root: root)
        let problems = scanner.check(text)
        if !problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: problems) }
        if let expanded = VariableExpansion.expand(text, root: root, escape: MarkdownContentType().escapeText) {
            return (expanded, scanner.references(in: text))
        }
        do {
            return (try Self.mustache(text, root: root), scanner.references(in: text))
        } catch let error as MustacheTemplate.ParserError {
            // Line 1 carries the pragma we prepended; columns there are shifted by its length.
            let line = error.context.lineNumber
            let column = line == 1 ? error.context.columnNumber - MarkdownContentType.pragma.count : error.context.columnNumber
            throw InputError(
                kind: .invalidData, SourceLocation(file: file, line: line, column: max(1, column)),
                "malformed placeholder (\(Self.explain(error.error)))")
        } catch {
            throw InputError(kind: .invalidData, SourceLocation(file: file, line: 1, column: 1), "cannot parse the template (\(error))")
        }
    }

    /// `text` rendered by swift-mustache, with values escaped for Markdown: the expansion of
    /// any file `VariableExpansion` leaves alone, and the reference it is tested against.
    static func mustache(_ text: String, root: PlaceholderNode) throws -> String {
        MarkdownContentType.register()
        // swift-mustache fails on a file whose last character is a `{` (it reads on for a
        // second one): it is given a line end after it, taken off again.
        let endsInBrace = text.hasSuffix("{")
        let rendered = try MustacheTemplate(string: MarkdownContentType.pragma + text + (endsInBrace ? "\n" : "")).render(root)
        return endsInBrace && rendered.hasSuffix("\n") ? String(rendered.dropLast()) : rendered
    }

    /// swift-mustache's reasons in a template author's words.
    static func explain(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.unfinishedName:
            "a name of letters, digits, '.', '-' and '_' must be followed by '}}'; a mark joined to the braces counts as another character"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is not closed"
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        default: "\(error)"
        }
    }
}
