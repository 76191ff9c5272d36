import Foundation

/// What `briefing.yaml` says: the briefing's identity, its date policy and its sections in order.
public struct BriefingSpec: Sendable {
    public struct Section: Sendable, Identifiable {
        public var id: String
        public var title: String
        /// One line for `briefing sections` and the contents.
        public var summary: String
        /// Path of the CommonMark file, relative to the template folder.
        public var file: String
        public var location: SourceLocation

        public init(id: String, title: String, summary: String, file: String, location: SourceLocation) {
            self.id = id
            self.title = title
            self.summary = summary
            self.file = file
            self.location = location
        }
    }

    /// How the date printed on the briefing is chosen when no `--date` is given.
    public enum DatePolicy: Sendable, Equatable {
        /// The day the briefing is generated (what a weekly cron job wants).
        case today
        /// A fixed date, for an issue that must not change.
        case fixed(FuzzyDate)
    }

    public var title: String
    public var subtitle: String
    public var publisher: String
    public var audience: String
    public var author: String?
    public var keywords: [String]
    public var datePolicy: DatePolicy
    /// CommonMark file with the cover's key judgements.
    public var keyJudgementsFile: String
    /// Where `key_judgements:` is written, for errors about its file.
    public var keyJudgementsLocation: SourceLocation
    /// Figure ids shown in the key-figures panel.
    public var keyFigures: [(id: String, location: SourceLocation)]
    public var sections: [Section]
    /// BCP 47 tag of the briefing's language (`en-GB` by default): the PDF's language, and
    /// which hyphenation patterns are used.
    public var language: String
    /// The words the briefing prints besides its content (English unless overridden).
    public var labels: Labels
    public var location: SourceLocation
    /// Conditions on the data that sentences depend on, by id.
    public var claims: [Claim] = []
    /// The values the template leaves open, given with `--param` (`parameters:`).
    public var parameters: [Parameter] = []
    /// The data file, relative to the template folder (`data:`; `data.yaml` when not given):
    /// with a parameter in it, one data file per value (`data/{{param.partner}}.yaml`).
    public var dataFile: String?

    public init(
        title: String, subtitle: String, publisher: String, audience: String, author: String?, keywords: [String],
        datePolicy: DatePolicy, keyJudgementsFile: String, keyFigures: [(id: String, location: SourceLocation)],
        sections: [Section], language: String = "en-GB", labels: Labels = .english, location: SourceLocation,
        keyJudgementsLocation: SourceLocation? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.publisher = publisher
        self.audience = audience
        self.author = author
        self.keywords = keywords
        self.datePolicy = datePolicy
        self.keyJudgementsFile = keyJudgementsFile
        self.keyJudgementsLocation = keyJudgementsLocation ?? location
        self.keyFigures = keyFigures
        self.sections = sections
        self.language = language
        self.labels = labels
        self.location = location
    }
}
