/// Values of one measure over time (quarterly capacity, yearly trade), for line and bar
/// charts: each point a period and a value, in one unit, from one source.
public struct DataSeries: Sendable, Identifiable {
    public struct Point: Sendable, Hashable {
        public var period: Period
        public var value: Double
        /// Where the value was read (a YAML value or a CSV cell), for the edition store.
        public var origin: SourceLocation?
        public init(period: Period, value: Double, origin: SourceLocation? = nil) {
            self.period = period
            self.value = value
            self.origin = origin
        }
    }

    public var id: String
    /// Names the line in legends and alt text: "Capacity in the United States".
    public var label: String
    public var unit: String
    /// Ordered by period.
    public var points: [Point]
    public var attribution: Attribution
    public var location: SourceLocation

    public init(id: String, label: String, unit: String, points: [Point], attribution: Attribution, location: SourceLocation) {
        self.id = id
        self.label = label
        self.unit = unit
        self.points = points
        self.attribution = attribution
        self.location = location
    }
}
