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

/// A clickable area of a paragraph, relative to the paragraph's top-left corner: the part of
/// one link on one line.
public struct LinkBox: Sendable, Hashable {
    public var line: Int
    public var rect: Rect
    public var target: LinkTarget
    /// Which link of the paragraph the box belongs to, counted in drawing order: the boxes of
    /// a link that wraps onto the next line share a group (one annotation and one Link
    /// element holding all its words); text drawn between two boxes starts a new group.
    public var group: Int

    public init(line: Int, rect: Rect, target: LinkTarget, group: Int = 0) {
        self.line = line
        self.rect = rect
        self.target = target
        self.group = group
    }
}

/// Text as a measurer shaped it, kept so the painter draws exactly what layout measured
/// without asking the measurer again: a finished page is a value that can be drawn later,
/// elsewhere, or more than once (watch mode, image pages, post-processing). Immutable once
/// made; what it holds is up to the measurer (Pango keeps its `PangoLayout`).
public protocol ShapedText: AnyObject, Sendable {}

public struct MeasuredParagraph: Sendable, Hashable {
    public var lines: [LineMetrics]
    public var links: [LinkBox]
    /// The shaped text behind these lines, if the measurer keeps one (a fake measurer does not).
    public var shaped: (any ShapedText)?

    public init(lines: [LineMetrics], links: [LinkBox], shaped: (any ShapedText)? = nil) {
        self.lines = lines
        self.links = links
        self.shaped = shaped
    }

    /// Geometry only: two measurements with the same lines and links are equal however shaped.
    public static func == (lhs: MeasuredParagraph, rhs: MeasuredParagraph) -> Bool {
        lhs.lines == rhs.lines && lhs.links == rhs.links
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(links)
    }

    public var height: Double { lines.last?.bottom ?? 0 }

    /// Height of lines `range`, from the top of the first to the bottom of the last.
    public func height(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        return lines[range.upperBound - 1].bottom - lines[range.lowerBound].top
    }
}
