import Foundation

/// What the site shows of one edition, kept beside its files in the output's state folder
/// (`.briefing/NAME/editions/N/edition.json`) when the run records it: the site can then be
/// built at any time from the state folder alone, with no template.
public struct SiteEdition: Codable, Sendable, Equatable {
    public var number: Int
    /// `YYYY-MM-DD`, the date printed.
    public var printed: String
    /// "30 November 2026", as the briefing writes it.
    public var dateText: String
    /// When the run made it, UTC ISO 8601.
    public var generated: String
    public var title: String
    public var subtitle: String
    public var publisher: String
    /// BCP 47.
    public var language: String
    public var pages: Int
    /// The earlier edition its changes are counted from (nil: a first edition).
    public var since: Int?
    /// Each change as a reader reads it ("Revised: Students in China: 28,023 → 29,500").
    public var changes: [String]
    /// The kept files, by name (`briefing.pdf`, `briefing.html`), in the order written.
    public var files: [String]

    public init(
        number: Int, printed: String, dateText: String, generated: String, title: String, subtitle: String, publisher: String,
        language: String, pages: Int, since: Int?, changes: [String], files: [String]
    ) {
        self.number = number
        self.printed = printed
        self.dateText = dateText
        self.generated = generated
        self.title = title
        self.subtitle = subtitle
        self.publisher = publisher
        self.language = language
        self.pages = pages
        self.since = since
        self.changes = changes
        self.files = files
    }

    public static let fileName = "edition.json"

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> SiteEdition { try JSONDecoder().decode(SiteEdition.self, from: data) }
}
