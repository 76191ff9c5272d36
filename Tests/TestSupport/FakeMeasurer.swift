import BriefingLayout

/// Breaks text greedily at spaces with a fixed advance of half the font size per character,
/// so layout can be tested without Pango and the results are easy to reason about.
public struct FakeMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph {
        let size = paragraph.runs.map(\.style.size).max() ?? 10
        let advance = size * 0.5
        let lineHeight = size * 1.3 * paragraph.lineSpacing
        let perLine = max(1, Int(width / advance))
        var lines: [LineMetrics] = []
        var current = 0
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
            current = 0
        }
        for word in paragraph.plainText.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.count + (current > 0 ? 1 : 0)
            if current > 0 && current + length > perLine { endLine() }
            current += current > 0 ? word.count + 1 : word.count
        }
        endLine()
        return MeasuredParagraph(lines: lines, links: [])
    }
}
