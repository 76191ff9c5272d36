import BriefingLayout

/// Breaks text greedily at spaces with a fixed advance of half the font size per character,
/// so layout can be tested without Pango and the results are easy to reason about. Links get
/// a box on each line their characters take, grouped as the Pango measurer groups them.
public struct FakeMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph {
        let size = paragraph.runs.map(\.style.size).max() ?? 10
        let advance = size * 0.5
        let lineHeight = size * 1.3 * paragraph.lineSpacing
        let perLine = max(1, Int(width / advance))
        var lines: [LineMetrics] = []
        // Each line's first character and its length, in the paragraph's characters.
        var spans: [(start: Int, count: Int)] = []
        var current = 0, start = 0, position = 0
        func endLine() {
            let top = Double(lines.count) * lineHeight
            let lineWidth = Double(current) * advance
            let x: Double =
                switch paragraph.alignment {
                case .right: width - lineWidth
                case .center: (width - lineWidth) / 2
                case .left, .justified: 0
                }
            lines.append(LineMetrics(top: top, height: lineHeight, baseline: top + size, x: x, width: lineWidth))
            spans.append((start, current))
            current = 0
        }
        for word in paragraph.plainText.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.count + (current > 0 ? 1 : 0)
            if current > 0 && current + length > perLine {
                endLine()
                start = position
            }
            current += current > 0 ? word.count + 1 : word.count
            position += word.count + 1
        }
        endLine()
        return MeasuredParagraph(lines: lines, links: links(paragraph, lines: lines, spans: spans, advance: advance))
    }

    /// A box per link per line; adjacent runs of one target are one link, as Pango's are.
    private func links(_ paragraph: Paragraph, lines: [LineMetrics], spans: [(start: Int, count: Int)], advance: Double) -> [LinkBox] {
        var boxes: [LinkBox] = []
        var offset = 0, group = -1
        var previous: LinkTarget?
        for run in paragraph.runs {
            defer { offset += run.text.count }
            guard let target = run.link else {
                previous = nil
                continue
            }
            if target != previous { group += 1 }
            previous = target
            for (line, span) in spans.enumerated() {
                let from = max(offset, span.start), to = min(offset + run.text.count, span.start + span.count)
                guard from < to else { continue }
                let rect = Rect(
                    x: lines[line].x + Double(from - span.start) * advance, y: lines[line].top, width: Double(to - from) * advance,
                    height: lines[line].height)
                if let last = boxes.last, last.group == group, last.line == line {
                    boxes[boxes.count - 1].rect.width = rect.maxX - last.rect.x
                } else {
                    boxes.append(LinkBox(line: line, rect: rect, target: target, group: group))
                }
            }
        }
        return boxes
    }
}
