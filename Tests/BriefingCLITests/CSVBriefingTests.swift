import Foundation
import TestSupport
import Testing

/// A briefing whose facts come from CSV files (`Tests/Fixtures/csv`), run by the real binary:
/// the PDF prints what the files hold, an edition records where each value was read, and a
/// broken file stops the run without touching the last good PDF.
@Suite(.systemTier) struct CSVBriefingTests {
    private func words(_ pdf: URL) throws -> String {
        try Command.tool("pdftotext", [pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func thePDFPrintsTheFilesAndEditionsKeepWhereEachValueWasRead() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/csv")
        defer { fixture.remove() }
        let pdf = fixture.url("out.pdf")
        let arguments = ["generate", "--template", fixture.directory.path, "--output", pdf.path]
        let first = try Command.run(Command.briefing, arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let text = try words(pdf)
        for needle in [
            "Trade with China reached 24.5 bn USD", "China supplied 86.2%[2] of major arms",  // figures.csv, the TIV export
            "Imports from China fell to 17.2 bn USD", "rose to 22 bn USD",  // trade.csv
            "Türkiye’s share of imports is between 3 and 5%", "12,500",  // Latin-1, a range in two columns
            "Port agreement signed, phase 1", "Rail link built",  // events.csv: a quoted comma, a span
            "Russia 5.7%[2] and Türkiye 5.2%[2]; all others 2.9%[2]", "The fact sheet gave China 72%",  // shares
            "84.2%", "71.8%", "16.2%",  // chart segments
            "shares computed from SIPRI TIV, export generated 3 March 2025",
        ] {
            #expect(text.contains(needle), "missing '\(needle)'")
        }

        // New data in two files: the diff names each change and the cell it came from.
        try fixture.replace("data/trade.csv", "2023,1.0,22.0,", with: "2023,1.0,23.4,")
        let diff = try Command.run(Command.briefing, ["diff", "--template", fixture.directory.path, "--output", pdf.path])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(
            diff.stdout.contains("revised    Imports from China, 2023: 22 bn USD \u{2192} 23.4 bn USD  @ data/trade.csv:6:3"),
            "\(diff.stdout)")
        let second = try Command.run(Command.briefing, arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let origins = try Command.tool(
            "sqlite3",
            [
                fixture.directory.appendingPathComponent(".briefing/out.pdf/editions.sqlite").path,
                "SELECT key || ' ' || origin FROM fact WHERE edition = 2 AND key IN ('fig.students', 'event.sat-launch', 'supply.bd-tiv.2019-23.china', 'supply.bd-typed.2019-23.united-states') ORDER BY key",
            ]
        ).stdout
        #expect(
            origins
                == """
                event.sat-launch data/events.csv:6:1
                fig.students data/figures.csv:4:3
                supply.bd-tiv.2019-23.china data/bangladesh-tiv.csv:9:7
                supply.bd-typed.2019-23.united-states data/shares.csv:3:4

                """, "\(origins)")
    }

    @Test func aBrokenFileStopsTheRunAndKeepsTheLastPDF() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/csv")
        defer { fixture.remove() }
        let pdf = fixture.url("out.pdf")
        let arguments = ["generate", "--template", fixture.directory.path, "--output", pdf.path]
        #expect(try Command.run(Command.briefing, arguments).status == 0)
        let good = try Data(contentsOf: pdf)
        try fixture.replace("data/trade.csv", "2020,0.7,15.1,pandemic", with: "2020,0.7,\"15.1,pandemic")
        let broken = try Command.run(Command.briefing, arguments)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("data/trade.csv:3:3: error: a quoted field is never closed"), "\(broken.stderr)")
        #expect(try Data(contentsOf: pdf) == good, "the last good PDF stays")
    }

    /// `briefing data show` prints a line series' points with the cell each was read from.
    @Test func dataShowPrintsPointsWithTheirCells() throws {
        let template = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/csv").path
        let shown = try Command.run(Command.briefing, ["data", "show", "imports", "--template", template])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("imports: Imports from China (bn USD)\n  2019: 17.2  @ "))
        #expect(shown.stdout.contains("2022: 22.9  @ ") && shown.stdout.contains("data/trade.csv:5:3\n"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("2021:"), "a year without a value has no point")
        let table = try Command.run(Command.briefing, ["data", "show", "bd-typed", "--template", template, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(table.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let share = try #require((rows.last?["shares"] as? [[String: Any]])?.last)
        #expect(share["supplier"] as? String == "United States" && (share["origin"] as? String)?.hasSuffix("data/shares.csv:3:4") == true)
    }
}
