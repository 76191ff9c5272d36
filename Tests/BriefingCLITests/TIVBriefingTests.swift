import Foundation
import TestSupport
import Testing

/// A supply chart driven end to end by an export in SIPRI's TIV layout (`Tests/Fixtures/tiv`).
@Suite(.systemTier) struct TIVBriefingTests {
    @Test func theChartAndTextReadTheComputedShares() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/tiv")
        defer { fixture.remove() }
        let pdf = fixture.directory.appendingPathComponent("out.pdf")
        let result = try Command.run(Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("pakistan-tiv.csv:15:15: warning: the Total for 2021 is 995 but its suppliers add up to 970"))
        let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for needle in [
            "In 2017–21 China supplied 91.9%", "the United States 1.5%", "Türkiye 6.3%", "all others 0.3%",  // the text
            "60.8%", "34.5%", "83.3%", "14.2%",  // the chart's segments
            "China's share rose from 60.8% in 2008–12 to 91.9% in 2017–21",  // its alt text
            "shares computed from SIPRI TIV, export generated 22 April 2022",  // its source line
        ] {
            #expect(text.contains(needle), "missing '\(needle)'")
        }
        let strict = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--strict"])
        #expect(strict.status == 65, "a Total that does not add up fails --strict")
    }

    /// `briefing data show` prints the computed series with the numbers behind each row.
    @Test func dataShowPrintsTheComputation() throws {
        let template = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/tiv").path
        let text = try Command.run(Command.briefing, ["data", "show", "tiv-shares", "--template", template])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(
            text.stdout.contains("  2008\u{2013}12: China 60.7759%, United States 34.4828%, Türkiye 0.2155%, all others 4.5259% (computed)")
        )
        #expect(
            text.stdout.contains(
                "    inputs: 4,640 TIV in 2008\u{2013}12 from data/pakistan-tiv.csv: China 2,820, United States 1,600, Türkiye 10, all others 210"
            ))
        let json = try Command.run(Command.briefing, ["data", "show", "tiv-shares", "--template", template, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let first = try #require((rows.first?["shares"] as? [[String: Any]])?.first)
        #expect(first["supplier"] as? String == "China")
        #expect(abs((first["percent"] as? Double ?? 0) - 2820.0 / 4640 * 100) < 1e-9, "JSON keeps the share to its last digits")
        let unknown = try Command.run(Command.briefing, ["data", "show", "tiv", "--template", template])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean 'tiv-shares'?"))
    }
}
