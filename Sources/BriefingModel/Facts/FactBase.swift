/// Everything a briefing's `data.yaml` states, decoded and validated.
public struct FactBase: Sendable {
    public var sources: [Source]
    public var figures: [Figure]
    public var events: [Event]
    public var growthRates: [GrowthRate]
    public var projections: [Projection]
    public var supplySeries: [SupplySeries]
    /// Values over time, for line and bar charts.
    public var dataSeries: [DataSeries] = []
    /// Supply series to compute from files (their rows are filled when the template loads).
    public var supplyImports: [SupplyImport] = []
    /// What importing files found that does not stop a run (a TIV `Total` that does not add up).
    public var importWarnings: [Diagnostic] = []
    /// The template's vocabularies (its own under `domains:`, `grades:` and `qualifiers:`,
    /// else the defaults). `qualifiers` is nil when any text may qualify a figure.
    public var domains: [Domain] = Domain.defaults
    public var grades: [Confidence] = Confidence.defaults
    public var qualifiers: [Figure.Qualifier]? = nil
    /// Ids of sources written with an error already reported (a bad year): citing them is not
    /// reported again as an unknown source, which only buries the one error that matters.
    public var unreadableSourceIDs: Set<String> = []

    public init(
        sources: [Source] = [], figures: [Figure] = [], events: [Event] = [], growthRates: [GrowthRate] = [],
        projections: [Projection] = [], supplySeries: [SupplySeries] = []
    ) {
        self.sources = sources
        self.figures = figures
        self.events = events
        self.growthRates = growthRates
        self.projections = projections
        self.supplySeries = supplySeries
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }
    public func growthRate(_ id: String) -> GrowthRate? { growthRates.first { $0.id == id } }
    public func projection(_ id: String) -> Projection? { projections.first { $0.id == id } }
    public func series(_ id: String) -> SupplySeries? { supplySeries.first { $0.id == id } }
    public func grade(_ id: String) -> Confidence? { grades.first { $0.id == id } }
    public func dataSeries(_ id: String) -> DataSeries? { dataSeries.first { $0.id == id } }
}
