import BriefingContent
import BriefingModel

/// The contents page: every section and sub-heading, the Sources and the figures, each with
/// its page label and a link to it.
struct ContentsLayout {
    let style: BriefingStyle
    let store: ParagraphStore
    let labels: Labels

    struct Entry {
        var title: String
        var number: String?
        var level: Int
        var destination: String
        var pageLabel: String
    }

    /// Pages of the contents; `frame` is the body frame.
    func layout(sections: [Entry], figures: [Entry], frame: Rect) -> [[FrameItem]] {
        var elements: [FlowElement] = []
        let width = frame.width
        let heading = store.add(Paragraph([TextRun(labels[.contents], style.sectionHeading)], role: .section), width: width)
        elements.append(FlowElement(kind: .rule(style.navy, thickness: 0.8), width: width, spaceAfter: 7, keepWithNext: true))
        elements.append(
            FlowElement(
                kind: .paragraph(index: heading.index, measured: heading.measured), width: width, spaceAfter: 12,
                keepWithNext: true, anchor: Anchor.contents))
        elements += toc(sections, width: width, numberWidth: 24)
        if !figures.isEmpty {
            let label = store.add(Paragraph([TextRun(labels[.figures], style.label)], role: .subsection), width: width)
            elements.append(
                FlowElement(
                    kind: .paragraph(index: label.index, measured: label.measured), width: width, spaceBefore: 16,
                    spaceAfter: 6, keepWithNext: true))
            elements += toc(figures, width: width, numberWidth: 52)
        }
        var paginator = Paginator(frame: frame, firstPageIndex: 0, boxColor: style.panel)
        paginator.place(elements)
        return paginator.pages
    }

    /// TOC > TOCI for each entry: the number (Lbl) and the title (P holding its Link, which
    /// holds the title's words); the page number is drawn as decoration, inside the link's
    /// clickable area.
    private func toc(_ entries: [Entry], width: Double, numberWidth: Double) -> [FlowElement] {
        var elements: [FlowElement] = [.begin(.toc)]
        for entry in entries {
            elements += [.begin(.tocItem), self.entry(entry, width: width, numberWidth: numberWidth), .end(.tocItem)]
        }
        return elements + [.end(.toc)]
    }

    private func entry(_ entry: Entry, width: Double, numberWidth: Double) -> FlowElement {
        let top = entry.level == 1
        let text =
            top
            ? TextStyle(family: .sans, size: 10, weight: .semibold, color: style.ink)
            : TextStyle(family: .sans, size: 8.8, color: style.ink)
        let pageWidth = 34.0
        let indent = top ? numberWidth : numberWidth + 12
        let titleWidth = width - indent - pageWidth - 8
        let target = LinkTarget.destination(entry.destination)
        let title = store.add(
            Paragraph([TextRun(entry.title, text, link: target)], lineSpacing: 1.05, role: .paragraph), width: titleWidth)
        // The link's area is the whole row, as wide as the title's column and the page number.
        let rowWidth = width - indent
        store.setLinks(
            title.measured.lines.enumerated().map { line, metrics in
                LinkBox(line: line, rect: Rect(x: 0, y: metrics.top, width: rowWidth, height: metrics.height), target: target)
            }, of: title.index)
        let page = store.add(
            Paragraph([TextRun(entry.pageLabel, text.with { $0.color = style.navy })], alignment: .right), width: pageWidth)
        var element = FlowElement(
            kind: .paragraph(index: title.index, measured: title.measured), x: indent, width: titleWidth,
            spaceBefore: top ? 7 : 1.5, spaceAfter: 0)
        if let number = entry.number {
            let numberText = store.add(
                Paragraph([TextRun(number, text.with { $0.color = style.accent })], role: .label), width: numberWidth)
            element.bullet = (numberText.index, numberText.measured, top ? 0 : 12)
        }
        element.trailer = (page.index, page.measured, pageWidth)
        element.x = indent
        element.width = width - indent - pageWidth
        return element
    }
}

enum PageLabel {
    /// Lower-case roman numerals for front matter.
    static func roman(_ number: Int) -> String {
        let values = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
            (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number, text = ""
        for (value, numeral) in values {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }
}
