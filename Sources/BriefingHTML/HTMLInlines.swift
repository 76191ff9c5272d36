import BriefingContent
import BriefingModel

/// Inline content as HTML: emphasis, links and code as their elements, and the marks the
/// document decides (`InlineMarks`) as small linked superscripts whose accessible names say
/// what they are ("source 3", the grade's legend), since "[3]" or "†" alone says little.
struct HTMLInlines {
    let marks: InlineMarks
    let labels: Labels
    /// The grades by marker, for a marker's accessible name.
    let legends: [String: String]
    /// The anchor of the section (or cover) being written: footnote numbers link to its notes.
    var noteScope = Anchor.keyJudgements
    /// Footnote references already given an id (the first reference to a note is where its
    /// back link returns).
    private(set) var referenced: Set<String> = []

    init(document: Document) {
        marks = InlineMarks(document: document)
        labels = document.labels
        var legends: [String: String] = [:]
        for grade in document.gradesUsed { if let marker = grade.marker { legends[marker] = grade.legend(document.labels) } }
        self.legends = legends
    }

    mutating func html(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines { out += html(inline) }
        return out
    }

    private mutating func html(_ inline: Inline) -> String {
        switch inline {
        case .text(let text): return HTMLEscape.text(text)
        case .emphasis(let children): return "<em>" + html(children) + "</em>"
        case .strong(let children): return "<strong>" + html(children) + "</strong>"
        case .code(let text): return "<code>" + HTMLEscape.text(text) + "</code>"
        case .link(let url, let children):
            return "<a href=\"\(HTMLEscape.attribute(url))\">" + html(children) + "</a>"
        case .softBreak: return " "
        case .lineBreak: return "<br>"
        case .reference(let reference):
            // Resolved by the document builder; an unresolved one prints its id, never nothing.
            return HTMLEscape.text(reference.id)
        case .citation, .confidenceMarker, .revisedMarker, .footnote:
            guard let mark = marks.mark(inline, noteScope: noteScope) else { return "" }
            return self.mark(mark)
        }
    }

    /// A mark as a superscript link, with an accessible name.
    private mutating func mark(_ mark: InlineMarks.Mark) -> String {
        let href = "#" + HTMLEscape.attribute(mark.anchor)
        switch mark.kind {
        case .citation:
            let number = String(mark.text.dropFirst().dropLast())
            let name = labels.text(.sourceNumber, ["n": number])
            return
                "<sup class=\"cite\"><a href=\"\(href)\" aria-label=\"\(HTMLEscape.attribute(name))\">\(HTMLEscape.text(mark.text))</a></sup>"
        case .confidence:
            let name = legends[mark.text] ?? mark.text
            return
                "<sup class=\"marker\"><a href=\"\(href)\" aria-label=\"\(HTMLEscape.attribute(name))\" title=\"\(HTMLEscape.attribute(name))\">\(HTMLEscape.text(mark.text))</a></sup>"
        case .revised:
            // "rev" alone says little to a screen reader: the link says what it marks.
            let name = HTMLEscape.attribute(labels[.changesRevised])
            return "<sup class=\"rev\"><a href=\"\(href)\" aria-label=\"\(name)\">\(HTMLEscape.text(mark.text))</a></sup>"
        case .footnote:
            // The first reference to a note gets the id its back link returns to.
            let id = Self.referenceID(for: mark.anchor)
            let attribute = referenced.insert(id).inserted ? " id=\"\(HTMLEscape.attribute(id))\"" : ""
            return "<sup class=\"fn\"><a href=\"\(href)\"\(attribute) role=\"doc-noteref\">\(HTMLEscape.text(mark.text))</a></sup>"
        }
    }

    /// Where a note's back link returns: its first reference.
    static func referenceID(for noteAnchor: String) -> String { noteAnchor + "-ref" }
}
