/// Breaks paragraphs into lines and reports their geometry. Pango implements it in production
/// (BriefingRender); tests use a fixed-advance fake, so layout is testable without Cairo.
public protocol TextMeasurer {
    func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph

    /// A width one line of these runs is known not to be narrower than, cheaper to find than
    /// measuring them: dense charts use it to skip shaping labels that cannot fit anyway.
    func minimumWidth(_ runs: [TextRun]) -> Double
}

extension TextMeasurer {
    /// No bound: callers then measure every label.
    public func minimumWidth(_ runs: [TextRun]) -> Double { 0 }
}

/// One line of a measured paragraph, relative to the paragraph's top-left corner.
public struct LineMetrics: Sendable, Hashable {
    /// Top of the line box.
    public var top: Double
    public var height: Double
    /// Baseline, from the paragraph's top.
    public var baseline: Double
    /// Left edge of the line's ink-independent (logical) box: non-zero when centred or right-aligned.
    public var x: Double
    public var width: Double

    public init(top: Double, height: Double, baseline: Double, x: Double, width: Double) {
        self.top = top
        self.height = height
        self.baseline = baseline
        self.x = x
        self.width = width
    }

    public var bottom: Double { top + height }
}

/// A clickable area of a paragraph, relative to the paragraph's top-left corner.
public struct LinkBox: Sendable, Hashable {
    public var line: Int
    public var rect: Rect
    public var target: LinkTarget

    public init(line: Int, rect: Rect, target: LinkTarget) {
        self.line = line
        self.rect = rect
        self.target = target
    }
}

public struct MeasuredParagraph: Sendable, Hashable {
    public var lines: [LineMetrics]
    public var links: [LinkBox]

    public init(lines: [LineMetrics], links: [LinkBox]) {
        self.lines = lines
        self.links = links
    }

    public var height: Double { lines.last?.bottom ?? 0 }

    /// Height of lines `range`, from the top of the first to the bottom of the last.
    public func height(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        return lines[range.upperBound - 1].bottom - lines[range.lowerBound].top
    }
}
