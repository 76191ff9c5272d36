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
    /// error here, rather than brackets printed in the briefing.
    mutating func checkUndefinedFootnotes(_ inlines: [Inline], at location: SourceLocation) {
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
            if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "\u{1}" }) {
                problems.append(
                    .error(
                        location, "footnote '[^\(label)]' is never defined",
                        hint: "add a line '[^\(label)]: the note' to this file, after the paragraph"))
            }
            rest = rest[close...]
        }
    }
}
