import BriefingModel

/// The briefing as a content tree: what to say, in order, before any page exists.
/// Built from a `Template` by BriefingTemplate; laid out by BriefingLayout.
public struct Document: Sendable {
    public struct Section: Sendable {
        public var id: String
        /// "1", "2", ... after filtering, so numbering follows the chosen sections.
        public var number: Int
        public var title: String
        public var blocks: [Block]
        public init(id: String, number: Int, title: String, blocks: [Block]) {
            self.id = id
            self.number = number
            self.title = title
            self.blocks = blocks
        }
    }

    /// A tile of the key-figures panel.
    public struct KeyFigure: Sendable, Hashable {
        public var value: String
        public var label: String
        /// "2018 · Ministry of Education, China" and the like.
        public var detail: String
        public var confidence: Confidence
        public var sourceID: String
        public init(value: String, label: String, detail: String, confidence: Confidence, sourceID: String) {
            self.value = value
            self.label = label
            self.detail = detail
            self.confidence = confidence
            self.sourceID = sourceID
        }
    }

    /// An entry of the Sources list, numbered in order of first citation.
    public struct SourceEntry: Sendable, Hashable {
        public var number: Int
        public var id: String
        public var text: String
        public var url: String?
        /// Short name for source lines under charts ("SIPRI").
        public var publisher: String
        public init(number: Int, id: String, text: String, url: String?, publisher: String = "") {
            self.number = number
            self.id = id
            self.text = text
            self.url = url
            self.publisher = publisher
        }
    }

    public var title: String
    public var subtitle: String
    public var publisher: String
    public var audience: String
    public var author: String?
    public var keywords: [String]
    /// "30 November 2026".
    public var dateText: String
    public var date: FuzzyDate
    public var keyJudgements: [Block]
    public var keyFigures: [KeyFigure]
    public var sections: [Section]
    public var sources: [SourceEntry]
    /// Confidence grades that appear in the text, explained once in a note.
    public var gradesUsed: [Confidence]
    /// Problems that did not stop the build (a reference to a section left out).
    public var warnings: [Diagnostic]
    /// True when some sections were left out: the key-figures panel then says it covers the
    /// whole briefing.
    public var isSelection: Bool
    /// BCP 47 tag of the briefing's language.
    public var language: String
    /// The words printed besides the content (headings, "Figure 3", "page 2 of 7", ...).
    public var labels: Labels
    /// What changed since the edition compared with; nil for a first edition or `--changes none`.
    public var changes: FactChanges?
    /// Claims that no longer hold, each an error at the place its sentence is (or at its
    /// declaration when no text places it).
    public var failedClaims: [Diagnostic] = []
    /// Printed across the top of every page of a `--draft` briefing whose claims need review.
    public var draftBanner: String?

    public init(
        title: String, subtitle: String, publisher: String, audience: String, author: String?, keywords: [String],
        dateText: String, date: FuzzyDate, keyJudgements: [Block], keyFigures: [KeyFigure], sections: [Section],
        sources: [SourceEntry], gradesUsed: [Confidence], warnings: [Diagnostic] = [], isSelection: Bool = false,
        language: String = "en-GB", labels: Labels = .english
    ) {
        self.title = title
        self.subtitle = subtitle
        self.publisher = publisher
        self.audience = audience
        self.author = author
        self.keywords = keywords
        self.dateText = dateText
        self.date = date
        self.keyJudgements = keyJudgements
        self.keyFigures = keyFigures
        self.sections = sections
        self.sources = sources
        self.gradesUsed = gradesUsed
        self.warnings = warnings
        self.isSelection = isSelection
        self.language = language
        self.labels = labels
    }

    /// Citation number of a source, for `[n]` markers.
    public func citationNumber(_ sourceID: String) -> Int? {
        sources.first { $0.id == sourceID }?.number
    }

    public func source(_ sourceID: String) -> SourceEntry? {
        sources.first { $0.id == sourceID }
    }
}
