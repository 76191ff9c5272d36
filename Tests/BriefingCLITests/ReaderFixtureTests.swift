import Foundation
import TestSupport
import Testing

/// `Tests/Fixtures/reader`, written the way a careful reader checks a briefing: a supply chart
/// whose CSV rows name sources the text never cites, a series computed from a TIV export, a
/// 93 -> 130 projection, growth derived from a series, a tall timeline and an image at a
/// section's end, long key judgements that fit the cover, and a four-row table that would
/// split 3 + 1 at a page's foot. It generates under `--strict`, every source listed.
@Suite(.serialized, .systemTier) struct ReaderFixtureTests {
    private func generate(_ fixture: TemplateFixture, _ extra: [String] = [], verbose: Bool = false) throws -> (
        status: Int32, stderr: String, pdf: URL
    ) {
        let pdf = fixture.url("out.pdf")
        let result = try Command.run(
            Command.briefing,
            ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30"] + (verbose ? [] : ["--quiet"])
                + extra)
        return (result.status, result.stderr, pdf)
    }

    /// The text of each page, without line breaks.
    private func pages(_ pdf: URL) throws -> [String] {
        let text = try Command.tool("pdftotext", ["-layout", pdf.path, "-"]).stdout
        return text.components(separatedBy: "\u{000C}").map { $0.replacingOccurrences(of: "\n", with: " ") }
    }

    @Test func generatesUnderStrictWithEverySourceListed() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/reader")
        defer { fixture.remove() }
        let run = try generate(fixture, ["--strict"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Command.tool("qpdf", ["--check", run.pdf.path]).status == 0)
        let text = try Command.tool("pdftotext", [run.pdf.path, "-"]).stdout
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        // Both survey editions behind the chart's rows are listed and cited by its source line,
        // though the text never cites them.
        #expect(flat.contains("Source: TGS [6][7]. Share of world mine output"), "\(flat)")
        for edition in ["2020 edition", "2023 edition"] { #expect(flat.contains("[Mineral commodity summaries, \(edition)]")) }
        #expect(!flat.contains("Source: ."))
        // The TIV series cites its export; the next suppliers are named largest first.
        #expect(flat.contains("Source: SIPRI (test file) [5]. Share of the volume of imports"))
        #expect(flat.contains("the next suppliers were Italy 6% and United States 1.5%"))
        // 93 -> 130 is ×1.4, in the text, the cover and the chart; growth derived from the series.
        #expect(flat.components(separatedBy: "×1.4 in 7 years").count - 1 == 3, "\(flat)")
        #expect(!flat.contains("×1 "))
        #expect(flat.contains("rose 52.5%") && flat.contains("+52.5%"))
        // The cover fits on its page: the contents come second.
        let pageTexts = try pages(run.pdf)
        #expect(pageTexts[0].contains("KEY FIGURES") && pageTexts[1].contains("Contents"))
        // The four-row table is whole, its header with it, on one page.
        let tablePages = ["Plant ", "Baotou", "Ganzhou", "Mountain Pass", "Kalgoorlie"].map { needle in
            pageTexts.firstIndex { $0.contains(needle) && $0.contains("listed company") || ($0.contains(needle) && needle == "Plant ") }
        }
        #expect(Set(tablePages).count == 1 && tablePages[0] != nil, "\(tablePages)")
        // Every Link element holds its words, and pdfua finds nothing.
        let script = TemplateFixture.repository.appendingPathComponent("scripts/link-text.py").path
        let links = try Command.tool("python3", [script, run.pdf.path])
        #expect(links.stdout.contains("\"without_text\": 0"), "\(links.stdout.prefix(400))")
        #expect(try Command.tool("python3", ["-m", "pdfua", "check", run.pdf.path]).status == 0)
    }

    @Test func aCoverThatOverflowsWarnsAndStrictRefusesIt() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/reader")
        defer { fixture.remove() }
        let long = String(repeating: "A judgement that runs on at length to see what the cover does with it. ", count: 6)
        try fixture.write(
            "sections/judgements.md", try fixture.read("sections/judgements.md") + "- **More.** \(long)\n- **And more.** \(long)\n")
        let lenient = try generate(fixture, verbose: true)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: the key judgements do not fit on the cover:"), "\(lenient.stderr)")
        let over = lenient.stderr.components(separatedBy: "cover: ").last?.split(separator: " ").first.flatMap { Int($0) }
        #expect((over ?? 0) > 0, "\(lenient.stderr)")
        try FileManager.default.removeItem(at: lenient.pdf)
        let strict = try generate(fixture, ["--strict"], verbose: true)
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("sections/judgements.md: warning: the key judgements do not fit on the cover: \(over ?? 0) line"))
        #expect(!FileManager.default.fileExists(atPath: strict.pdf.path))
    }
}
