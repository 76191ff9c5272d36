import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

@Suite struct ChartPlacementTests {
    let date = FuzzyDate(year: 2026, month: 11, day: 30)

    private func build(sections: [String]? = nil, _ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Document {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try edit(fixture)
        return try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: date, sectionIDs: sections)
    }

    private func failure(_ edit: (TemplateFixture) throws -> Void) throws -> InputError {
        do {
            _ = try build(edit)
        } catch let error as InputError {
            return error
        }
        Issue.record("expected an error")
        return InputError(kind: .invalidData, diagnostics: [])
    }

    private func charts(_ document: Document) -> [ChartFigure] { document.sections.flatMap { $0.blocks.flatMap(\.charts) } }

    @Test func theDefaultBriefingHasThreeNumberedCharts() throws {
        let figures = charts(try build())
        #expect(figures.map(\.kind) == [.timeline, .growthRates, .supplyShares])
        #expect(figures.map(\.number) == [1, 2, 3])
        let supply = figures[2]
        #expect(supply.altText.hasPrefix("China's share rose from 45% in 2008\u{2013}12 to 80% in 2021\u{2013}25"))
        #expect(supply.title == "Who supplies Pakistan's major arms, by SIPRI five-year period")
        #expect(figures[1].altText.contains("an implied 32.9% a year"))
        #expect(figures[0].altText.hasPrefix("25 events from 1963 to 2024") || figures[0].altText.hasPrefix("24 events from 1963 to 2024"))
    }

    @Test func numbersFollowTheChosenSections() throws {
        let document = try build(sections: ["defence", "ecommerce"])
        #expect(charts(document).map(\.kind) == [.growthRates, .supplyShares])
        #expect(charts(document).map(\.number) == [1, 2])
        // Chart sources are cited, so they are listed.
        #expect(document.sources.contains { $0.id == "sipri-2018" })
    }

    @Test func placesChartsWithImageSyntaxOrFencedBlocks() throws {
        let document = try build { fixture in
            try fixture.write(
                "sections/space.md",
                "Intro.\n\n![Arms by period](chart:supply-shares)\n\n```chart timeline\nevents: paksat-mm1, ilrs\n```\n")
        }
        let space = try #require(document.sections.first { $0.id == "space" })
        let figures = space.blocks.flatMap(\.charts)
        #expect(figures.map(\.title) == ["Arms by period", "Milestones of cooperation, 2023\u{2013}2024"])
        if case .timeline(let events, _) = figures[1].data {
            #expect(events.map(\.id) == ["ilrs", "paksat-mm1"])
        } else {
            Issue.record("not a timeline")
        }
    }

    @Test func aTimelineAxisLimitsTheYearsAndCountsTheEventsLeftOut() throws {
        let document = try build { fixture in
            try fixture.write("sections/space.md", "Intro.\n\n```chart timeline\naxis: 2020..2026\n```\n")
        }
        let figure = try #require(spaceCharts(document).first)
        #expect(figure.title == "Milestones of cooperation, 2020\u{2013}2026")
        guard case .timeline(let events, let axis) = figure.data else {
            Issue.record("not a timeline: \(figure.data)")
            return
        }
        #expect(axis == 2020...2027)
        #expect(!events.isEmpty && events.allSatisfy { $0.when.endDate.end > 2020 })
        #expect(events.contains { $0.when.start.year < 2020 }, "a span reaching into the axis stays, clipped")
        let outside = try fixtureEventCount() - events.count
        #expect(figure.altText.hasSuffix("\(outside) events outside 2020\u{2013}2026 are not shown."), "\(figure.altText)")

        let from = try build { try $0.write("sections/space.md", "```chart timeline\nfrom: 2022-06\n```\n") }
        let fromFigure = try #require(spaceCharts(from).first)
        guard case .timeline(let later, let openAxis) = fromFigure.data else {
            Issue.record("not a timeline: \(fromFigure.data)")
            return
        }
        #expect(openAxis?.lowerBound == 2022 + 5.0 / 12)
        #expect(later.allSatisfy { $0.when.endDate.end > 2022 + 5.0 / 12 })
    }

    @Test func aBadTimelineAxisIsALocatedError() throws {
        for (options, message) in [
            ("axis: 2020-2026", "'axis: 2020-2026' is not a range"), ("axis: 2026..2020", "the axis ends (2020) before it starts (2026)"),
            ("axis: 1700..1800", "year 1700 is out of range"), ("axis: 1900..1901", "no event falls within the axis"),
            ("axis: 2020..2021\nfrom: 2019", "give 'axis' or 'from'/'to', not both"),
        ] {
            let error = try failure { try $0.write("sections/space.md", "Intro.\n\n```chart timeline\n\(options)\n```\n") }
            #expect(error.description.contains("space.md:3:1: error: chart 'timeline'"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    /// 45 bars ran past the page's footer and lost the last ones, silently: more than a
    /// page holds is refused at the chart, with the line chart suggested.
    @Test func aBarChartOfMoreBarsThanAPageHoldsIsRefused() throws {
        let error = try failure { fixture in
            let points = (0..<(ChartFigure.maximumBars + 1)).map { "\(1980 + $0): \($0 + 1)" }.joined(separator: ", ")
            try fixture.write(
                "data.yaml",
                try fixture.read("data.yaml")
                    + "\nseries:\n  - id: long\n    label: Long\n    unit: t\n    points: {\(points)}\n    source: issra-insight\n    confidence: reported\n"
            )
            try fixture.write("sections/space.md", "Intro.\n\n```chart bar\nseries: long\n```\n")
        }
        #expect(error.description.contains("chart 'bar': 31 bars; at most 30 fit a page"), "\(error)")
        #expect(error.description.contains("```chart line``` with series: long"))
    }

    private func spaceCharts(_ document: Document) -> [ChartFigure] {
        document.sections.first { $0.id == "space" }?.blocks.flatMap(\.charts) ?? []
    }

    private func fixtureEventCount() throws -> Int {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        return try TemplateLoader.load(directory: fixture.directory).facts.events.count
    }

    @Test func unknownChartIDIsAnErrorWithItsPosition() throws {
        let error = try failure { try $0.write("sections/space.md", "Intro.\n\n![x](chart:timelime)\n\n```chart supply-share\n```\n") }
        #expect(error.diagnostics.count == 2, "\(error)")
        #expect(error.description.contains("space.md:3:1: error: unknown chart 'timelime'"))
        #expect(error.description.contains("hint: did you mean 'timeline'?"))
        #expect(error.description.contains("space.md:5:1: error: unknown chart 'supply-share'"))
    }

    @Test func badChartOptionsAreErrors() throws {
        let option = try failure { try $0.write("sections/space.md", "```chart supply-shares\nseres: pakistan-arms-imports\n```\n") }
        #expect(option.description.contains("space.md:1:1: error: chart 'supply-shares' has no option 'seres'"))
        #expect(option.description.contains("did you mean 'series'?"))
        let unknownSeries = try failure { try $0.write("sections/space.md", "```chart supply-shares\nseries: nope\n```\n") }
        #expect(unknownSeries.description.contains("unknown supply series 'nope'"))
        let unknownEvent = try failure { try $0.write("sections/space.md", "```chart timeline\nevents: ilrs, paksat\n```\n") }
        #expect(unknownEvent.description.contains("unknown event 'paksat'"))
        #expect(unknownEvent.description.contains("did you mean 'paksat-mm1'?"))
    }

    @Test func categoryRowsDrawTheCategoryForm() throws {
        let document = try build { fixture in
            try fixture.replace(
                "data.yaml", "supply:\n",
                with: """
                    supply:
                      - id: army-by-type
                        title: China's share of army equipment
                        measure: Share of units in service
                        focus: China
                        rows:
                          - category: Main battle tanks
                            shares: {China: 60, Ukraine: 15}
                            source: issra-insight
                            confidence: unconfirmed
                          - category: Howitzers
                            shares: {China: 70}
                            source: issra-insight
                            confidence: unconfirmed

                    """)
            try fixture.write("sections/space.md", "```chart supply-shares\nseries: army-by-type\n```\n")
        }
        let figure = try #require(document.sections.first { $0.id == "space" }?.blocks.flatMap(\.charts).first)
        #expect(figure.altText == "China supplies 60% of main battle tanks and 70% of howitzers.")
    }
}
