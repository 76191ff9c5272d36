import Foundation
import TestSupport
import Testing

/// The layout that stopped a run with "invalid tag name, attributes, or nesting" (exit 73):
/// a tall timeline, a paragraph and a PNG at the section's end, which lands at the top of
/// the next page. cairo's recording surface took the image's unclipped paint for a page-wide
/// clear and dropped the Figure tag recorded before it.
@Suite(.serialized, .systemTier) struct FloatTaggingTests {
    @Test func anImageFloatedToThePageTopAfterATallTimelineRenders() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let events = [
            "tsmc-founded", "japan-materials", "arizona-announced", "huawei-rule", "intel-foundry", "kumamoto-agreed", "eu-chips-act",
            "chips-act", "october-rules", "rapidus", "gallium", "dresden", "kumamoto-opens", "subsidy-round", "arizona-volume",
        ]
        try fixture.write(
            "sections/outlook.md",
            """
            The timeline below has fifteen events.

            ```chart timeline
            events: \(events.joined(separator: ", "))
            ```

            A paragraph after the chart that says something about the events in some detail, long enough to take a few lines \
            of the page and make the layout interesting for the float.

            ![A wafer](images/wafer.png)

            """)
        let pdf = fixture.url("out.pdf")
        let run = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        // Every chart and image is a Figure of its own, the image at the page top included.
        let placed = try ["capacity", "controls", "outlook"].map { try fixture.read("sections/\($0).md") }.joined()
        let figures = placed.components(separatedBy: "```chart").count - 1 + placed.components(separatedBy: "![").count - 1
        let structure = try Command.tool("pdfinfo", ["-struct", pdf.path]).stdout
        #expect(structure.components(separatedBy: " Figure").count - 1 == figures, "\(structure)")
        let pua = try Command.tool("python3", ["-m", "pdfua", "check", pdf.path])
        #expect(pua.status == 0, "\(pua.stdout.suffix(600))")
    }
}
