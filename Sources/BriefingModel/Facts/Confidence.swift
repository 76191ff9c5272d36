/// How well a figure is sourced, following the grades of `shared/facts.md`:
/// C -> confirmed, C2 -> reported, R and NC -> unconfirmed.
public enum Confidence: String, CaseIterable, Sendable, Comparable {
    /// Read in text from the primary publisher.
    case confirmed
    /// Read in a secondary source that attributes it to the primary publisher.
    case reported
    /// Only the source essay states it; no independent source was found.
    case unconfirmed

    /// The visible mark a reader sees next to a figure below `confirmed`.
    public var marker: String? {
        switch self {
        case .confirmed: nil
        case .reported: "\u{2020}"  // dagger
        case .unconfirmed: "\u{2021}"  // double dagger
        }
    }

    private var rank: Int {
        switch self {
        case .confirmed: 0
        case .reported: 1
        case .unconfirmed: 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}
