import BriefingHTML
import Foundation

/// Makes cairo's SVG of a chart fit to sit inside an HTML page beside others: no XML
/// declaration, every id renamed to `PREFIX1`, `PREFIX2`, ... in order of appearance (two
/// charts' glyph and clip ids would collide, and cairo numbers surfaces per process, which
/// would make the page's bytes depend on what the process drew before), the fixed size
/// dropped for the viewBox, and the drawing named as an image by its description.
enum InlineSVG {
    static func prepare(_ svg: Data, prefix: String, label: String) -> String {
        var text = String(decoding: svg, as: UTF8.self)
        if text.hasPrefix("<?xml"), let end = text.firstIndex(of: "\n") { text = String(text[text.index(after: end)...]) }
        // Ids in order of first appearance.
        var names: [String: String] = [:]
        for match in text.matches(of: /id="([^"]+)"/) where names[String(match.1)] == nil {
            names[String(match.1)] = prefix + String(names.count + 1)
        }
        // One pass over the references: `id="X"`, `href="#X"` and `url(#X)`.
        text = text.replacing(/(id="|href="#|url\(#)([^")]+)/) { match in
            match.1 + (names[String(match.2)] ?? String(match.2))
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
        text = text.replacing(/<svg ([^>]*?) width="[^"]*" height="[^"]*"/) { match in
            "<svg role=\"img\" aria-label=\"\(escaped)\" focusable=\"false\" \(match.1)"
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
