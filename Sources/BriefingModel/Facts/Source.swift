/// A publication a figure or event is taken from; listed in the briefing's Sources section.
public struct Source: Sendable, Identifiable {
    /// The longest URL a template may give (a source's or a Markdown link's): what browsers
    /// and servers commonly accept, and short enough that printing it, and repeating it in
    /// the link annotation of each line it wraps onto, stays small.
    public static let longestURL = 2_048

    public var id: String
    public var publisher: String
    public var title: String
    public var year: Int
    public var url: String?
    /// Where the number was actually read, when that differs from the publisher (a news report
    /// quoting a SIPRI fact sheet, say).
    public var via: String?
    /// The publisher's name in chart source lines ("ISSRA" for "ISSRA, National Defence
    /// University, Islamabad"); the whole publisher when not given.
    public var short: String?
    public var location: SourceLocation

    public init(
        id: String, publisher: String, title: String, year: Int, url: String?, via: String?, short: String? = nil,
        location: SourceLocation
    ) {
        self.id = id
        self.short = short
        self.publisher = publisher
        self.title = title
        self.year = year
        self.url = url
        self.via = via
        self.location = location
    }
}
