import Foundation

/// A value expected to grow from a base year to a target year (3.5 bn USD in 2021 to 60 bn USD
/// by 2031). The implied compound annual growth rate is derived here, never typed into data.
public struct Projection: Sendable, Identifiable {
    public struct Point: Sendable {
        public var value: Double
        public var year: Int
        public init(value: Double, year: Int) {
            self.value = value
            self.year = year
        }
    }

    public var id: String
    public var label: String
    public var unit: String
    public var from: Point
    public var to: Point
    public var attribution: Attribution
    public var location: SourceLocation

    public init(id: String, label: String, unit: String, from: Point, to: Point, attribution: Attribution, location: SourceLocation) {
        self.id = id
        self.label = label
        self.unit = unit
        self.from = from
        self.to = to
        self.attribution = attribution
        self.location = location
    }

    public var years: Int { to.year - from.year }

    /// (to / from)^(1 / years) - 1, in percent.
    public var compoundAnnualGrowthPercent: Double {
        (pow(to.value / from.value, 1 / Double(years)) - 1) * 100
    }

    /// How many times larger the target is than the base.
    public var multiple: Double { to.value / from.value }

    public func formatted(_ point: Point) -> String {
        NumberFormatting.attach(unit: unit, to: NumberFormatting.format(point.value))
    }
}
