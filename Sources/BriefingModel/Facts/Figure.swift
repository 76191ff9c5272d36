/// A single sourced number: "820 km", "28,023 students", "44 million USD", or a range
/// ("between 40 and 46%").
public struct Figure: Sendable, Identifiable {
    public var id: String
    public var label: String
    public var value: Double
    /// The top of a range (`value: [40, 46]`); nil for a single number.
    public var upper: Double?
    /// Printed after the value: `km`, `million USD`, `%`.
    public var unit: String
    /// "more than" figures (the essay's "over 25,000") keep their qualifier.
    public var qualifier: Qualifier
    public var asOf: FuzzyDate?
    public var attribution: Attribution
    public var location: SourceLocation
    /// Where the value was read (a YAML value or a CSV cell), for the edition store.
    public var origin: SourceLocation?

    /// Words printed before the number. The defaults' ids are those of earlier templates
    /// (`over` prints "more than"); any other text is printed as written ("up to"), unless
    /// the template declares its own list under `qualifiers:`.
    public struct Qualifier: Sendable, Hashable {
        public var id: String
        public var text: String

        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }

        public static let exact = Qualifier(id: "exact", text: "")
        public static let defaults = [
            exact, Qualifier(id: "over", text: "more than"), Qualifier(id: "about", text: "about"),
            Qualifier(id: "under", text: "under"),
        ]
    }

    public init(
        id: String, label: String, value: Double, upper: Double? = nil, unit: String, qualifier: Qualifier = .exact,
        asOf: FuzzyDate?, attribution: Attribution, location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.value = value
        self.upper = upper
        self.unit = unit
        self.qualifier = qualifier
        self.asOf = asOf
        self.attribution = attribution
        self.location = location
    }

    /// "28,023", "3.5", "1,235.2"; a range as "40–46".
    public var formattedValue: String {
        guard let upper else { return NumberFormatting.format(value) }
        return "\(NumberFormatting.format(value))\u{2013}\(NumberFormatting.format(upper))"
    }

    /// The value with qualifier and unit, as it reads in a sentence: "more than 25,000
    /// students", "between 40 and 46%".
    public func formatted(_ labels: Labels = .english) -> String {
        var number: String
        if let upper {
            number = labels.text(
                .range,
                ["low": NumberFormatting.format(value), "high": NumberFormatting.attach(unit: unit, to: NumberFormatting.format(upper))])
            if !qualifier.text.isEmpty { number = "\(qualifier.text) \(number)" }
            return number
        }
        number = qualifier.text.isEmpty ? NumberFormatting.format(value) : "\(qualifier.text) \(NumberFormatting.format(value))"
        return NumberFormatting.attach(unit: unit, to: number)
    }
}
