import BriefingModel

/// Text-level content of a paragraph, heading or list item.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(url: String, [Inline])
    /// A numbered reference to an entry of the Sources list (numbered when the document is built).
    case citation(sourceID: String)
    /// The visible mark of a figure below "confirmed" (dagger / double dagger).
    case confidenceMarker(Confidence)
    case softBreak
    case lineBreak
    /// A cross-reference to a section or chart, resolved once sections are chosen and numbered.
    case reference(CrossReference)
    /// A footnote's number, linked to the note at the section's end.
    case footnote(Int)
    /// The mark after a value revised since the last edition, linked to the changes panel.
    case revisedMarker

    /// The plain text, for alt text, bookmarks and tests.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .emphasis(let children), .strong(let children), .link(_, let children): children.plainText
        case .citation, .confidenceMarker, .reference, .footnote, .revisedMarker: ""
        case .softBreak: " "
        case .lineBreak: "\n"
        }
    }
}

extension [Inline] {
    public var plainText: String { map(\.plainText).joined() }
}
