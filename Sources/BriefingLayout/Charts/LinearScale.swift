import Foundation

/// Maps data values to positions linearly, and chooses "nice" tick values (1, 2, 2.5 or 5
/// times a power of ten) so axes read 0, 25, 50 rather than 0, 23.7, 47.4.
public struct LinearScale: Sendable {
    public var domain: ClosedRange<Double>
    /// Positions of the domain's lower and upper bound; `end` may be less than `start`
    /// (a vertical axis grows upwards while page y grows downwards).
    public var start: Double
    public var end: Double

    public init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return start }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// A step near `span / count` that is 1, 2, 2.5 or 5 times a power of ten.
    public static func niceStep(span: Double, count: Int) -> Double {
        guard span > 0, count > 0 else { return 1 }
        let raw = span / Double(count)
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// Ticks covering the domain at a nice step, about `count` of them.
    public func ticks(count: Int = 5) -> [Double] {
        let step = Self.niceStep(span: domain.upperBound - domain.lowerBound, count: count)
        let first = ceil(domain.lowerBound / step - 1e-9) * step
        var ticks: [Double] = []
        var value = first
        while value <= domain.upperBound + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// Places a tick label needs so neighbouring ticks never print alike: a 0.0025 step needs
    /// four (0.0025, 0.005, 0.0075), where the default two would print 0, 0.01, 0.01.
    public func tickDecimals(count: Int = 5, atLeast minimum: Int = 2) -> Int {
        let step = Self.niceStep(span: domain.upperBound - domain.lowerBound, count: count)
        guard step > 0, step.isFinite else { return minimum }
        return min(15, max(minimum, Int((-log10(step)).rounded(.up)) + 1))
    }

    /// Zero to a nice value at or above `maximum`: bars must start at zero to be compared.
    public static func zeroBased(maximum: Double, from start: Double, to end: Double, ticks count: Int = 5) -> LinearScale {
        let step = niceStep(span: max(maximum, 1e-9), count: count)
        return LinearScale(domain: 0...(ceil(maximum / step - 1e-9) * step), from: start, to: end)
    }
}
