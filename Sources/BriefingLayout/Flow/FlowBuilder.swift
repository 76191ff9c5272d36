import BriefingContent
import BriefingModel

/// Turns content blocks into flow elements: chooses styles, spacing, indents and bullets.
struct FlowBuilder {
    let style: BriefingStyle
    let store: ParagraphStore
    var styler: InlineStyler
    /// Looks up a cited source (number, publisher) for chart source lines.
    let source: (String) -> Document.SourceEntry?
    /// The template's words for captions ("Figure 3", "Source:") and continuation tables.
    let labels: Labels
    var elements: [FlowElement] = []
    private var nextBox = 0
    private var nextFloat = 0
    /// Whether the current section has had a `##` heading (H3): a `###` below one is H4, a
    /// `###` before any is H3, so the structure never skips a level.
    private var subsectionOpen = false

    init(
        style: BriefingStyle, store: ParagraphStore, styler: InlineStyler, labels: Labels,
        source: @escaping (String) -> Document.SourceEntry? = { _ in nil }
    ) {
        self.style = style
        self.store = store
        self.styler = styler
        self.labels = labels
        self.source = source
    }

    /// A new callout box id: elements with it are shaded together.
    mutating func nextBoxID() -> Int {
        defer { nextBox += 1 }
        return nextBox
    }

    /// A new figure group id: its elements are placed together or float to the next page.
    mutating func nextFloatGroup() -> Int {
        defer { nextFloat += 1 }
        return nextFloat
    }

    private var bodyParagraph: (([TextRun]) -> Paragraph) {
        { Paragraph($0, alignment: .justified, lineSpacing: style.bodySpacing, hyphenate: true, role: .paragraph) }
    }

    // MARK: - Sections

    mutating func addSectionHeading(number: Int?, title: String, anchor: String) {
        let numberRun = number.map { [TextRun("\($0)\u{2003}", style.sectionHeading.with { $0.color = style.accent })] } ?? []
        let paragraph = Paragraph(numberRun + [TextRun(title, style.sectionHeading)], lineSpacing: 1.0, role: .section)
        let width = style.frameWidth
        subsectionOpen = false
        let (index, measured) = store.add(paragraph, width: width)
        var rule = FlowElement(kind: .rule(style.navy, thickness: 0.8), width: width, spaceBefore: 20, spaceAfter: 7, keepWithNext: true)
        rule.flushesFloats = true
        elements.append(rule)
        elements.append(
            FlowElement(
                kind: .paragraph(index: index, measured: measured), width: width, spaceAfter: 8,
                keepWithNext: true, anchor: anchor, outline: (number.map { "\($0) \(title)" } ?? title, 1)))
    }

    mutating func add(_ blocks: [Block], x: Double = 0, box: Int? = nil, anchorPrefix: String) {
        for (offset, block) in blocks.enumerated() {
            add(block, x: x, box: box, anchor: Anchor.block(offset + 1, in: anchorPrefix), isFirst: offset == 0)
        }
    }

    /// One of a section's blocks, the one at `offset`: what `add(_:anchorPrefix:)` does for
    /// each, for a caller that goes block by block (`SectionsAhead`).
    mutating func add(_ block: Block, at offset: Int, anchorPrefix: String) {
        add(block, x: 0, box: nil, anchor: Anchor.block(offset + 1, in: anchorPrefix), isFirst: offset == 0)
    }

    private mutating func add(_ block: Block, x: Double, box: Int?, anchor: String, isFirst: Bool) {
        let width = style.frameWidth - x - (box != nil ? 12 : 0)
        switch block {
        case .heading(let level, let inlines):
            let base = level <= 2 ? style.subHeading : style.minorHeading
            // `###` and `####` are headings a screen reader can go to: H4 below a `##` (H3),
            // H3 when the section has none yet, so no level is ever skipped.
            let role: StructureRole = level <= 2 || !subsectionOpen ? .subsection : .heading(level: 4)
            if level <= 2 { subsectionOpen = true }
            let (index, measured) = store.add(Paragraph(styler.runs(inlines, base: base), role: role), width: width)
            elements.append(
                FlowElement(
                    kind: .paragraph(index: index, measured: measured), x: x, width: width,
                    spaceBefore: level <= 2 ? 11 : 8, spaceAfter: 3.5, keepWithNext: true, anchor: anchor,
                    outline: level <= 2 ? (inlines.plainText, 2) : nil, box: box))
        case .paragraph(let inlines):
            let (index, measured) = store.add(bodyParagraph(styler.runs(inlines, base: style.body)), width: width)
            elements.append(
                FlowElement(
                    kind: .paragraph(index: index, measured: measured), x: x, width: width,
                    spaceBefore: 0, spaceAfter: 6, box: box))
        case .bulletList(let items):
            addList(items.map { ("\u{2022}", $0) }, x: x, box: box, anchor: anchor)
        case .orderedList(let start, let items):
            addList(items.enumerated().map { ("\(start + $0.offset).", $0.element) }, x: x, box: box, anchor: anchor)
        case .callout(let blocks):
            let id = nextBox
            nextBox += 1
            elements.append(.space(9, box: id))
            add(blocks, x: x + 12, box: id, anchorPrefix: anchor)
            if let last = elements.lastIndex(where: \.isContent) { elements[last].spaceAfter = 0 }
            elements.append(.space(5, box: id))
            elements.append(.space(8))
        case .thematicBreak:
            elements.append(FlowElement(kind: .rule(style.rule, thickness: 0.5), x: x, width: width, spaceBefore: 6, spaceAfter: 10))
        case .pageBreak:
            elements.append(.pageBreak(box: box))
        case .chart(let figure):
            addFigure(figure, x: x, width: width)
        case .table(let table):
            addTable(table, x: x, width: width, box: box, anchor: anchor)
        case .image(let image):
            addImage(image, x: x, width: width, anchor: anchor)
        case .notes(let notes):
            addNotes(notes, x: x, width: width)
        }
    }

    // MARK: - Figures

    /// Caption, alt text, the chart and its source line, kept together; then, for a timeline
    /// too dense to label every event, a continuation table.
    /// - Parameter listUnlabelled: add the continuation table for a dense timeline (the
    ///   briefing does; a one-page chart export only says how many events it leaves out).
    /// - Parameter captionRole: the caption's structure element; a chart exported on its own
    ///   makes its title the document's H1.
    mutating func addFigure(
        _ figure: ChartFigure, x: Double, width: Double, listUnlabelled: Bool = true, captionRole: StructureRole = .caption
    ) {
        let captionStyle = TextStyle(family: .sans, size: 9, weight: .semibold, color: style.navy)
        // A chart on its own (number 0) has a title but no figure number.
        let label =
            figure.number > 0
            ? [TextRun(labels.text(.figure, ["n": "\(figure.number)"]) + "\u{2003}", captionStyle.with { $0.color = style.accent })] : []
        let caption = store.add(Paragraph(label + [TextRun(figure.title, captionStyle)], role: captionRole), width: width)
        elements.append(
            FlowElement(
                kind: .paragraph(index: caption.index, measured: caption.measured), x: x, width: width, spaceBefore: 10,
                spaceAfter: 2, keepWithNext: true, anchor: figure.anchor, outline: nil))
        // The description is printed for sighted readers and spoken once, as the Figure's
        // /Alt where the chart stands: the printed copy is drawn outside the structure (an
        // artifact), since cairo 1.16 cannot put it inside the Figure beside the drawing
        // (an element with children loses its own content) and a second, tagged copy would
        // be read twice.
        let alt = store.add(Paragraph([TextRun(figure.altText, style.small)], lineSpacing: 1.02, role: nil), width: width)
        elements.append(
            FlowElement(kind: .paragraph(index: alt.index, measured: alt.measured), x: x, width: width, spaceAfter: 8, keepWithNext: true))

        let drawing = ChartLayout.draw(figure, width: width, store: store, style: ChartStyle(house: style, labels: labels))
        elements.append(
            FlowElement(
                kind: .drawing(drawing.items, height: drawing.size.height, alt: figure.spokenAlt), x: x, width: width, spaceAfter: 6,
                keepWithNext: true))

        let sourceStyle = style.small.with { $0.size = 7.4 }
        var runs: [TextRun] = []
        let byPublisher = figure.sourcesByPublisher(source)
        // "Source: SIPRI [1][2]." only with numbered sources to cite (the document builder
        // numbers every source a chart draws on): never "Source: ." before the note.
        if !byPublisher.isEmpty { runs.append(TextRun(labels[.source] + " ", sourceStyle.with { $0.weight = .semibold })) }
        for (offset, (publisher, numbers)) in byPublisher.enumerated() {
            runs.append(TextRun((offset > 0 ? "; " : "") + publisher + " ", sourceStyle))
            for number in numbers {
                runs.append(
                    TextRun(
                        "[\(number)]", sourceStyle.with { $0.color = style.navy }, link: .destination(Anchor.source(number))))
            }
        }
        if !byPublisher.isEmpty { runs.append(TextRun(".", sourceStyle)) }
        if let note = figure.sourceNoteSentence { runs.append(TextRun((runs.isEmpty ? "" : " ") + note, sourceStyle)) }
        if !drawing.unlabelled.isEmpty {
            let count = NumberFormatting.format(Double(drawing.unlabelled.count))
            runs.append(
                TextRun(
                    " "
                        + labels.counted(
                            drawing.unlabelled.count, one: listUnlabelled ? .unlabelledListedOne : .unlabelledMarkedOne,
                            other: listUnlabelled ? .unlabelledListed : .unlabelledMarked, ["count": count]), sourceStyle))
        }
        let sourceLine = store.add(Paragraph(InlineStyler.merge(runs), lineSpacing: 1.02, role: .paragraph), width: width)
        elements.append(
            FlowElement(kind: .paragraph(index: sourceLine.index, measured: sourceLine.measured), x: x, width: width, spaceAfter: 12))

        if case .timeline(let events, _) = figure.data, !drawing.unlabelled.isEmpty, listUnlabelled {
            addContinuationTable(drawing.unlabelled.map { events[$0] }, figure: figure, x: x, width: width)
        } else {
            // Without a continuation table the figure may float to the next page's top.
            let group = nextFloatGroup()
            for index in (elements.count - 4)..<elements.count { elements[index].floatGroup = group }
        }
    }

    /// Events the timeline could not label, as a two-column list (date, event).
    private mutating func addContinuationTable(_ events: [Event], figure: ChartFigure, x: Double, width: Double) {
        let heading = store.add(
            Paragraph([TextRun(labels.text(.unlabelledHeading, ["n": "\(figure.number)"]), style.minorHeading)], role: .subsection),
            width: width)
        elements.append(
            FlowElement(
                kind: .paragraph(index: heading.index, measured: heading.measured), x: x, width: width, spaceBefore: 4,
                spaceAfter: 4, keepWithNext: true))
        let text = style.small.with { $0.color = style.ink }
        // The date column is as wide as its widest date (all dates share one style).
        let widest = events.map { $0.when.text(labels) }.max { $0.count < $1.count } ?? ""
        let widestSize = store.measurer.measure(Paragraph([TextRun(widest + "  ", text.with { $0.weight = .semibold })]), width: 1_000)
        let dateColumn = max(60, (widestSize.lines.map(\.width).max() ?? 0) + 8)
        // A list whose labels are the dates, so a screen reader reads each date with its event.
        elements.append(.begin(.list, x: x))
        for event in events {
            var runs = [TextRun(event.title, text)]
            if let marker = event.attribution.confidence.marker { runs.append(TextRun(marker, style.marker.with { $0.size = 6 })) }
            let row = store.add(Paragraph(runs, role: .paragraph), width: width - dateColumn)
            let date = store.add(
                Paragraph([TextRun(event.when.text(labels), text.with { $0.weight = .semibold })], role: .label), width: dateColumn)
            var element = FlowElement(
                kind: .paragraph(index: row.index, measured: row.measured), x: x + dateColumn, width: width - dateColumn, spaceAfter: 1.5)
            element.bullet = (date.index, date.measured, x)
            element.opensAfterBullet = .listBody
            elements.append(.begin(.listItem, x: x))
            elements.append(element)
            elements.append(.end(.listBody, x: x))
            elements.append(.end(.listItem, x: x))
        }
        elements.append(.end(.list, x: x))
        if let last = elements.lastIndex(where: \.isContent) { elements[last].spaceAfter = 10 }
    }

    /// A list as L > LI > Lbl + LBody: the bullet or number is the label, and the body holds
    /// every block of the item (nested lists included).
    private mutating func addList(_ items: [(String, [Block])], x: Double, box: Int?, anchor: String) {
        let indent = 15.0
        elements.append(.begin(.list, x: x, box: box))
        for (offset, (label, blocks)) in items.enumerated() {
            elements.append(.begin(.listItem, x: x, box: box))
            let first = elements.count
            add(blocks, x: x + indent, box: box, anchorPrefix: Anchor.block(offset + 1, in: anchor))
            if let start = elements[first...].firstIndex(where: \.isContent) {
                // Tighter spacing inside lists; the bullet hangs in the indent.
                for position in start..<elements.count where elements[position].spaceAfter == 6 { elements[position].spaceAfter = 3 }
                let bulletStyle = style.body.with {
                    $0.color = style.accent; $0.family = label == "\u{2022}" ? .serif : .sans; $0.size *= label == "\u{2022}" ? 1 : 0.9
                }
                if start == first, case .paragraph = elements[start].kind {
                    let bullet = store.add(Paragraph([TextRun(label, bulletStyle)], role: .label), width: indent)
                    elements[start].bullet = (bullet.index, bullet.measured, x + 2)
                    elements[start].opensAfterBullet = .listBody
                } else {
                    // An item that opens with a table, a chart or a nested list has no label
                    // of its own (a nested list's first bullet stands in the place).
                    elements.insert(.begin(.listBody, x: x, box: box), at: first)
                }
            } else {
                elements.append(.begin(.listBody, x: x, box: box))
            }
            elements.append(.end(.listBody, x: x, box: box))
            elements.append(.end(.listItem, x: x, box: box))
        }
        elements.append(.end(.list, x: x, box: box))
        if let last = elements.lastIndex(where: \.isContent) { elements[last].spaceAfter = 7 }
    }

    // MARK: - Sources

    /// A small unnumbered heading (the standalone chart's source list): H2 under the chart's
    /// title, the export's H1.
    /// "† Reported: …": what the confidence markers mean, for a chart printed on its own.
    mutating func addMarkerNote(_ grades: [Confidence]) {
        let note = style.small
        var runs: [TextRun] = []
        for grade in grades {
            guard let marker = grade.marker else { continue }
            if !runs.isEmpty { runs.append(TextRun("   ", note)) }
            runs.append(
                TextRun(
                    marker + " ",
                    note.with {
                        $0.color = style.accent; $0.family = .serif
                    }))
            runs.append(TextRun(grade.legend(labels), note))
        }
        guard !runs.isEmpty else { return }
        let (index, measured) = store.add(Paragraph(runs, lineSpacing: 1.05, role: .paragraph), width: style.frameWidth)
        elements.append(
            FlowElement(kind: .paragraph(index: index, measured: measured), width: style.frameWidth, spaceBefore: 2, spaceAfter: 8))
    }

    mutating func addHeading(_ title: String) {
        let (index, measured) = store.add(Paragraph([TextRun(title, style.minorHeading)], role: .section), width: style.frameWidth)
        elements.append(
            FlowElement(
                kind: .paragraph(index: index, measured: measured), width: style.frameWidth, spaceBefore: 4, spaceAfter: 4,
                keepWithNext: true))
    }

    mutating func addSources(_ sources: [Document.SourceEntry]) {
        let hang = 22.0
        let text = style.small.with {
            $0.color = style.ink; $0.size = 8.4
        }
        // The numbered sources are a list: each number is the label of its entry.
        elements.append(.begin(.list))
        for source in sources {
            var runs = [TextRun(source.text, text)]
            if let url = source.url {
                // The space before the address is not part of the link's words.
                runs.append(TextRun(" ", text))
                runs.append(TextRun(url, text.with { $0.color = style.navy }, link: .uri(url)))
            }
            elements.append(.begin(.listItem))
            addNumbered(
                runs, number: "[\(source.number)]", style: text, x: 0, hang: hang, width: style.frameWidth, role: .paragraph,
                spaceAfter: 4.5, anchor: Anchor.source(source.number), label: .label, body: .listBody)
            elements.append(.end(.listBody))
            elements.append(.end(.listItem))
        }
        elements.append(.end(.list))
    }

    /// An entry with its number hanging in the left margin (a source, a footnote): the
    /// number semibold in navy, the text measured `hang` points in.
    /// - Parameters:
    ///   - label: the number's structure role (Lbl); without one it is drawn as decoration.
    ///   - body: a structure element opened between the number and the text (LBody).
    mutating func addNumbered(
        _ runs: [TextRun], number: String, style text: TextStyle, x: Double, hang: Double, width: Double, role: StructureRole,
        spaceAfter: Double, anchor: String, label labelRole: StructureRole? = nil, body: StructureRole? = nil
    ) {
        let (index, measured) = store.add(Paragraph(runs, lineSpacing: 1.0, role: role), width: width - hang)
        let label = store.add(
            Paragraph(
                [
                    TextRun(
                        number,
                        text.with {
                            $0.color = style.navy; $0.weight = .semibold
                        })
                ], role: labelRole), width: hang)
        var element = FlowElement(
            kind: .paragraph(index: index, measured: measured), x: x + hang, width: width - hang, spaceAfter: spaceAfter, anchor: anchor)
        element.bullet = (label.index, label.measured, x)
        element.opensAfterBullet = body
        elements.append(element)
    }
}
