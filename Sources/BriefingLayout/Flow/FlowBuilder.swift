import BriefingContent

/// Turns content blocks into flow elements: chooses styles, spacing, indents and bullets.
struct FlowBuilder {
    let style: BriefingStyle
    let store: ParagraphStore
    let styler: InlineStyler
    private(set) var elements: [FlowElement] = []
    private var nextBox = 0

    init(style: BriefingStyle, store: ParagraphStore, styler: InlineStyler) {
        self.style = style
        self.store = store
        self.styler = styler
    }

    private var bodyParagraph: (([TextRun]) -> Paragraph) {
        { Paragraph($0, alignment: .justified, lineSpacing: style.bodySpacing, hyphenate: true) }
    }

    // MARK: - Sections

    mutating func addSectionHeading(number: Int?, title: String, anchor: String) {
        let numberRun = number.map { [TextRun("\($0)\u{2003}", style.sectionHeading.with { $0.color = style.accent })] } ?? []
        let paragraph = Paragraph(numberRun + [TextRun(title, style.sectionHeading)], lineSpacing: 1.0)
        let width = style.frameWidth
        let (index, measured) = store.add(paragraph, width: width)
        elements.append(
            FlowElement(kind: .rule(style.navy, thickness: 0.8), width: width, spaceBefore: 20, spaceAfter: 7, keepWithNext: true))
        elements.append(
            FlowElement(
                kind: .paragraph(index: index, measured: measured), width: width, spaceAfter: 8,
                keepWithNext: true, anchor: anchor, outline: (number.map { "\($0) \(title)" } ?? title, 1)))
    }

    mutating func add(_ blocks: [Block], x: Double = 0, box: Int? = nil, anchorPrefix: String) {
        for (offset, block) in blocks.enumerated() {
            add(block, x: x, box: box, anchor: "\(anchorPrefix)-\(offset + 1)", isFirst: offset == 0)
        }
    }

    private mutating func add(_ block: Block, x: Double, box: Int?, anchor: String, isFirst: Bool) {
        let width = style.frameWidth - x - (box != nil ? 12 : 0)
        switch block {
        case .heading(let level, let inlines):
            let base = level <= 2 ? style.subHeading : style.minorHeading
            let (index, measured) = store.add(Paragraph(styler.runs(inlines, base: base)), width: width)
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
            if let last = elements.indices.last { elements[last].spaceAfter = 0 }
            elements.append(.space(5, box: id))
            elements.append(.space(8))
        case .thematicBreak:
            elements.append(FlowElement(kind: .rule(style.rule, thickness: 0.5), x: x, width: width, spaceBefore: 6, spaceAfter: 10))
        }
    }

    private mutating func addList(_ items: [(String, [Block])], x: Double, box: Int?, anchor: String) {
        let indent = 15.0
        for (offset, (label, blocks)) in items.enumerated() {
            let first = elements.count
            add(blocks, x: x + indent, box: box, anchorPrefix: "\(anchor)-\(offset + 1)")
            guard first < elements.count else { continue }
            // Tighter spacing inside lists; the bullet hangs in the indent.
            for position in first..<elements.count where elements[position].spaceAfter == 6 { elements[position].spaceAfter = 3 }
            let bulletStyle = style.body.with {
                $0.color = style.accent; $0.family = label == "\u{2022}" ? .serif : .sans; $0.size *= label == "\u{2022}" ? 1 : 0.9
            }
            let bullet = store.add(Paragraph([TextRun(label, bulletStyle)]), width: indent)
            elements[first].bullet = (bullet.index, bullet.measured, x + 2)
        }
        if let last = elements.indices.last { elements[last].spaceAfter = 7 }
    }

    // MARK: - Sources

    mutating func addSources(_ sources: [Document.SourceEntry]) {
        let hang = 22.0
        let width = style.frameWidth - hang
        let text = style.small.with {
            $0.color = style.ink; $0.size = 8.4
        }
        for source in sources {
            var runs = [TextRun(source.text, text)]
            if let url = source.url {
                runs.append(TextRun(" " + url, text.with { $0.color = style.navy }, link: .uri(url)))
            }
            let (index, measured) = store.add(Paragraph(runs, lineSpacing: 1.0), width: width)
            let number = store.add(
                Paragraph([
                    TextRun(
                        "[\(source.number)]",
                        text.with {
                            $0.color = style.navy; $0.weight = .semibold
                        })
                ]), width: hang)
            var element = FlowElement(
                kind: .paragraph(index: index, measured: measured), x: hang, width: width, spaceAfter: 4.5,
                anchor: InlineStyler.sourceAnchor(source.number))
            element.bullet = (number.index, number.measured, 0)
            elements.append(element)
        }
    }
}
