import BriefingContent
import BriefingModel
import BriefingTemplate
import Foundation
import TestSupport
import Testing

@testable import BriefingLayout

/// Every chart kind, each drawing facts whose sources (row by row for a supply series) the
/// prose never cites: each source gets a number in the Sources list and the chart's source
/// line cites it; no source line reads "Source: ." and no number is missing.
@Suite struct ChartSourceLineTests {
    static let root = URL(fileURLWithPath: "/memory/sources")

    static let data = """
        sources:
          - {id: usgs-2020, publisher: USGS, title: Mineral Commodity Summaries 2020, year: 2020}
          - {id: usgs-2023, publisher: USGS, title: Mineral Commodity Summaries 2023, year: 2023}
          - {id: customs, publisher: China Customs, title: Export statistics, year: 2024}
          - {id: ministry, publisher: Ministry of Trade, title: Annual report, year: 2024}
          - {id: analyst, publisher: Analyst Group, title: Magnet outlook, year: 2025}
          - {id: press-a, publisher: Press A, title: Plant opens, year: 2023}
          - {id: press-b, publisher: Press B, title: Quota cut, year: 2024}
          - {id: survey, publisher: Capacity Survey, title: Quarterly survey, year: 2025}
          - {id: prose-only, publisher: Prose Source, title: Cited in the text, year: 2025}
        figures:
          - {id: mine-a, label: Mine A, value: 40, unit: kt, source: survey, confidence: confirmed}
          - {id: mine-b, label: Mine B, value: 25, unit: kt, source: ministry, confidence: reported}
        growth:
          - {id: exports, label: Exports, percent: 40, since: 2019, source: customs, confidence: confirmed}
        projections:
          - {id: magnets, label: Magnet demand, unit: kt, from: {value: 93, year: 2023}, to: {value: 130, year: 2030}, source: analyst, confidence: reported}
        events:
          - {id: plant, title: Plant opens, date: 2023-05, domain: trade, source: press-a, confidence: confirmed}
          - {id: quota, title: Quota cut, date: 2024-02, domain: trade, source: press-b, confidence: reported}
        series:
          - id: output
            label: Output
            unit: kt
            source: customs
            confidence: confirmed
            points: {2020: 100, 2021: 120, 2022: 150}
        supply:
          - id: rare-earths
            title: Who mines rare earths
            measure: Share of world mine output
            focus: China
            rows:
              - {period: 2019, shares: {China: 63, United States: 12}, source: usgs-2020, confidence: confirmed}
              - {period: 2022, shares: {China: 70, United States: 14}, source: usgs-2023, confidence: confirmed}
        """

    static let section = """
        Rare earths matter.{{cite.prose-only}}

        ```chart supply-shares
        series: rare-earths
        ```

        ```chart growth-rates
        growth: exports
        projection: magnets
        ```

        ```chart timeline
        events: plant, quota
        ```

        ```chart bar
        figures: mine-a, mine-b
        ```

        ```chart line
        series: output
        ```

        """

    static func document() throws -> Document {
        let files = MemoryFiles(
            root: root,
            [
                "briefing.yaml": """
                title: Rare earths
                publisher: Test Desk
                date: 2026-11-30
                key_judgements: judgements.md
                sections:
                  - {id: supply, title: Supply, file: supply.md}
                """,
                "data.yaml": data, "judgements.md": "- Supply is concentrated.\n", "supply.md": section,
            ])
        let template = try TemplateLoader.load(directory: root, files: files)
        return try DocumentBuilder.build(template: template, date: FuzzyDate(year: 2026, month: 11, day: 30))
    }

    @Test func everyChartKindCitesEverySourceItDrawsOn() throws {
        let document = try Self.document()
        let charts = document.sections.flatMap { $0.blocks.flatMap(\.charts) }
        #expect(Set(charts.map(\.kind)) == Set(ChartFigure.Kind.allCases), "a chart of every kind")
        // The text cites one source; it is numbered first, the charts' sources after it.
        #expect(document.sources.first?.id == "prose-only")
        let pages = LayoutEngine(measurer: FakeMeasurer()).layout(document, creator: "test")
        let sourceLines = pages.paragraphs.map(\.plainText).filter { $0.hasPrefix("Source:") }
        #expect(sourceLines.count == charts.count)
        for (chart, line) in zip(charts, sourceLines) {
            #expect(!chart.sourceIDs.isEmpty)
            for id in chart.sourceIDs {
                let number = try #require(document.citationNumber(id), "\(id), drawn by the \(chart.kind.rawValue) chart, has no number")
                #expect(line.contains("[\(number)]"), "the \(chart.kind.rawValue) chart's source line misses [\(number)]: \(line)")
            }
        }
        #expect(!sourceLines.contains { $0.hasPrefix("Source: .") })
        // Both editions behind the supply rows, each cited by its own row.
        let supplyLine = try #require(sourceLines.first)
        let first = try #require(document.citationNumber("usgs-2020")), second = try #require(document.citationNumber("usgs-2023"))
        #expect(supplyLine.hasPrefix("Source: USGS [\(first)][\(second)]."), "\(supplyLine)")
        #expect(document.sources.count == 9, "every source listed once: \(document.sources.map(\.id))")
    }
}
