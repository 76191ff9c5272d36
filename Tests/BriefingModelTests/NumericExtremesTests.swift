import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Numbers never crash: formatting is total over every `Double`, and a number a template
/// gives outside what a briefing can print is a located error, not a trap (SIGILL) later.
@Suite struct NumericExtremesTests {
    /// Doubles across every magnitude a file could produce, both signs, and the special values.
    static func extremes(count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(state: seed)
        var values: [Double] = [
            0, -0.0, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
            .leastNormalMagnitude, 9.3e18, 9_223_372_036_854_775_807, 9_007_199_254_740_992, 9_007_199_254_740_993, 1e15, 1e15 + 0.5,
            99_999_999_999_999.99, 0.005, 0.015, 0.125, 1e-300,
        ]
        for _ in 0..<count {
            let bits = random.next()
            // Half arbitrary bit patterns (every exponent), half decimal-looking magnitudes.
            if bits & 1 == 0 {
                values.append(Double(bitPattern: random.next()))
            } else {
                let exponent = Double(random.below(40)) - 20
                let sign: Double = random.below(2) == 0 ? 1 : -1
                values.append(sign * Double(random.below(1_000_000)) * pow(10, exponent))
            }
        }
        return values
    }

    @Test func formattingIsTotalAndWellFormed() throws {
        // Digits grouped in threes, or, for a value too small to print in twelve places, two
        // significant digits and a power of ten ("1.2e-17"): never "0" for a value that is there.
        let shape = try Regex("^-?([0-9]{1,3}(,[0-9]{3})*(\\.[0-9]+)?|[1-9](\\.[0-9])?e-[0-9]+)$")
        for value in Self.extremes(count: 20_000, seed: 0x5EED_0025) {
            for decimals in [0, 1, 2, 4] {
                let text = NumberFormatting.format(value, decimals: decimals)
                if value.isNaN {
                    #expect(text == "NaN")
                } else if value.isInfinite {
                    #expect(text == (value < 0 ? "-∞" : "∞"))
                } else {
                    #expect(text.wholeMatch(of: shape) != nil, "\(value) with \(decimals) decimals printed as \(text)")
                    #expect(text.hasPrefix("-") == (value < 0), "\(value) printed as \(text)")
                    #expect((text == "0") == (value == 0), "\(value) printed as \(text)")
                }
            }
        }
    }

    /// Within the range a template may use, the printed number reads back as the value
    /// rounded to the places asked for.
    @Test func printedNumbersReadBackAsTheValue() {
        for value in Self.extremes(count: 20_000, seed: 7) where value.isFinite && abs(value) <= NumberFormatting.largestInput {
            let text = NumberFormatting.format(value, decimals: 2)
            let back = Double(text.replacingOccurrences(of: ",", with: ""))!
            // Half a unit of the last place, plus what a double cannot hold at this magnitude.
            let tolerance = 0.005 + abs(value).ulp * 4
            #expect(abs(back - value) <= tolerance + 1e-12, "\(value) printed as \(text)")
        }
    }

    @Test func hugeNumbersPrintTheirDigits() {
        #expect(NumberFormatting.format(1e15) == "1,000,000,000,000,000")
        #expect(NumberFormatting.format(9.3e18) == "9,300,000,000,000,000,000")
        #expect(NumberFormatting.format(-1e20) == "-100,000,000,000,000,000,000")
        #expect(NumberFormatting.format(1e-300) == "1e-300")
        #expect(NumberFormatting.percent(.infinity) == "∞%")
    }

    @Test func smallValuesKeepTwoSignificantDigits() {
        #expect(NumberFormatting.format(0.004) == "0.004")
        #expect(NumberFormatting.format(0.0042, decimals: 1) == "0.0042")
        #expect(NumberFormatting.format(0.00456) == "0.0046")
        #expect(NumberFormatting.format(-0.004, decimals: 0) == "-0.004")
        #expect(NumberFormatting.format(0.4, decimals: 0) == "0.4")
        #expect(NumberFormatting.format(0.6, decimals: 0) == "1")
        #expect(NumberFormatting.format(1.2e-17) == "1.2e-17")
        #expect(NumberFormatting.percent(0.03) == "0.03%")
        #expect(NumberFormatting.format(0) == "0" && NumberFormatting.format(-0.0) == "0")
    }

    @Test func growthRatesCarryTheirSign() {
        let attribution = Attribution(sourceID: "s", confidence: .confirmed, location: SourceLocation(file: "d"))
        func rate(_ percent: Double) -> GrowthRate {
            GrowthRate(
                id: "g", label: "g", percent: percent, since: FuzzyDate(year: 2020), asOf: nil, attribution: attribution,
                location: SourceLocation(file: "d"))
        }
        #expect(rate(81).signed == "+81%")
        #expect(rate(-4.2).signed == "-4.2%")
        #expect(rate(0).signed == "0%")
        #expect(rate(0.01).signed == "+0.01%", "a rate that is there never prints 0%")
    }

    // MARK: - Read where they are read

    /// Every numeric field of the default template, pushed past the range, is refused at its
    /// line and column with the field's path: never loaded, never a trap.
    @Test(arguments: ["9.3e18", "1e300", "-1e16", "100000000000000000000"])
    func valuesOutOfRangeAreLocatedErrors(_ huge: String) throws {
        let message = try FixtureLoading.failure("Templates/sino-pak") { fixture in
            let data = try fixture.read("data.yaml")
            let value = try #require(data.firstMatch(of: try Regex("\n    value: [0-9]+\n")))
            try fixture.write("data.yaml", data.replacingCharacters(in: value.range, with: "\n    value: \(huge)\n"))
        }
        #expect(message.contains("data.yaml:"))
        #expect(message.contains("is out of range (at most 10^15 either side of zero)"), "\(message)")
        #expect(message.contains("figures["))
    }

    @Test func aProjectionWhoseMultipleCannotBePrintedIsAnError() throws {
        let message = try FixtureLoading.failure("Templates/sino-pak") { fixture in
            let data = try fixture.read("data.yaml")
            let from = try #require(data.firstMatch(of: try Regex("from: \\{value: [0-9.]+")))
            try fixture.write("data.yaml", data.replacingCharacters(in: from.range, with: "from: {value: 1e-300"))
        }
        #expect(message.contains("a multiple too large to print"), "\(message)")
    }

    @Test func yearsOutOfRangeAreErrorsNotOverflows() throws {
        let message = try FixtureLoading.failure("Templates/sino-pak") { fixture in
            let data = try fixture.read("data.yaml")
            let year = try #require(data.firstMatch(of: try Regex("year: 20[0-9][0-9]\\}")))
            try fixture.write("data.yaml", data.replacingCharacters(in: year.range, with: "year: 9223372036854775807}"))
        }
        #expect(message.contains("expected a year from 1800 to 2200, found 9223372036854775807"), "\(message)")
    }

    @Test func anOverlongSourceURLIsALocatedError() throws {
        let message = try FixtureLoading.failure("Templates/sino-pak") { fixture in
            let data = try fixture.read("data.yaml")
            let url = try #require(data.firstMatch(of: try Regex("url: https://[^\\n]+")))
            try fixture.write(
                "data.yaml",
                data.replacingCharacters(in: url.range, with: "url: https://example.org/" + String(repeating: "a", count: 100_000)))
        }
        #expect(message.contains("a URL of 100020 characters; at most 2048 are allowed"), "\(message)")
    }
}
