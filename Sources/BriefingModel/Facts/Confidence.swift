/// How well a fact is sourced: one of the template's grades, best first. The defaults follow
/// the grades of `shared/facts.md`: C -> confirmed, C2 -> reported, R and NC -> unconfirmed.
/// A template may declare its own under `grades:` in `data.yaml` (an id, the marker printed
/// after a value below the best grade, and the legend explaining it on the cover).
public struct Confidence: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var id: String
    /// Position in the template's list: 0 is the best grade.
    public var rank: Int
    /// The visible mark a reader sees next to a fact of this grade (nil for the best).
    public var marker: String?
    /// The cover's explanation of the marker; nil for the defaults, whose words are labels.
    public var legend: String?
    /// True for the lowest grade, which charts also hatch.
    public var isLowest: Bool

    public init(id: String, rank: Int, marker: String?, legend: String? = nil, isLowest: Bool = false) {
        self.id = id
        self.rank = rank
        self.marker = marker
        self.legend = legend
        self.isLowest = isLowest
    }

    /// Read in text from the primary publisher.
    public static let confirmed = Confidence(id: "confirmed", rank: 0, marker: nil)
    /// Read in a secondary source that attributes it to the primary publisher.
    public static let reported = Confidence(id: "reported", rank: 1, marker: "\u{2020}")  // dagger
    /// Only one unsupported source states it; no independent source was found.
    public static let unconfirmed = Confidence(id: "unconfirmed", rank: 2, marker: "\u{2021}", isLowest: true)  // double dagger

    /// The grades of a template that declares none.
    public static let defaults = [confirmed, reported, unconfirmed]

    /// The cover's explanation of this grade's marker, in the template's words.
    public func legend(_ labels: Labels) -> String {
        if let legend { return legend }
        return labels[id == Self.reported.id ? .confidenceReported : .confidenceUnconfirmed]
    }

    public var description: String { id }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
    public static func == (lhs: Confidence, rhs: Confidence) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
