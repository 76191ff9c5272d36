import Foundation
import TestSupport
import Testing

/// A briefing on another topic (chip supply outside Taiwan, `Tests/Fixtures/chips`) with its
/// own domains, grades and qualifiers, quarters, a table, footnotes, PNG and SVG images, bar
/// and line charts, generated and read back with poppler.
@Suite(.serialized, .systemTier) struct SecondBriefingTests {
    private func generate(_ fixture: TemplateFixture, _ extra: [String] = []) throws -> (status: Int32, stderr: String, pdf: URL) {
        let pdf = fixture.directory.appendingPathComponent("out.pdf")
        let result = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30"] + extra)
        return (result.status, result.stderr, pdf)
    }

    @Test func generatesWithEveryFeature() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let run = try generate(fixture, ["--strict"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Command.tool("qpdf", ["--check", run.pdf.path]).status == 0)
        let text = try Command.tool("pdftotext", [run.pdf.path, "-"]).stdout
        for needle in [
            "Industry and fabs", "Export controls", "Subsidies and policy",  // the template's domains, in the legend
            "Estimate: an analyst's estimate",  // its grades' legend on the cover
            "up to 120 k wafers/month", "between 20 and 28 bn USD",  // its qualifier, a range
            "Q3 2025", "68.2%",  // quarters, a supply share as a key figure
            "Region", "Dresden, Magdeburg", "South Korea",  // the table
            "Capacity counts wafer starts",  // a footnote
            "New fab sites outside Taiwan (schematic)",  // an image's caption
            "Leading-edge capacity by region", "Leading-edge capacity outside Taiwan, by quarter",  // bar and line charts
            "1 event outside 2019\u{2013}2025 is not shown",
        ] {
            #expect(text.contains(needle), "missing '\(needle)'")
        }
        #expect(!text.contains("[^") && !text.contains("| Region"), "no raw Markdown")
        #expect(!text.contains("not labelled"), "every timeline event is labelled")
        let structure = try Command.tool("pdfinfo", ["-struct", run.pdf.path]).stdout
        for tag in ["Table", "TR", "TH", "TD", "Note", "Figure"] {
            #expect(structure.contains(" \(tag)"), "no \(tag) in the structure tree")
        }
        let images = try Command.tool("pdfimages", ["-list", run.pdf.path]).stdout
        #expect(images.contains(" 300   200 "), "the PNG is embedded at its own size: \(images)")
    }

    @Test func rawHTMLWarnsAndFailsUnderStrict() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        try fixture.write("sections/outlook.md", try fixture.read("sections/outlook.md") + "\n<div>boxed</div>\n")
        let line = try fixture.line(of: "<div>boxed</div>", in: "sections/outlook.md")
        let lenient = try generate(fixture)
        #expect(
            lenient.status == 0 && lenient.stderr.contains("outlook.md:\(line):1: warning: raw HTML is not rendered"), "\(lenient.stderr)")
        try FileManager.default.removeItem(at: lenient.pdf)
        let strict = try generate(fixture, ["--strict"])
        #expect(strict.status == 65)
        #expect(!FileManager.default.fileExists(atPath: strict.pdf.path))
    }

    /// A PNG whose header is right but whose data is damaged stops the run; the last good PDF stays.
    @Test func aDamagedImageWritesNothing() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let good = try generate(fixture)
        #expect(good.status == 0)
        let before = try Data(contentsOf: good.pdf)
        var png = try Data(contentsOf: fixture.url("images/wafer.png"))
        png.replaceSubrange(60..<200, with: Data(repeating: 0x55, count: 140))
        try png.write(to: fixture.url("images/wafer.png"))
        let bad = try generate(fixture)
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("images/wafer.png") && bad.stderr.contains("cannot be decoded"), "\(bad.stderr)")
        #expect(try Data(contentsOf: good.pdf) == before, "the last good PDF is kept")
        // A file that is not what its extension says is refused before anything is drawn.
        try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: fixture.url("images/wafer.png"))
        let line = try fixture.line(of: "(images/wafer.png)", in: "sections/controls.md")
        let wrong = try generate(fixture)
        #expect(
            wrong.status == 65 && wrong.stderr.contains("controls.md:\(line):1: error: 'images/wafer.png' is not a PNG file"),
            "\(wrong.stderr)")
    }

    @Test func chartsWithMismatchedUnitsAreLocatedErrors() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        try fixture.write(
            "sections/outlook.md", "Text.\n\n```chart bar\nfigures: us-capacity, fab-cost\n```\n\n```chart line\nseries: nope\n```\n")
        let run = try generate(fixture)
        #expect(run.status == 65)
        #expect(
            run.stderr.contains("outlook.md:3:1: error: chart 'bar': 'us-capacity' is in k wafers/month but 'fab-cost' in bn USD"),
            "\(run.stderr)")
        #expect(run.stderr.contains("outlook.md:7:1: error: unknown series 'nope'"), "\(run.stderr)")
    }
}
