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

    /// The escaping undone, where a value reaches text that is not Markdown: a chart block's
    /// options are plain text, so `Guinea\-Bissau` must print as `Guinea-Bissau`.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                if !(character.isASCII && (character.isPunctuation || character.isSymbol)) { result.append("\\") }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
    }()

    static func register() { _ = registration }
}
