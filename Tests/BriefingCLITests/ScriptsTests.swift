import Foundation
import TestSupport
import Testing

/// Urdu and Chinese in the data render with the bundled fonts; what no font has is reported.
@Suite(.serialized, .systemTier) struct ScriptsTests {
    private func fixture(label: String) throws -> TemplateFixture {
        let fixture = try TemplateFixture()
        try fixture.replace(
            "data.yaml", "title: PakSat-MM1 launched from Xichang", with: "title: \"PakSat-MM1 (پاک سیٹ ایم ایم ون) 西昌卫星发射中心\"")
        try fixture.replace("data.yaml", "label: Khunjerab-Rawalpindi optical fibre cable", with: "label: \(label)")
        try fixture.replace(
            "sections/space.md", "- **Navigation.**",
            with: "- **Names.** {{event.paksat-mm1.title}}; {{fig.fibre-length.label}}.\n- **Navigation.**")
        return fixture
    }

    @Test func urduAndChineseRenderWithTheBundledFonts() throws {
        let fixture = try fixture(label: "\"Khunjerab \\a(خنجراب) 光缆\"")
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let pdf = directory.appendingPathComponent("b.pdf")
        let result = try Command.run(
            Command.briefing, ["--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path, "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("no bundled font"), "every Urdu and Chinese character has a glyph")
        let fonts = try Command.tool("pdffonts", [pdf.path]).stdout
        #expect(fonts.contains("NotoNastaliqUrdu") && fonts.contains("DroidSansFallback"))
        let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout
        #expect(text.contains("西昌卫星发射中心") && text.contains("光缆"))
        #expect(!text.unicodeScalars.contains("\u{7}"), "control characters in data are dropped, never drawn")
    }

    /// The HTML edition carries the fallback fonts for the characters its house faces lack, and
    /// a chart's Urdu and Chinese words are text in the face Pango chose for them.
    @Test func theHTMLEditionCarriesTheFallbackFaces() throws {
        let fixture = try fixture(label: "\"Khunjerab (خنجراب) 光缆\"")
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let page = directory.appendingPathComponent("b.html")
        let result = try Command.run(
            Command.briefing, ["--template", fixture.directory.path, "--date", "2026-11-30", "--output", page.path, "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        let carried = html.matches(of: /@font-face \{ font-family: "([^"]+)"/).map { String($0.1) }
        #expect(carried.contains("Briefing Noto Nastaliq Urdu") && carried.contains("Briefing Droid Sans Fallback"), "\(carried)")
        #expect(html.contains("--serif: \"Briefing Serif\", \"Briefing Droid Sans Fallback\", \"Briefing Noto Nastaliq Urdu\""))
        // The timeline labels the launch with its names, each script in its own face.
        let urdu = html.matches(of: /<tspan[^>]*font-family="Briefing Noto Nastaliq Urdu"[^>]*>([^<]*)<\/tspan>/).map { String($0.1) }
        let chinese = html.matches(of: /<tspan[^>]*font-family="Briefing Droid Sans Fallback"[^>]*>([^<]*)<\/tspan>/).map { String($0.1) }
        #expect(urdu.joined().contains("پاک"), "\(urdu)")
        #expect(chinese.joined().contains("西昌"), "\(chinese)")
    }

    /// Body text carries soft hyphens inside the layout; the warning counts characters as read.
    @Test func aMissingCharacterInHyphenatedTextIsPlacedAsRead() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        try fixture.replace("sections/it.md", "The IT growth figure", with: "The interconnection \u{1F600} figure")
        let before =
            "Bottom line. The fibre cable through the Khunjerab Pass gave Pakistan its first land route for data to China. "
            + "5G trials with Chinese vendors followed. The interconnection "
        let result = try Command.run(
            Command.briefing,
            ["--template", fixture.directory.path, "--date", "2026-11-30", "--output", directory.appendingPathComponent("b.pdf").path])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("U+1F600 GRINNING FACE (character \(before.count + 1) of “Bottom line. The fibre cable through"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("\u{00AD}"))
    }

    @Test func aCharacterNoFontHasIsReportedAndStrictRefuses() throws {
        let fixture = try fixture(label: "\"Khunjerab \u{1F600} cable\"")
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let pdf = directory.appendingPathComponent("b.pdf")
        let warned = try Command.run(
            Command.briefing, ["--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning: no bundled font can draw U+1F600 GRINNING FACE (character 11 of “Khunjerab 😀 cable"))
        let other = directory.appendingPathComponent("strict.pdf")
        let strict = try Command.run(
            Command.briefing, ["--template", fixture.directory.path, "--date", "2026-11-30", "--output", other.path, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("--strict: ") && strict.stderr.contains("(above) made this run fail: nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }
}
