/// What changed since an earlier edition, as the briefing prints it in its "What changed"
/// panel: the entries in the edition diff's fixed order, each with the chosen sections that
/// show the fact (none: listed but marked not shown).
public struct FactChanges: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable { case revised, source, confidence, added, event, removed }

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
        /// Ids of the chosen sections that show the fact, in reading order.
        public var sections: [String] = []

        public init(
            kind: Kind, key: String, label: String, old: String?, new: String?, oldSource: String? = nil, newSource: String? = nil,
            oldConfidence: String? = nil, newConfidence: String? = nil, derived: Bool = false
        ) {
            self.kind = kind
            self.key = key
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
    public var revisedKeys: Set<String> { Set(entries.filter { $0.kind == .revised }.map(\.key)) }
}
