import BriefingContent
import BriefingModel

extension FlowBuilder {
    /// The section's footnotes under a short rule: each number hanging, linked from the text.
    mutating func addNotes(_ notes: [Footnote], x: Double, width: Double) {
        elements.append(
            FlowElement(
                kind: .rule(style.rule, thickness: 0.5), x: x, width: min(width, 120), spaceBefore: 8, spaceAfter: 5, keepWithNext: true))
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
            addNumbered(
                InlineStyler.merge(runs), number: "\(note.number)", style: text, x: x, hang: hang, width: width, role: .note, spaceAfter: 3,
                anchor: Anchor.note(note.number, in: styler.noteScope))
        }
        if let last = elements.indices.last { elements[last].spaceAfter = 8 }
    }
}
