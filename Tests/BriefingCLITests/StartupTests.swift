import Foundation
import TestSupport
import Testing

/// What the program loads before `main`: librsvg (with gdk-pixbuf, gio's image loaders and
/// libxml2) is opened only when an SVG image is drawn, so it is not among the libraries the
/// binary needs at start-up; an SVG still draws (the chips fixture has one).
@Suite(.systemTier) struct StartupTests {
    @Test func librsvgIsOpenedOnFirstUseNotLinked() throws {
        let needed = try Command.tool("readelf", ["-d", Command.briefing.path])
        #expect(needed.status == 0, "\(needed.stderr)")
        #expect(needed.stdout.contains("libpango") && !needed.stdout.contains("librsvg"), "\(needed.stdout)")

        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chips = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/chips").path
        let pdf = directory.appendingPathComponent("chips.pdf")
        let result = try Command.run(Command.briefing, ["generate", "--template", chips, "--date", "2026-11-30", "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The SVG map's four labels are vector text inside its Figure element: librsvg drew it.
        let structure = try Command.tool("pdfinfo", ["-struct-text", pdf.path]).stdout
        #expect(structure.contains("\"United StatesEuropeJapanSouth Korea\""), "\(structure.prefix(2_000))")
    }
}
