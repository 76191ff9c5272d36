import Testing

@testable import BriefingModel

@Suite struct DerivedNumberTests {
    let location = SourceLocation(file: "data.yaml", line: 1, column: 1)

    @Test func compoundGrowthOfTheECommerceProjection() {
        let attribution = Attribution(sourceID: "s", confidence: .unconfirmed, location: location)
        let projection = Projection(
            id: "p", label: "trade", unit: "bn USD", from: .init(value: 3.5, year: 2021),
            to: .init(value: 60, year: 2031), attribution: attribution, location: location)
        // (60 / 3.5)^(1/10) - 1 = 32.9%
        #expect(abs(projection.compoundAnnualGrowthPercent - 32.87) < 0.01)
        #expect(NumberFormatting.percent(projection.compoundAnnualGrowthPercent) == "32.9%")
        #expect(projection.years == 10)
    }

    @Test func remainderIsComputedUnlessTheRowIsComplete() {
        let attribution = Attribution(sourceID: "s", confidence: .reported, location: location)
        let shares = [
            SupplySeries.Share(supplier: "China", percent: 80), .init(supplier: "Türkiye", percent: 7),
            .init(supplier: "Netherlands", percent: 4.6),
        ]
        let open = SupplySeries.Row(
            label: "2021–25", period: nil, shares: shares, complete: false, attribution: attribution, location: location)
        #expect(abs(open.remainder - 8.4) < 1e-9)
        let complete = SupplySeries.Row(
            label: "x", period: nil, shares: shares, complete: true, attribution: attribution, location: location)
        #expect(complete.remainder == 0)
    }

    @Test func formatsNumbersWithoutTheLocale() {
        #expect(NumberFormatting.format(28023) == "28,023")
        #expect(NumberFormatting.format(1235.2) == "1,235.2")
        #expect(NumberFormatting.format(3.5) == "3.5")
        #expect(NumberFormatting.format(1_000_000) == "1,000,000")
        #expect(NumberFormatting.format(0.999, decimals: 2) == "1")
        #expect(NumberFormatting.percent(6.6) == "6.6%")
        #expect(NumberFormatting.attach(unit: "km", to: "820") == "820 km")
    }

    @Test func suggestsTheClosestName() {
        #expect(Suggestion.closest(to: "confidnce", in: ["confidence", "source", "note"]) == "confidence")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["confidence", "source"]) == nil)
        #expect(Suggestion.closest(to: "paksat", in: ["paksat-mm1", "ilrs"]) == "paksat-mm1")
        #expect(Suggestion.closest(to: "fibre", in: ["fibre-length", "fibre-cost"]) == nil, "ambiguous prefixes suggest nothing")
    }
}
