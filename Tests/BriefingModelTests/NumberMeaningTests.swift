import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Multiples, shares and rates keep their meaning when printed: checked on the cases the
/// issue names and as properties over generated values.
@Suite struct NumberMeaningTests {
    /// The printed number back as a value ("1,250" -> 1250; "<0.01" and ">99.99" as their bounds).
    static func value(_ text: String) -> Double {
        Double(
            text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
                .replacingOccurrences(of: "<", with: "").replacingOccurrences(of: ">", with: ""))!
    }

    static func decimals(_ text: String) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: text.index(after: point), to: text.endIndex) - (text.hasSuffix("%") ? 1 : 0)
    }

    @Test func theCasesTheIssueNames() {
        #expect(NumberFormatting.multiple(130.0 / 93) == "1.4")
        #expect(NumberFormatting.multiple(2) == "2.0")
        #expect(NumberFormatting.multiple(60 / 3.5) == "17")
        #expect(NumberFormatting.multiple(1.04) == "1.04")
        #expect(NumberFormatting.multiple(0.55) == "0.55")
        #expect(NumberFormatting.share(80) == "80%")
        #expect(NumberFormatting.share(4.6) == "4.6%")
        #expect(NumberFormatting.share(0.04) == "0.04%")
        #expect(NumberFormatting.share(0.001) == "<0.01%")
        #expect(NumberFormatting.share(99.96) == "99.96%")
        #expect(NumberFormatting.share(0) == "0%")
        #expect(NumberFormatting.rate(4.92) == "4.9%")
        #expect(NumberFormatting.rate(0.03) == "0.03%")
        #expect(NumberFormatting.rate(32.87) == "32.9%")
    }

    /// Values spread over many magnitudes, with the awkward ones (just off a round number) often.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(state: seed)
        return (0..<count).map { _ in
            let base = random.pick([1.0, 0.1, 0.01, 10, 100, 1000, 100_000])
            let fraction = Double(random.below(1_000_000)) / 1_000_000
            switch random.below(4) {
            case 0: return 1 + Double(random.below(2000) - 1000) / 200_000  // close to 1
            case 1: return Double(random.below(20)) + Double(random.below(3) - 1) * 0.0004  // just off a whole number
            default: return base * (0.5 + fraction * 9.5)
            }
        }
    }

    @Test func multiplesKeepTheirMeaning() {
        var previous: (value: Double, printed: Double)?
        for value in Self.values(20_000, seed: 7).filter({ $0 > 0 }).sorted() {
            let text = NumberFormatting.multiple(value)
            let printed = Self.value(text)
            // Never "1.0" for a value that is not 1, down to three decimals (×1.004).
            if printed == 1 { #expect(abs(value - 1) < 0.0005, "\(value) printed ×\(text)") }
            // Below ten always a decimal; from ten none.
            if value < 9.95 { #expect(Self.decimals(text) >= 1, "\(value) printed ×\(text)") } else { #expect(!text.contains(".")) }
            // Within half a unit of the last place printed.
            let unit = pow(10, -Double(Self.decimals(text)))
            #expect(abs(printed - value) <= unit / 2 + 1e-9, "\(value) printed ×\(text)")
            // Larger values never print smaller.
            if let previous { #expect(printed >= previous.printed, "\(previous.value) -> \(previous.printed), \(value) -> \(text)") }
            previous = (value, printed)
        }
    }

    @Test func sharesNeverPrintZeroOrAHundredUnlessTheyAre() {
        var random = SeededRandom(state: 11)
        for _ in 0..<20_000 {
            let share = random.pick([
                Double(random.below(100_000)) / 1000, Double(random.below(100)) / 100_000,
                100 - Double(random.below(100)) / 100_000, Double(random.below(101)),
            ])
            let text = NumberFormatting.share(share)
            #expect(text.hasSuffix("%"))
            if share > 0 { #expect(text != "0%", "\(share) printed \(text)") }
            if share < 100 { #expect(text != "100%", "\(share) printed \(text)") }
            if text.first != "<", text.first != ">" {
                #expect(abs(Self.value(text) - share) <= pow(10, -Double(Self.decimals(text))) / 2 + 1e-9, "\(share) printed \(text)")
                #expect(Self.decimals(text) <= 2)
            }
        }
    }

    @Test func ratesNeverPrintZeroForGrowthThatIsThere() {
        for value in Self.values(10_000, seed: 13) {
            for rate in [value, -value, value / 1000] {
                let text = NumberFormatting.rate(rate)
                if rate != 0 { #expect(text != "0%" && text != "-0%", "\(rate) printed \(text)") }
                if text.first != "<", text.first != ">" {
                    #expect(abs(Self.value(text) - rate) <= pow(10, -Double(Self.decimals(text))) / 2 + 1e-6, "\(rate) printed \(text)")
                }
            }
        }
    }
}
