import GRDB

/// One published briefing, as the edition store keeps it.
public struct Edition: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "edition"

    /// 1, 2, 3, ... in order of publication; never reused after pruning.
    public var number: Int
    /// The date printed on the briefing, `YYYY-MM-DD`.
    public var printed: String
    /// When the run finished, UTC, ISO 8601.
    public var generated: String
    public var inputDigest: String
    public var outputSHA256: String
    /// The chosen section ids, comma-separated.
    public var sections: String
    public var pages: Int
    /// How the run ended: `success` (a run whose claims fail is recorded as `needs-review`).
    public var outcome: String
    /// How many fact rows belong to it, so a reader can tell a complete edition.
    public var factCount: Int
    /// The SHA-256 of what its reader reads (the spec, the chosen sections' text, the facts
    /// they show): `when: changed` mails an audience only when this moved since the last
    /// edition it was sent. Empty for the main output and editions of earlier versions.
    public var readerDigest: String

    public init(
        number: Int, printed: String, generated: String, inputDigest: String, outputSHA256: String, sections: String, pages: Int,
        outcome: String = "success", factCount: Int = 0, readerDigest: String = ""
    ) {
        self.readerDigest = readerDigest
        self.number = number
        self.printed = printed
        self.generated = generated
        self.inputDigest = inputDigest
        self.outputSHA256 = outputSHA256
        self.sections = sections
        self.pages = pages
        self.outcome = outcome
        self.factCount = factCount
    }
}

/// One resolved fact of an edition: every figure, growth rate, projection (and its derived
/// annual rate), supply share (and derived "all others"), event and series point, with the
/// value as printed, its source and grade.
public struct FactRow: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "fact"

    public var edition: Int
    /// The placeholder-style name: `fig.students`, `supply.pakistan-arms-imports.2021-25.china`.
    public var key: String
    /// `figure`, `growth`, `projection`, `event`, `supply` or `series`.
    public var kind: String
    public var label: String
    /// The number, where the fact is one (nil for events).
    public var value: Double?
    /// As the briefing prints it: "28,023 students", "30 May 2024".
    public var text: String
    public var unit: String
    /// As of, base date or period, as written.
    public var date: String
    public var sourceID: String
    public var sourceTitle: String
    public var confidence: String
    /// Computed by the model (remainder shares, annual growth of a projection).
    public var derived: Bool
    /// Where the value was read, relative to the template folder: `data.yaml:41:12`, a CSV
    /// cell `data/trade.csv:5:3`, or for a share computed from a TIV export the supplier's
    /// cell for the period's first year. Not compared between editions: moving a row in a
    /// file is not a change of fact.
    public var origin: String

    public init(
        edition: Int = 0, key: String, kind: String, label: String, value: Double?, text: String, unit: String = "", date: String = "",
        sourceID: String, sourceTitle: String, confidence: String, derived: Bool = false, origin: String = ""
    ) {
        self.edition = edition
        self.key = key
        self.kind = kind
        self.label = label
        self.value = value
        self.text = text
        self.unit = unit
        self.date = date
        self.sourceID = sourceID
        self.sourceTitle = sourceTitle
        self.confidence = confidence
        self.derived = derived
        self.origin = origin
    }
}
