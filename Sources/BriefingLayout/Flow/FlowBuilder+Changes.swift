import BriefingContent
import BriefingModel

extension FlowBuilder {
    /// The most changes listed in the panel; the rest are counted, and `briefing diff` lists all.
    static let changesShown = 12

    /// "What changed since 23 November 2026 (8)": a shaded panel opening the body, one line a
    /// change in the diff's order (kind, fact, old → new, the sections that show it, linked),
    /// and the note explaining the "rev" marker revised values carry in the text.
    mutating func addChanges(_ changes: FactChanges, sectionNumbers: [String: Int]) {
        let width = style.frameWidth
        let heading = store.add(
            Paragraph(
                [
                    TextRun(
                        labels.text(.changesHeading, ["date": changes.sinceText, "count": "\(changes.entries.count)"]), style.subHeading)
                ],
                role: .section), width: width - 24)
        let box = nextBoxID()
        elements.append(.space(9, box: box))
        elements.append(
            FlowElement(
                kind: .paragraph(index: heading.index, measured: heading.measured), x: 12, width: width - 24, spaceAfter: 4,
                keepWithNext: true, anchor: Anchor.changes,
                outline: (labels.text(.changesHeading, ["date": changes.sinceText, "count": "\(changes.entries.count)"]), 1), box: box))
        let text = style.small.with { $0.color = style.ink }
        let tag = text.with {
            $0.weight = .semibold; $0.color = style.accent
        }
        for entry in changes.entries.prefix(Self.changesShown) {
            var runs = [TextRun(entry.kindLabel(labels) + "  ", tag), TextRun(entry.wording, text)]
            if entry.derived { runs.append(TextRun(" (\(labels[.changesDerived]))", text.with { $0.color = style.muted })) }
            runs.append(TextRun("  \u{00B7}  ", text.with { $0.color = style.muted }))
            if !entry.isShown {
                runs.append(
                    TextRun(
                        labels[.changesNotShown],
                        text.with {
                            $0.color = style.muted; $0.italic = true
                        }))
            } else {
                if entry.onCover {
                    runs.append(
                        TextRun(labels[.changesCover], text.with { $0.color = style.navy }, link: .destination(Anchor.keyJudgements)))
                }
                for (offset, id) in entry.sections.enumerated() {
                    if offset > 0 || entry.onCover { runs.append(TextRun(", ", text)) }
                    let name = labels.text(.section, ["n": "\(sectionNumbers[id] ?? 0)"])
                    runs.append(TextRun(name, text.with { $0.color = style.navy }, link: .destination(Anchor.section(id))))
                }
            }
            let line = store.add(Paragraph(InlineStyler.merge(runs), lineSpacing: 1.02, role: .paragraph), width: width - 24)
            elements.append(
                FlowElement(
                    kind: .paragraph(index: line.index, measured: line.measured), x: 12, width: width - 24, spaceAfter: 2.5, box: box))
        }
        var notes: [String] = []
        if changes.entries.count > Self.changesShown {
            notes.append(labels.text(.changesMore, ["count": "\(changes.entries.count - Self.changesShown)"]))
        }
        if changes.entries.contains(where: { $0.kind == .revised }) { notes.append(labels[.revisedNote]) }
        for (offset, line) in notes.enumerated() {
            let note = store.add(Paragraph([TextRun(line, text.with { $0.color = style.muted })], role: .paragraph), width: width - 24)
            elements.append(
                FlowElement(
                    kind: .paragraph(index: note.index, measured: note.measured), x: 12, width: width - 24,
                    spaceBefore: offset == 0 ? 3 : 0,
                    spaceAfter: 1, box: box))
        }
        elements.append(.space(7, box: box))
        elements.append(.space(6))
    }
}
