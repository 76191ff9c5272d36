import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// The references an author needs: a chart by its block id or figure number, a series point
/// as a key figure, growth derived from a series.
@Suite struct AuthorReferenceTests {
    static let root = URL(fileURLWithPath: "/memory/references")

    static let data = """
        sources:
          - {id: customs, publisher: China Customs, title: Export statistics, year: 2024}
        series:
          - id: magnets
            label: Magnet exports
            unit: kt
            source: customs
            confidence: confirmed
            points: {2019: 40, 2021: 52, 2023: 58, 2024: 61}
        growth:
          - id: magnet-growth
            label: Magnet exports
            from_series: {series: magnets, from: 2019, to: 2024}
        supply:
          - id: exports
            title: Who buys magnets
            measure: Share of exports
            rows:
              - {period: 2023, shares: {Japan: 30, Germany: 20}, source: customs, confidence: confirmed}
          - id: imports
            title: Who sells magnets
            measure: Share of imports
            rows:
              - {period: 2023, shares: {China: 90}, source: customs, confidence: confirmed}
        """

    static func files(_ sections: [String: String], keyFigures: String = "[]", data: String = data) -> MemoryFiles {
        var files: [String: String] = [
            "briefing.yaml": """
            title: Magnets
            publisher: Test Desk
            date: 2026-11-30
            key_judgements: judgements.md
            key_figures: \(keyFigures)
            sections:
              - {id: exports, title: Exports, file: exports.md}
              - {id: imports, title: Imports, file: imports.md}
              - {id: outlook, title: Outlook, file: outlook.md}
            """,
            "data.yaml": data, "judgements.md": "- Magnets matter.\n",
            "exports.md": "Exports.\n\n```chart supply-shares\nid: buyers\nseries: exports\n```\n",
            "imports.md": "Imports.\n\n```chart supply-shares\nid: sellers\nseries: imports\n```\n",
            "outlook.md": "Outlook.\n",
        ]
        files.merge(sections) { $1 }
        return MemoryFiles(root: root, files)
    }

    static func build(_ files: MemoryFiles, sections: [String]? = nil) throws -> Document {
        let template = try TemplateLoader.load(directory: root, files: files)
        return try DocumentBuilder.build(template: template, date: FuzzyDate(year: 2026, month: 11, day: 30), sectionIDs: sections)
    }

    /// The outlook section's paragraph, with links shown as [text](#anchor).
    static func outlook(_ document: Document) -> String {
        guard case .paragraph(let inlines)? = document.sections.first(where: { $0.id == "outlook" })?.blocks.first else { return "" }
        return inlines.map { inline in
            switch inline {
            case .link(let url, let children): "[\(children.plainText)](\(url))"
            default: inline.plainText
            }
        }.joined()
    }

    @Test func aChartIsNamedByItsBlockIDOrFigureNumber() throws {
        let document = try Self.build(
            Self.files(["outlook.md": "See {{ref.chart.sellers}}, {{ref.chart.1}} and {{ref.chart.supply-shares}}.\n"]))
        #expect(Self.outlook(document) == "See [Figure 2](#figure-2), [Figure 1](#figure-1) and [Figure 1](#figure-1).")
    }

    @Test func aFigureNumberMeansTheFullBriefingsEvenInASelection() throws {
        let files = Self.files(["outlook.md": "See {{ref.chart.2}}, {{ref.chart.1}} and {{ref.chart.buyers}}.\n"])
        let document = try Self.build(files, sections: ["imports", "outlook"])
        // Figure 2 of the full briefing (the sellers chart) is Figure 1 of this selection.
        #expect(Self.outlook(document) == "See [Figure 1](#figure-1), Figure 1 of the full briefing and Figure 1 of the full briefing.")
        #expect(
            document.warnings.map(\.message).contains("reference to chart '1', which this briefing does not include; printed as plain text")
        )
    }

    @Test func anUnknownChartIsAnErrorWithTheClosestName() throws {
        for (written, expected) in [
            ("sellres", "did you mean 'ref.chart.sellers'?"), ("7", "its figures are numbered 1 to 2"),
        ] {
            let files = Self.files(["outlook.md": "Outlook.\n\nSee {{ref.chart.\(written)}}.\n"])
            do {
                _ = try Self.build(files)
                Issue.record("ref.chart.\(written) was accepted")
            } catch let error as InputError {
                #expect(error.description.contains("outlook.md:3:5: error:"), "\(error)")
                #expect(error.description.contains(expected), "\(error)")
            }
        }
    }

    @Test func aSeriesPointIsAKeyFigure() throws {
        let document = try Self.build(Self.files([:], keyFigures: "[series.magnets.latest, series.magnets.2021]"))
        #expect(document.keyFigures.map(\.value) == ["61 kt", "52 kt"])
        #expect(document.keyFigures.map(\.detail) == ["as of 2024", "as of 2021"])
        #expect(document.keyFigures.map(\.label) == ["Magnet exports", "Magnet exports"])
        #expect(document.sources.map(\.id) == ["customs"])
    }

    @Test func growthIsDerivedFromTwoPointsOfASeries() throws {
        let document = try Self.build(
            Self.files([
                "outlook.md":
                    "Exports grew {{growth.magnet-growth}} since {{growth.magnet-growth.since}} ({{series.magnets.2023}} in 2023).\n"
            ]))
        // (61 / 40 - 1) = 52.5%, from the series' source, dated by its points.
        #expect(Self.outlook(document) == "Exports grew 52.5% since 2019 (58 kt in 2023).")
        let rate = try #require(try TemplateLoader.load(directory: Self.root, files: Self.files([:])).facts.growthRate("magnet-growth"))
        #expect(rate.asOf == FuzzyDate(year: 2024))
        #expect(rate.attribution.sourceID == "customs")
    }

    @Test func aDerivedGrowthRateIsNeverTyped() throws {
        let typed = Self.data.replacingOccurrences(
            of: "from_series: {series: magnets, from: 2019, to: 2024}",
            with: "percent: 215\n    from_series: {series: magnets, from: 2019, to: 2025}")
        do {
            _ = try TemplateLoader.load(directory: Self.root, files: Self.files([:], data: typed))
            Issue.record("a typed rate beside from_series was accepted")
        } catch let error as InputError {
            #expect(error.description.contains("a growth rate derived 'from_series' has no typed 'percent'"), "\(error)")
            #expect(error.description.contains("series 'magnets' has no point for 2025"), "\(error)")
            #expect(error.description.contains("did you mean '2024'?"), "\(error)")
        }
    }
}
