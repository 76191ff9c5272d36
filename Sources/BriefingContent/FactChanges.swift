import BriefingModel

/// What changed since an earlier edition: the entries of an edition diff (`EditionDiff`, in
/// its fixed order), and, once a document is built, where each fact shows: the cover (key
/// judgements, key figures) and the chosen sections (neither: listed in the "What changed"
/// panel but marked not shown).
public struct FactChanges: Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable { case revised, source, confidence, added, event, removed }

        public var kind: Kind
        /// The fact's placeholder-style name (`fig.students`).
        public var key: String
        public var label: String
        public var old: String?
        public var new: String?
        public var oldSource: String?
        public var newSource: String?
        public var oldConfidence: String?
        public var newConfidence: String?
        public var derived: Bool
        /// Ids of the chosen sections that show the fact, in reading order (filled when a
        /// document is built; not part of a diff's JSON).
        public var sections: [String] = []
        /// Whether the cover shows the fact: named in the key judgements or a key figure
        /// (filled when a document is built; not part of a diff's JSON).
        public var onCover = false
        /// Shown nowhere in this briefing.
        public var isShown: Bool { onCover || !sections.isEmpty }
        /// Where the newer value was read (`data/trade.csv:7:3`; the older one for a removed
        /// fact), relative to the template folder; nil when the edition predates provenance.
        public var origin: String?

        private enum CodingKeys: String, CodingKey {
            case kind, key, fact, label, old, new, oldSource, newSource, oldConfidence, newConfidence, derived, origin
        }
        /// The fact's kind: figure, growth, projection, event, supply or series.
        public var fact: String = ""

        public init(
            kind: Kind, key: String, fact: String = "", label: String, old: String?, new: String?, oldSource: String? = nil,
            newSource: String? = nil, oldConfidence: String? = nil, newConfidence: String? = nil, derived: Bool = false
        ) {
            self.kind = kind
            self.key = key
            self.fact = fact
            self.label = label
            self.old = old
            self.new = new
            self.oldSource = oldSource
            self.newSource = newSource
            self.oldConfidence = oldConfidence
            self.newConfidence = newConfidence
            self.derived = derived
        }
    }

    /// The earlier edition compared with.
    public var sinceEdition: Int
    /// Its printed date, as the briefing writes dates.
    public var sinceText: String
    public var entries: [Entry]

    public init(sinceEdition: Int, sinceText: String, entries: [Entry]) {
        self.sinceEdition = sinceEdition
        self.sinceText = sinceText
        self.entries = entries
    }

    /// Keys whose printed value changed: the body marks them "revised".
    public var revisedKeys: Set<FactKey> { Set(entries.filter { $0.kind == .revised }.compactMap { FactKey($0.key) }) }
}
