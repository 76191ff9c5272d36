import BriefingContent
import BriefingModel

extension FlowBuilder {
    /// The section's footnotes under a short rule: each number hanging, linked from the text.
    /// They follow everything the section places: a figure still waiting for room goes
    /// first (on the next page), so the notes never sit above the space it left behind.
    mutating func addNotes(_ notes: [Footnote], x: Double, width: Double) {
        var rule = FlowElement(
            kind: .rule(style.rule, thickness: 0.5), x: x, width: min(width, 120), spaceBefore: 8, spaceAfter: 5, keepWithNext: true)
        rule.flushesFloats = true
        elements.append(rule)
        let hang = 14.0
        let text = style.small.with { $0.color = style.ink }
        for note in notes {
            let runs = note.blocks.enumerated().flatMap { offset, block -> [TextRun] in
                let separator = offset == 0 ? [] : [TextRun(" ", text)]
                switch block {
                case .paragraph(let inlines), .heading(_, let inlines): return separator + styler.runs(inlines, base: text)
                default: return separator
                }
            }
            // Note { Lbl number, P text }: cairo 1.16 writes an element's own content only when
            // it has no child elements, so the number is an element of its own.
            elements.append(.begin(.note, x: x))
            addNumbered(
                InlineStyler.merge(runs), number: "\(note.number)", style: text, x: x, hang: hang, width: width, role: .paragraph,
                spaceAfter: 3, anchor: Anchor.note(note.number, in: styler.noteScope), label: .label)
            elements.append(.end(.note, x: x))
        }
        if let last = elements.lastIndex(where: \.isContent) { elements[last].spaceAfter = 8 }
    }
}
