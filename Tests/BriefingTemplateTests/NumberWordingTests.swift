import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// Words that order or compare numbers follow the numbers, and derived multiples print with
/// the precision that keeps their meaning, in the text as in the alt text.
@Suite struct NumberWordingTests {
    let location = SourceLocation(file: "data.yaml", line: 1, column: 1)

    func row(_ period: String, _ shares: [(String, Double)]) -> SupplySeries.Row {
        let period = try! Period.parse(period)
        return SupplySeries.Row(
            label: period.description, period: period, shares: shares.map { .init(supplier: $0.0, percent: $0.1) }, complete: false,
            attribution: Attribution(sourceID: "s", confidence: .confirmed, location: location), location: location)
    }

    @Test func theNextSuppliersAreNamedLargestFirst() {
        // A TIV export names suppliers by their deliveries over all periods: in the latest
        // period the United States (1.4%) comes before Italy (5.3%) in the data.
        let series = SupplySeries(
            id: "tiv", title: "Who supplies", measure: "TIV", focus: "China",
            rows: [
                row("2008-12", [("China", 60), ("United States", 30), ("Italy", 2)]),
                row("2017-21", [("China", 70), ("United States", 1.4), ("Italy", 5.3)]),
            ],
            location: location)
        let alt = AltText(labels: .english).supplyShares(series)
        #expect(alt.hasSuffix("In 2017\u{2013}21 the next suppliers were Italy 5.3% and United States 1.4%."), "\(alt)")
    }

    @Test func theNextSuppliersFollowTheNumbersForGeneratedRows() {
        var random = SeededRandom(state: 5)
        for _ in 0..<500 {
            let names = ["Russia", "Italy", "Sweden", "Türkiye", "Netherlands", "Ukraine"].shuffled(using: &random)
            let count = 1 + random.below(5)
            var shares = [("China", Double(50 + random.below(40)))]
            for name in names.prefix(count) { shares.append((name, Double(random.below(100)) / 10)) }
            let series = SupplySeries(id: "x", title: "t", measure: "m", focus: "China", rows: [row("2021-25", shares)], location: location)
            let alt = AltText(labels: .english).supplyShares(series)
            let lead = count == 1 ? "the next supplier was " : "the next suppliers were "
            #expect(alt.contains(lead), "one supplier is 'was', more are 'were': \(alt)")
            let list = alt.components(separatedBy: lead).last!.dropLast()
            let printed = list.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ").map { item in
                Double(item.split(separator: " ").last!.dropLast())!
            }
            #expect(printed == printed.sorted(by: >), "\(alt)")
        }
    }

    @Test func oneTrendWordingFitsTheNumbers() {
        let one = SupplySeries(
            id: "x", title: "t", measure: "m", focus: "China", rows: [row("2022", [("China", 40), ("Russia", 50)])], location: location)
        let alt = AltText(labels: .english).supplyShares(one)
        // One period has no trend, and Russia, larger than the focus, is not "the next" supplier.
        #expect(alt.hasPrefix("China's share was 40% in 2022"), "\(alt)")
        #expect(!alt.contains("stayed") && !alt.contains("next suppliers"), "\(alt)")
        #expect(alt.hasSuffix("In 2022 the other supplier was Russia 50%."), "\(alt)")

        let attribution = Attribution(sourceID: "s", confidence: .confirmed, location: location)
        func projection(_ from: Double, _ to: Double) -> String {
            AltText(labels: .english).growthRates(
                [],
                Projection(
                    id: "p", label: "Demand", unit: "kt", from: .init(value: from, year: 2023), to: .init(value: to, year: 2030),
                    attribution: attribution, location: location))
        }
        #expect(projection(130, 93).hasPrefix("Demand: projected to fall from 130 kt in 2023 to 93 kt in 2030"), "\(projection(130, 93))")
        #expect(projection(93, 93) == "Demand: projected to stay at 93 kt from 2023 to 2030.", "\(projection(93, 93))")
        #expect(projection(93, 130).hasPrefix("Demand: projected to grow from 93 kt"), "\(projection(93, 130))")
    }

    @Test func aProjectionsMultipleKeepsItsDecimal() throws {
        let root = URL(fileURLWithPath: "/memory/projection")
        let files = MemoryFiles(
            root: root,
            [
                "briefing.yaml": """
                title: Magnets
                publisher: Test Desk
                date: 2026-11-30
                key_judgements: judgements.md
                sections:
                  - {id: demand, title: Demand, file: demand.md}
                """,
                "data.yaml": """
                sources:
                  - {id: analyst, publisher: Analyst Group, title: Magnet outlook, year: 2025}
                projections:
                  - {id: magnets, label: Magnet demand, unit: kt, from: {value: 93, year: 2023}, to: {value: 130, year: 2030}, source: analyst, confidence: confirmed}
                """,
                "judgements.md": "- Demand grows.\n",
                "demand.md":
                    "Demand grows ×{{projection.magnets.multiple}} in {{projection.magnets.years}} years, {{projection.magnets.cagr}} a year.\n",
            ])
        let template = try TemplateLoader.load(directory: root, files: files)
        let document = try DocumentBuilder.build(template: template, date: FuzzyDate(year: 2026, month: 11, day: 30))
        var text = ""
        document.sections[0].blocks.forEach { $0.visitInlines { if case .text(let value) = $0 { text += value } } }
        #expect(text == "Demand grows ×1.4 in 7 years, 4.9% a year.")
    }
}

extension Array {
    fileprivate func shuffled(using random: inout SeededRandom) -> [Element] {
        var items = self
        for index in items.indices.dropLast() {
            items.swapAt(index, index + random.below(items.count - index))
        }
        return items
    }
}

/// Generated alt text says the trend first, then the figures.
@Suite struct TrendFirstAltTextTests {
    let location = SourceLocation(file: "data.yaml", line: 1, column: 1)

    func series(_ label: String, _ points: [(String, Double)], unit: String = "kt") -> DataSeries {
        DataSeries(
            id: label.lowercased(), label: label, unit: unit,
            points: points.map { DataSeries.Point(period: try! Period.parse($0.0), value: $0.1) },
            attribution: Attribution(sourceID: "s", confidence: .confirmed, location: location), location: location)
    }

    @Test func aLineSaysWhereItWentBeforeListingItsValues() {
        let alt = AltText(labels: .english).series([series("Output", [("2020", 100), ("2021", 120), ("2022", 150), ("2023", 310)])])
        #expect(
            alt == "Output rose from 100 kt in 2020 to 310 kt in 2023 (×3.1), rising in every period. Values: 2020 100, 2021 120, "
                + "2022 150, 2023 310 kt.")
    }

    @Test func aTinyChangeStillPrintsTwoDifferentValues() {
        let alt = AltText(labels: .english).series([series("Rate", [("2020", 3.001), ("2023", 3.004)], unit: "%")])
        #expect(alt.hasPrefix("Rate rose from 3.001% in 2020 to 3.004% in 2023"), "\(alt)")
    }

    @Test func aPeakBetweenTheEndsIsPartOfTheTrend() {
        let alt = AltText(labels: .english).series([series("Imports", [("2019", 50), ("2021", 80), ("2023", 40)])])
        #expect(alt.hasPrefix("Imports fell from 50 kt in 2019 to 40 kt in 2023 (-20%); the high was 80 kt in 2021."), "\(alt)")
    }

    @Test func severalLinesAreComparedFirst() {
        let alt = AltText(labels: .english).series([
            series("Japan", [("2024", 30), ("2025", 85)]), series("United States", [("2024", 40), ("2025", 120)]),
        ])
        #expect(alt.hasPrefix("Latest values, highest first: United States 120 kt (2025) and Japan 85 kt (2025). Japan rose"), "\(alt)")
    }

    @Test func barsOfFiguresAreNamedLargestFirst() {
        let bars = [("Japan", 85.0), ("South Korea", 210), ("Europe", 40)].map {
            ChartFigure.Bar(label: $0.0, value: $0.1, confidence: .confirmed)
        }
        #expect(
            AltText(labels: .english).bars(bars, unit: "kt")
                == "3 values in kt, largest first: South Korea 210 kt; Japan 85 kt; Europe 40 kt.")
        #expect(
            AltText(labels: .english).bars([ChartFigure.Bar(label: "Japan", value: 85, confidence: .confirmed)], unit: "GWh")
                == "1 value in GWh: Japan 85 GWh.")
    }
}

/// A timeline's Figure names its events for a screen reader, in date order, after the
/// description printed under the title (which stays short).
@Suite struct TimelineSpokenDetailTests {
    @Test func theEventsAreSpokenInDateOrder() throws {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        let document = try DocumentBuilder.build(
            template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
        let timeline = try #require(document.sections.flatMap { $0.blocks.flatMap(\.charts) }.first { $0.kind == .timeline })
        #expect(
            timeline.spokenDetail
                == "Events in date order: 2012, First national plan published; 2015\u{2013}2022, Main build-out phase; "
                + "June 2019, Supply agreement signed; 15 March 2024, Largest site opens.")
        #expect(!timeline.altText.contains("Events in date order"), "the printed description stays short")
        #expect(timeline.spokenAlt == timeline.altText + " " + (timeline.spokenDetail ?? ""))
    }
}
