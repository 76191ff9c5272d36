/// A single sourced number: "820 km", "28,023 students", "44 million USD".
public struct Figure: Sendable, Identifiable {
    public var id: String
    public var label: String
    public var value: Double
    /// Printed after the value: `km`, `million USD`, `%`.
    public var unit: String
    /// "more than" figures (the essay's "over 25,000") keep their qualifier.
    public var qualifier: Qualifier
    public var asOf: FuzzyDate?
    public var attribution: Attribution
    public var location: SourceLocation

    public enum Qualifier: String, Sendable, CaseIterable {
        case exact, over, about, under
    }

    public init(
        id: String, label: String, value: Double, unit: String, qualifier: Qualifier = .exact,
        asOf: FuzzyDate?, attribution: Attribution, location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.asOf = asOf
        self.attribution = attribution
        self.location = location
    }

    /// "28,023", "3.5", "1,235.2".
    public var formattedValue: String { NumberFormatting.format(value) }

    /// The value with qualifier and unit, as it reads in a sentence: "more than 25,000 students".
    public var formatted: String {
        let number: String
        switch qualifier {
        case .exact: number = formattedValue
        case .over: number = "more than \(formattedValue)"
        case .about: number = "about \(formattedValue)"
        case .under: number = "under \(formattedValue)"
        }
        return NumberFormatting.attach(unit: unit, to: number)
    }
}
