/// The identity of one fact of a briefing: what an edition records it under, what "what
/// changed" compares, what a chart's bar or a placeholder's revised marker points at. Written
/// as text (`description`) wherever it is stored or printed: `fig.students`,
/// `growth.it-sector`, `projection.ecommerce`, `projection.ecommerce.cagr` (a projection's
/// derived annual rate), `event.paksat-mm1`, `supply.SERIES.ROW.SUPPLIER` (a row's period key,
/// a supplier's slug or `others`) and `series.ID.PERIOD`.
///
/// A key names one fact exactly; the names an author may write for it (a supply row's
/// `first` and `latest`, a series point's `previous`) are `FactEntry.names`, and a reference
/// as written is a `FactReference`.
public enum FactKey: Hashable, Sendable, CustomStringConvertible {
    case figure(String)
    case growth(String)
    case projection(String)
    /// A projection's compound annual growth rate, derived from its two ends.
    case projectionRate(String)
    case event(String)
    case share(series: String, row: String, supplier: String)
    case seriesPoint(series: String, period: String)

    public var description: String {
        switch self {
        case .figure(let id): "fig.\(id)"
        case .growth(let id): "growth.\(id)"
        case .projection(let id): "projection.\(id)"
        case .projectionRate(let id): "projection.\(id).cagr"
        case .event(let id): "event.\(id)"
        case .share(let series, let row, let supplier): "supply.\(series).\(row).\(supplier)"
        case .seriesPoint(let series, let period): "series.\(series).\(period)"
        }
    }

    /// The kind an edition row records: `figure`, `growth`, `projection`, `event`, `supply`
    /// or `series`.
    public var kind: String {
        switch self {
        case .figure: "figure"
        case .growth: "growth"
        case .projection, .projectionRate: "projection"
        case .event: "event"
        case .share: "supply"
        case .seriesPoint: "series"
        }
    }

    /// A key read back from its text (an edition row, a change); nil for text no key writes.
    /// Ids never contain a dot, so the parts are unambiguous.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty) else { return nil }
        switch (parts[0], parts.count) {
        case ("fig", 2): self = .figure(parts[1])
        case ("growth", 2): self = .growth(parts[1])
        case ("projection", 2): self = .projection(parts[1])
        case ("projection", 3) where parts[2] == "cagr": self = .projectionRate(parts[1])
        case ("event", 2): self = .event(parts[1])
        case ("supply", 4): self = .share(series: parts[1], row: parts[2], supplier: parts[3])
        case ("series", 3): self = .seriesPoint(series: parts[1], period: parts[2])
        default: return nil
        }
    }
}
