/// Where a link goes: a named destination inside the PDF, or a web address.
public enum LinkTarget: Sendable, Hashable {
    case destination(String)
    case uri(String)
}

/// A run of uniformly styled text, optionally a link.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public var link: LinkTarget?

    public init(_ text: String, _ style: TextStyle, link: LinkTarget? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }
}

/// A paragraph of styled runs with its setting: what the measurer breaks into lines.
public struct Paragraph: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, justified, center, right }

    public var runs: [TextRun]
    /// The PDF structure element the paragraph is tagged as (nil: untagged, e.g. running heads
    /// and chart labels inside a Figure element).
    public var role: StructureRole?
    public var alignment: Alignment
    /// Baseline-to-baseline distance as a multiple of the font's natural line height.
    public var lineSpacing: Double
    /// Insert soft hyphens so justified lines do not gape (body text only).
    public var hyphenate: Bool

    public init(
        _ runs: [TextRun], alignment: Alignment = .left, lineSpacing: Double = 1, hyphenate: Bool = false, role: StructureRole? = nil
    ) {
        self.runs = runs
        self.role = role
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        self.hyphenate = hyphenate
    }

    public var plainText: String { runs.map(\.text).joined() }
}

/// Standard PDF structure types the renderer tags (those cairo 1.16 writes and that nest
/// validly without list or table containers).
public enum StructureRole: String, Sendable, Hashable {
    case title = "H1"
    case section = "H2"
    case subsection = "H3"
    case paragraph = "P"
    case caption = "Caption"
}
