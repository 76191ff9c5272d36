import BriefingHTML
import Foundation

/// Makes cairo's SVG of a chart fit to sit inside an HTML page beside others: no XML
/// declaration, every id renamed to `PREFIX1`, `PREFIX2`, ... in order of appearance (two
/// charts' glyph and clip ids would collide, and cairo numbers surfaces per process, which
/// would make the page's bytes depend on what the process drew before), the fixed size
/// dropped for the viewBox, and the drawing named as an image by its description.
///
/// One pass over the bytes each: a chart's SVG is a few hundred kilobytes of glyph outlines,
/// and regular expressions over it cost more than drawing it.
enum InlineSVG {
    static func prepare(_ svg: Data, prefix: String, label: String) -> String {
        var bytes = [UInt8](svg)
        if bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            bytes.removeSubrange(...end)
        }
        let references: [[UInt8]] = [Array("id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        // Ids in order of first appearance.
        var names: [ArraySlice<UInt8>: [UInt8]] = [:]
        scan(bytes, for: [references[0]]) { _, name in
            if names[name] == nil { names[name] = Array((prefix + String(names.count + 1)).utf8) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        scan(bytes, for: references) { start, name in
            out += bytes[copied..<start]
            out += names[name] ?? Array(name)
            copied = name.endIndex
        }
        out += bytes[copied...]
        var text = String(decoding: out, as: UTF8.self)
        // The root's fixed size goes (the page sizes it); it becomes a named image.
        if let open = text.range(of: "<svg "), let close = text[open.upperBound...].firstIndex(of: ">") {
            var attributes = String(text[open.upperBound..<close])
            for name in ["width", "height"] {
                if let start = attributes.range(of: " \(name)=\""), let end = attributes[start.upperBound...].firstIndex(of: "\"") {
                    attributes.removeSubrange(start.lowerBound...end)
                }
            }
            let escaped = HTMLEscape.attribute(label)
            text.replaceSubrange(
                open.lowerBound..<close, with: "<svg role=\"img\" aria-label=\"\(escaped)\" focusable=\"false\" \(attributes)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Calls `found` with the start of each name after one of `patterns` (up to `"` or `)`).
    private static func scan(_ bytes: [UInt8], for patterns: [[UInt8]], _ found: (Int, ArraySlice<UInt8>) -> Void) {
        let firsts = Set(patterns.map { $0[0] })
        var index = 0
        while index < bytes.count {
            guard firsts.contains(bytes[index]),
                let pattern = patterns.first(where: { index + $0.count <= bytes.count && bytes[index..<index + $0.count].elementsEqual($0) }
                )
            else {
                index += 1
                continue
            }
            let start = index + pattern.count
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: ")") { end += 1 }
            found(start, bytes[start..<end])
            index = end
        }
    }
}
