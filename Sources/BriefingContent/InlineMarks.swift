import BriefingModel

/// The small marks inside text that every writer prints alike: a citation's number, a
/// confidence marker, the "revised" mark and a footnote's number, each with its text and
/// the anchor it links to. Decided here, from the document, so the PDF and any other writer
/// (HTML) number, word and link them the same way; a writer only styles them.
public struct InlineMarks: Sendable {
    public struct Mark: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case citation, confidence, revised, footnote }
        public var kind: Kind
        public var text: String
        /// The named destination it links to (`Anchor`).
        public var anchor: String
    }

    private let citationNumber: @Sendable (String) -> Int?
    /// The template's word for "revised" (`revised_marker`).
    public let revisedText: String

    /// The marks of a briefing: citations numbered as its Sources list.
    public init(document: Document) {
        let sources = document.sources
        self.init(sources: sources, revisedText: document.labels[.revisedMarker])
    }

    /// The marks of a page with its own numbered sources (a chart on its own).
    public init(sources: [Document.SourceEntry], revisedText: String) {
        let numbers = Dictionary(sources.map { ($0.id, $0.number) }, uniquingKeysWith: { first, _ in first })
        citationNumber = { numbers[$0] }
        self.revisedText = revisedText
    }

    /// The number a source is cited by, if the briefing lists it.
    public func number(citing sourceID: String) -> Int? { citationNumber(sourceID) }

    /// The mark an inline prints, or nil for text-level content (and for a citation of a
    /// source not listed, or a confirmed grade, which print nothing).
    /// - Parameter noteScope: the anchor of the section (or cover) whose notes a footnote
    ///   number links to.
    public func mark(_ inline: Inline, noteScope: String) -> Mark? {
        switch inline {
        case .citation(let id):
            guard let number = citationNumber(id) else { return nil }
            return Mark(kind: .citation, text: "[\(number)]", anchor: Anchor.source(number))
        case .confidenceMarker(let grade):
            guard let marker = grade.marker else { return nil }
            return Mark(kind: .confidence, text: marker, anchor: Anchor.confidenceNote)
        case .revisedMarker:
            return Mark(kind: .revised, text: revisedText, anchor: Anchor.changes)
        case .footnote(let number):
            return Mark(kind: .footnote, text: "\(number)", anchor: Anchor.note(number, in: noteScope))
        default:
            return nil
        }
    }
}
