/// Everything a briefing's `data.yaml` states, decoded and validated.
public struct FactBase: Sendable {
    public var sources: [Source]
    public var figures: [Figure]
    public var events: [Event]
    public var growthRates: [GrowthRate]
    public var projections: [Projection]
    public var supplySeries: [SupplySeries]

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
}
