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
}
