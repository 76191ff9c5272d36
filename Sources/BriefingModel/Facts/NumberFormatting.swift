import Foundation

/// Formats numbers the same way everywhere (locale-independent, so output does not change with
/// the machine's LANG): thousands separated by commas, at most `decimals` places, no trailing zeros.
public enum NumberFormatting {
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        let negative = value < 0
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        var whole = rounded.rounded(.down)
        var fraction = Int(((rounded - whole) * scale).rounded())
        if fraction >= Int(scale) {
            whole += 1
            fraction = 0
        }
        var digits = String(Int(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if fraction > 0 {
            var fractionText = String(fraction)
            fractionText = String(repeating: "0", count: decimals - fractionText.count) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
            grouped += "." + fractionText
        }
        return (negative && grouped != "0" ? "-" : "") + grouped
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
