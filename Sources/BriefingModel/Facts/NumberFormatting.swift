import Foundation

/// Formats numbers the same way everywhere (locale-independent, so output does not change with
/// the machine's LANG): thousands separated by commas, at most `decimals` places, no trailing zeros.
///
/// Total over every `Double`: inputs are range-checked where they are read
/// (`NumberFormatting.largestInput`), but an error message may still quote a value beyond that
/// range, or a derived number may overflow, and printing it must never trap.
public enum NumberFormatting {
    /// The largest magnitude a template may give a number (10^15). Beyond it a double no longer
    /// holds every whole number (2^53 is about 9.0 x 10^15), so a briefing could not print the
    /// value it was given; a larger unit is the cure.
    public static let largestInput = 1e15

    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let negative = value < 0
        let decimals = min(max(0, decimals), 15)
        let scale = pow(10.0, Double(decimals))
        // A value that is there never prints as 0: 0.004 t is "0.004 t", with two significant
        // digits; one too small for that many places is written as a power of ten.
        if value != 0, (abs(value) * scale).rounded() == 0 {
            let places = Int((-log10(abs(value))).rounded(.up)) + 1
            guard places <= 12 else { return String(format: "%.2g", value) }
            return format(value, decimals: places)
        }
        let digits: String, fraction: Int
        if abs(value) * scale < exactIntegers {
            let rounded = (abs(value) * scale).rounded() / scale
            var whole = rounded.rounded(.down)
            var scaledFraction = Int(((rounded - whole) * scale).rounded())
            if scaledFraction >= Int(scale) {
                whole += 1
                scaledFraction = 0
            }
            digits = String(Int(whole))
            fraction = scaledFraction
        } else {
            // Far past 2^53 a double has no fraction worth printing: its exact whole digits.
            digits = String(format: "%.0f", abs(value).rounded())
            fraction = 0
        }
        var grouped = grouping(digits)
        if fraction > 0 {
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: decimals - fractionText.count) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            grouped += "." + fractionText
        }
        return (negative && grouped != "0" ? "-" : "") + grouped
    }

    /// Below this the scaled value converts to `Int` without a trap (`Int.max` is about
    /// 9.22 x 10^18); every number that printed before keeps its exact text.
    private static let exactIntegers = 9_000_000_000_000_000_000.0

    /// "1234567" as "1,234,567".
    private static func grouping(_ digits: String) -> String {
        var digits = Substring(digits)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }

    /// Percentages round to whole numbers unless the fraction carries information (6.6%).
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + "%"
    }

    /// "%" sits on the number; any other unit follows a space.
    public static func attach(unit: String, to number: String) -> String {
        if unit.isEmpty { return number }
        if unit == "%" { return number + "%" }
        return number + " " + unit
    }
}
