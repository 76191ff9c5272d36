import BriefingContent
import BriefingModel
import CCmark
import Foundation

extension MarkdownParser.Converter {
    /// The section's notes. cmark-gfm keeps only the definitions something refers to and
    /// moves them to the end of the document in the order of their numbers (first reference
    /// first), so the n-th definition is note n.
    mutating func notes(_ definitions: [OpaquePointer]) -> Block? {
        guard !definitions.isEmpty else { return nil }
        return .notes(definitions.enumerated().map { Footnote(number: $0.offset + 1, blocks: blocks(childrenOf: $0.element)) })
    }

    /// cmark-gfm leaves a reference to a footnote nobody defined as the text `[^label]`: an
    /// error here, rather than brackets printed in the briefing. Text reads `[^label]` too
    /// where the source escaped it (`\[^label]`, or a placeholder's value, which is always
    /// escaped): only a `[^label]` written as such in the paragraph's lines is an error, at
    /// its own line and column.
    mutating func checkUndefinedFootnotes(_ inlines: [Inline], in node: OpaquePointer) {
        // Most paragraphs have no `^` at all: the search below bridges to NSString.
        let caret = inlines.contains { inline in
            if case .text(let text) = inline { return ByteScan.contains(text, where: { $0 == UInt8(ascii: "^") }) }
            return false
        }
        guard caret else { return }
        let text = inlines.map { inline -> String in
            if case .text(let text) = inline { return text }
            return "\u{1}"
        }.joined()
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = rest[open.upperBound..<close]
            if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "\u{1}" }),
                let location = written("[^\(label)]", in: node)
            {
                problems.append(
                    .error(
                        location, "footnote '[^\(label)]' is never defined",
                        hint: "add a line '[^\(label)]: the note' to this file, after the paragraph"))
            }
            rest = rest[close...]
        }
    }

    /// Where `reference` stands unescaped (after an even number of backslashes) in the lines
    /// of `node`; nil when it is not written there as such.
    func written(_ reference: String, in node: OpaquePointer) -> SourceLocation? {
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        guard first >= 1, min(last, sourceLines.count) >= first else { return nil }
        let pattern = Array(reference.utf8)
        for number in first...min(last, sourceLines.count) {
            let line = Array(sourceLines[number - 1].utf8)
            guard line.count >= pattern.count else { continue }
            for start in 0...(line.count - pattern.count) where line[start..<(start + pattern.count)].elementsEqual(pattern) {
                var backslashes = 0
                while start - backslashes > 0, line[start - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0 { return SourceLocation(file: file, line: number, column: start + 1) }
            }
        }
        return nil
    }
}
