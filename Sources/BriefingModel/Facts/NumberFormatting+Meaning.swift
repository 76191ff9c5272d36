import Foundation

/// Numbers whose rounding could change what they say: a multiple (93 -> 130 is ×1.4, and
/// "×1" would say nothing grew), a share ("0%" of a supplier that delivers), a rate ("0% a
/// year" for growth that is there). Each prints as `format` does, with the fewest decimals
/// that keep its meaning: never the round value it is not (1 for a multiple, 0 or 100 for a
/// share, 0 for a rate) and, for a multiple below ten, always a decimal.
extension NumberFormatting {
    /// How many times one value is another, without the "×": "1.4" (93 -> 130), "2.0", "17",
    /// "0.55". Below ten, one decimal (two significant digits below one), and more, up to
    /// three, where fewer would print 1 for a value that is not 1; from ten, whole.
    public static func multiple(_ value: Double) -> String {
        guard value.isFinite else { return format(value) }
        let magnitude = abs(value)
        if magnitude >= 9.95 { return format(value, decimals: 0) }
        let least = magnitude >= 0.995 ? 1 : magnitude >= 0.0995 ? 2 : 3
        let decimals = fewestDecimals(value, from: least, to: max(least, 3), avoiding: [1, 0, -1])
        return padded(format(value, decimals: decimals), decimals: 1)
    }

    /// A share in percent: "5.3%", "0.04%" (never "0%" for a share above zero), "99.96%"
    /// (never "100%" for a share short of it); "<0.01%" and ">99.99%" past two decimals.
    public static func share(_ percent: Double) -> String {
        guard percent.isFinite else { return format(percent) + "%" }
        let decimals = fewestDecimals(percent, from: 1, to: 2, avoiding: [0, 100])
        let rounded = round(percent, decimals)
        if rounded == 0, percent > 0 { return "<0.01%" }
        if rounded == 100, percent < 100 { return ">99.99%" }
        return format(percent, decimals: decimals) + "%"
    }

    /// A rate in percent (a growth rate, an annual rate): "4.9%", "0.04%" rather than "0%"
    /// for growth that is there; "<0.01%" (or ">-0.01%") past two decimals.
    public static func rate(_ percent: Double) -> String {
        guard percent.isFinite else { return format(percent) + "%" }
        let decimals = fewestDecimals(percent, from: 1, to: 2, avoiding: [0])
        if round(percent, decimals) == 0, percent != 0 { return percent > 0 ? "<0.01%" : ">-0.01%" }
        return format(percent, decimals: decimals) + "%"
    }

    /// The fewest decimals from `least` to `most` at which `value` does not round onto one of
    /// `boundaries` it is not.
    private static func fewestDecimals(_ value: Double, from least: Int, to most: Int, avoiding boundaries: [Double]) -> Int {
        for decimals in least...most {
            let rounded = round(value, decimals)
            if !boundaries.contains(where: { rounded == $0 && value != $0 }) { return decimals }
        }
        return most
    }

    private static func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10.0, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// `text` with at least `decimals` decimals ("2" -> "2.0"): `format` drops trailing zeros.
    private static func padded(_ text: String, decimals: Int) -> String {
        guard decimals > 0 else { return text }
        guard let point = text.firstIndex(of: ".") else { return text + "." + String(repeating: "0", count: decimals) }
        let have = text.distance(from: text.index(after: point), to: text.endIndex)
        return have >= decimals ? text : text + String(repeating: "0", count: decimals - have)
    }
}
