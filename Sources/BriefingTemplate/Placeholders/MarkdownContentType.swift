import Mustache

/// Escapes placeholder values for CommonMark instead of HTML, so a `*` or `_` in a source title
/// prints literally. Every ASCII punctuation character may be backslash-escaped in CommonMark;
/// inline tokens are passed through untouched.
struct MarkdownContentType: MustacheContentType {
    static let name = "BRIEFING_MARKDOWN"
    /// Prepended to every template; a pragma renders as nothing and keeps line numbers.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        var inToken = false
        for character in text {
            if character == InlineToken.open { inToken = true }
            if !inToken, character.isASCII, character.isPunctuation || character.isSymbol {
                result.append("\\")
            }
            result.append(character)
            if character == InlineToken.close { inToken = false }
        }
        return result
    }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
    }()

    static func register() { _ = registration }
}
