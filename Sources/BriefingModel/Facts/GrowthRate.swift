/// Growth over a stated base period ("+81% since 2019"). A rate without its base is meaningless,
/// so `since` is required.
public struct GrowthRate: Sendable, Identifiable {
    public var id: String
    public var label: String
    public var percent: Double
    public var since: FuzzyDate
    public var asOf: FuzzyDate?
    public var attribution: Attribution
    public var location: SourceLocation
    /// For a rate computed from two points of a series (`from_series`), which ones: the
    /// rate, its base and its date come from them, never typed.
    public var derivation: Derivation?

    /// `from_series: {series: ID, from: PERIOD, to: PERIOD}`, and where it is written.
    public struct Derivation: Sendable {
        public var series: String
        public var from: Period
        public var to: Period
        public var location: SourceLocation
        /// True when the rate takes the series' source and grade (none written beside it).
        public var inheritsAttribution: Bool
        public init(series: String, from: Period, to: Period, location: SourceLocation, inheritsAttribution: Bool = true) {
            self.series = series
            self.from = from
            self.to = to
            self.location = location
            self.inheritsAttribution = inheritsAttribution
        }
    }

    public init(
        id: String, label: String, percent: Double, since: FuzzyDate, asOf: FuzzyDate?,
        attribution: Attribution, location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.percent = percent
        self.since = since
        self.asOf = asOf
        self.attribution = attribution
        self.location = location
    }

    /// "81%" (growth is always printed as a plain percentage; the text says "growth of"),
    /// never "0%" for growth that is there.
    public var formatted: String { NumberFormatting.rate(percent) }

    /// "+81%" for a rise, "-4%" for a fall, "0%" for none: how charts and lists print a rate.
    public var signed: String { percent > 0 ? "+" + formatted : formatted }
}
