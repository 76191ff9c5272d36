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
}

extension MarkdownParser {
    /// The labels of the `[^label]`s in `text` (a node's children, U+0001 for each that is
    /// not text: a label never spans one).
    static func noteReferenceLabels(in text: String) -> [Substring] {
        var labels: [Substring] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = rest[open.upperBound..<close]
            if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "\u{1}" }) { labels.append(label) }
            rest = rest[close...]
        }
        return labels
    }

    /// The text of `node`'s children, U+0001 standing for each child that is not text.
    static func childText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            text += cmark_node_get_type(current) == CMARK_NODE_TEXT ? literal(current) : "\u{1}"
            child = cmark_node_next(current)
        }
        return text
    }

    /// References to notes nobody defined, in the file as written (`text`, before its
    /// placeholders are expanded): cmark-gfm leaves them as the text `[^label]`. Escaped text
    /// reads the same (`\[^label]`), and in the expanded file so does a placeholder's value
    /// (values are always escaped), or a value could sit beside a real reference to a defined
    /// note: only a `[^label]` left as text here and written unescaped in the lines of the
    /// block it stands in is an error, at its line and column (in characters).
    static func undefinedNotes(in text: String, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        withDocument(text) { document in
            let lines = Converter.lines(text)
            // Every node that holds text: a paragraph, a heading, a table cell, emphasis, a
            // link's text. cmark-gfm leaves `[^label]` as sibling text nodes.
            for container in nodes(in: document, where: { cmark_node_first_child($0) != nil }) {
                let text = childText(container)
                guard text.contains("[^") else { continue }
                // An autolink's text is its address (`<https://x.org/a[^v]>`, `www.x.org`),
                // never a reference to a note.
                if cmark_node_get_type(container) == CMARK_NODE_LINK, let url = cmark_node_get_url(container),
                    String(cString: url).hasSuffix(text)
                {
                    continue
                }
                // The lines of the block it stands in (inline nodes carry no lines of their own).
                var block = container
                while cmark_node_get_start_line(block) < 1, let parent = cmark_node_parent(block) { block = parent }
                for label in noteReferenceLabels(in: text) {
                    guard let location = written("[^\(label)]", lines: lines, from: block, file: file) else { continue }
                    problems.append(
                        .error(
                            location, "footnote '[^\(label)]' is never defined",
                            hint: "add a line '[^\(label)]: the note' to this file, after the paragraph"))
                }
            }
        }
        return problems
    }

    /// Where `reference` stands unescaped (after an even number of backslashes) in the lines
    /// of the block `node`; nil when it is not written there as such.
    static func written(_ reference: String, lines: [Substring], from node: OpaquePointer, file: String) -> SourceLocation? {
        let first = Int(cmark_node_get_start_line(node)), last = min(Int(cmark_node_get_end_line(node)), lines.count)
        guard first >= 1, last >= first else { return nil }
        let pattern = Array(reference.utf8)
        for number in first...last {
            let line = Array(lines[number - 1].utf8)
            guard line.count >= pattern.count else { continue }
            for start in 0...(line.count - pattern.count) where line[start..<(start + pattern.count)].elementsEqual(pattern) {
                var backslashes = 0
                while start - backslashes > 0, line[start - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0 {
                    return SourceLocation(file: file, line: number, column: characterColumn(lines, line: number, byte: start + 1))
                }
            }
        }
        return nil
    }
}
