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

/// What a piece of content is, for the PDF's structure tree: the typed seam between layout and
/// the exporter (and the accessibility post-processing to come), instead of tag-name strings.
public enum StructureRole: Sendable, Hashable {
    case document
    /// H1 (the title), H2 (sections), H3 (sub-headings).
    case heading(level: Int)
    case paragraph
    case list, listItem, label, listBody
    /// The contents page: TOC > TOCI (an entry's number as Lbl, its title as P).
    case toc, tocItem
    /// Table > TR > TH / TD.
    case table, tableRow, tableHeader, tableCell
    /// A footnote at the end of its section.
    case note
    /// A chart or image, with the text that stands for it.
    case figure(alt: String)
    case caption
    case link
    /// Running heads, footers and decoration: not part of the reading order.
    case artifact

    public static let title = StructureRole.heading(level: 1)
    public static let section = StructureRole.heading(level: 2)
    public static let subsection = StructureRole.heading(level: 3)

    /// The standard PDF structure type.
    public var tag: String {
        switch self {
        case .document: "Document"
        case .heading(let level): "H\(level)"
        case .paragraph: "P"
        case .list: "L"
        case .listItem: "LI"
        case .label: "Lbl"
        case .listBody: "LBody"
        case .toc: "TOC"
        case .tocItem: "TOCI"
        case .table: "Table"
        case .tableRow: "TR"
        case .tableHeader: "TH"
        case .tableCell: "TD"
        case .note: "Note"
        case .figure: "Figure"
        case .caption: "Caption"
        case .link: "Link"
        case .artifact: "Artifact"
        }
    }
}
