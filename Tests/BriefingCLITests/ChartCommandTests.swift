import Foundation
import TestSupport
import Testing

/// `briefing chart` and the charts inside the briefing, read back with real tools.
@Suite(.serialized, .systemTier) struct ChartCommandTests {
    @Test func listsTheCharts() throws {
        let result = try Command.run(Command.briefing, ["chart", "--list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The briefing's figures in reading order, a blank line, then the kinds.
        #expect(
            lines.prefix(3).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
                "1 timeline", "2 growth-rates", "3 supply-shares",
            ])
        #expect(
            lines.dropFirst(4).compactMap { $0.split(separator: " ").first.map(String.init) } == [
                "supply-shares", "growth-rates", "timeline", "bar", "line",
            ])
    }

    /// A figure is exported as placed in its section, with its chart block's options, whether
    /// named by number, by the block's id or by its kind.
    @Test func exportsAFigureWithItsChartBlockOptions() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.replace(
            "sections/space.md", "- **PakSat-MM1.**",
            with: "```chart timeline\nid: space-milestones\ntitle: Space milestones since 2013\naxis: 2013..2024\n```\n\n- **PakSat-MM1.**")
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func export(_ id: String) throws -> (status: Int32, text: String, stderr: String) {
            let pdf = directory.appendingPathComponent("\(id).pdf")
            let result = try Command.run(Command.briefing, ["chart", id, "--template", fixture.directory.path, "--output", pdf.path])
            let text = result.status == 0 ? try Command.tool("pdftotext", [pdf.path, "-"]).stdout : ""
            return (result.status, text, result.stderr)
        }
        let byID = try export("space-milestones")
        #expect(byID.status == 0, "\(byID.stderr)")
        #expect(byID.text.contains("Space milestones since 2013"))
        #expect(byID.text.contains("events outside 2013\u{2013}2024 are not shown"), "\(byID.text)")
        #expect(!byID.text.contains("1963"), "the axis starts in 2013")
        let list = try Command.run(Command.briefing, ["chart", "--list", "--template", fixture.directory.path]).stdout
        let line = try #require(list.split(separator: "\n").first { $0.contains("#space-milestones") })
        let number = String(line.split(separator: " ")[0])
        let byNumber = try export(number)
        #expect(byNumber.text == byID.text)
        #expect(try export("figure-\(number)").text == byID.text)
        // The kind names its first placement: the overview's full timeline.
        #expect(try export("timeline").text.contains("1963"))
        let missing = try export("99")
        #expect(missing.status == 64 && missing.stderr.contains("the briefing has no Figure 99"))
    }

    @Test func writesTheTimelineAsValidSVG() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("timeline.svg")
        let result = try Command.run(Command.briefing, ["chart", "timeline", "--format", "svg", "--output", svg.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parse = try Command.tool(
            "python3",
            ["-c", "import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); print(r.tag, r.get('width'))", svg.path])
        #expect(parse.status == 0, "\(parse.stderr)")
        #expect(parse.stdout.hasPrefix("{http://www.w3.org/2000/svg}svg"))
    }

    @Test func writesPNGAndPDF() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("growth.png")
        #expect(
            try Command.run(Command.briefing, ["chart", "growth-rates", "--format", "png", "--dpi", "100", "--output", png.path]).status
                == 0)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == Int(((455.276 + 48) * 100 / 72).rounded(.up)))

        let pdf = directory.appendingPathComponent("supply.pdf")
        #expect(try Command.run(Command.briefing, ["chart", "supply-shares", "--output", pdf.path]).status == 0)
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout
        for label in ["2008\u{2013}12", "2021\u{2013}25", "China", "Türkiye", "80%", "45%", "All others"] {
            #expect(text.contains(label), "missing \(label)")
        }
        // The chart marks reported rows; on its own it says what the marker means.
        #expect(text.contains("\u{2020} Reported: a secondary source"), "\(text)")
    }

    /// On the command line an unknown chart is a usage error, with the closest id.
    @Test func unknownChartIsAUsageError() throws {
        let result = try Command.run(Command.briefing, ["chart", "pie"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown chart 'pie'"))
        #expect(try Command.run(Command.briefing, ["chart", "timelin"]).stderr.contains("did you mean 'timeline'?"))
        let none = try Command.run(Command.briefing, ["chart"])
        #expect(none.status == 64)
    }

    @Test func briefingChartsAreVectorsWithRealText() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", pdf.path, "--quiet"]).status == 0)
        let images = try Command.tool("pdfimages", ["-list", pdf.path]).stdout.split(separator: "\n")
        #expect(images.count == 2, "the PDF must hold no raster images: \(images)")
        let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout
        for label in [
            "Figure 1", "Figure 2", "Figure 3", "2008\u{2013}12", "2015\u{2013}19", "2021\u{2013}25", "United States", "Russia", "Italy",
            "Netherlands", "Türkiye", "73%", "6.6%", "8.4%", "1963", "1970", "1990", "2010", "2020", "PakSat-MM1 launched from Xichang",
            "+81%", "+84%", "+18%", "32.9% a year",
        ] {
            #expect(text.contains(label), "missing chart label '\(label)'")
        }
        #expect(!text.contains("Events not labelled"), "the default timeline labels every event")
    }
}
