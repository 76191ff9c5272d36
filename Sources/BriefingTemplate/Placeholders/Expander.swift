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
                "malformed placeholder (\(error.error))")
        } catch {
            throw InputError(kind: .invalidData, SourceLocation(file: file, line: 1, column: 1), "cannot parse the template (\(error))")
        }
    }

    /// `text` rendered by swift-mustache, with values escaped for Markdown: the expansion of
    /// any file `VariableExpansion` leaves alone, and the reference it is tested against.
    static func mustache(_ text: String, root: PlaceholderNode) throws -> String {
        MarkdownContentType.register()
        return try MustacheTemplate(string: MarkdownContentType.pragma + text).render(root)
    }
}
