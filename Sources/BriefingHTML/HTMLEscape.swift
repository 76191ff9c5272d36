/// Text and attribute values made safe for HTML: the characters that could end text or a
/// quoted attribute are written as references; everything else is UTF-8 as it is. Every
/// string the HTML edition and the mail write comes from a template or an error, never markup.
public enum HTMLEscape {
    /// Element text: `&`, `<` and `>`.
    public static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// A quoted attribute value (or text that may end up in one): quotes too.
    public static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quotes && ($0 == "\"" || $0 == "'")) }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
