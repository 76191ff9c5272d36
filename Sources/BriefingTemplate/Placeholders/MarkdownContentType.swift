import Mustache

/// Escapes placeholder values for CommonMark instead of HTML, so a `*` or `_` in a source title
/// prints literally. Every ASCII punctuation character may be backslash-escaped in CommonMark;
/// inline tokens are passed through untouched.
struct MarkdownContentType: MustacheContentType {
    static let name = "BRIEFING_MARKDOWN"
    /// Prepended to every template; a pragma renders as nothing and keeps line numbers.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// On the UTF-8 bytes: an ASCII character is punctuation or a symbol exactly when it is
    /// printable and neither a letter, a digit nor a space, so no `Character` (a grapheme
    /// break test each) is made; a value with nothing to escape is returned as it is.
    func escapeText(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var inToken = false, copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == InlineToken.openBytes.0, index + 2 < bytes.count, bytes[index + 1] == InlineToken.openBytes.1 {
                    if bytes[index + 2] == InlineToken.openBytes.2 { inToken = true }
                    if bytes[index + 2] == InlineToken.closeBytes.2 { inToken = false }
                    index += 3
                    continue
                }
                if !inToken, byte == UInt8(ascii: "`") {
                    // A backtick as a character reference: an escaped one (\`) still closes a
                    // code span an author's lone backtick opened, since code ignores escapes.
                    if result.isEmpty { result.reserveCapacity(bytes.count + 8) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    result.append(contentsOf: Self.backtickReference.utf8)
                    copied = index + 1
                } else if !inToken, Self.isASCIIPunctuationOrSymbol(byte) {
                    if result.isEmpty { result.reserveCapacity(bytes.count + 8) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    result.append(UInt8(ascii: "\\"))
                    copied = index
                }
                index += 1
            }
            guard copied > 0 || !result.isEmpty else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// A value's backtick as the text holds it: CommonMark decodes the reference in text and
    /// never takes it for a code span's delimiter. (Code shows values from the file as written,
    /// `MarkdownParser.codeTexts`.)
    static let backtickReference = "&#96;"

    /// `!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`: what CommonMark lets a backslash escape.
    static func isASCIIPunctuationOrSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// The escaping undone, where a value reaches text that is not Markdown: a chart block's
    /// options are plain text, so `Guinea\-Bissau` must print as `Guinea-Bissau`.
    static func unescape(_ text: String) -> String {
        let text = text.replacingEvery(backtickReference, with: "`")
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
