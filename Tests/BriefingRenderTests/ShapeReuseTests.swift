import BriefingLayout
@testable import BriefingRender
import Foundation
import Testing

/// Pango's line breaker shapes the same text again and again; `CShapeReuse` copies a range
/// from an earlier shaping where HarfBuzz marks both its ends safe to break. With checking
/// on, every copy is shaped by HarfBuzz as well and compared glyph by glyph: these lay out
/// the default briefing's essays and text in every script the bundled fonts cover (and some
/// they do not), in both families, hyphenated and not, justified, at widths from a narrow
/// column to the page, and no copy may differ.
@Suite struct ShapeReuseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let scripts = [
        "Office affluence: fjords, fi fl ffi ffl; AVAWAY To Ty Yo, “quoted” — dashes – and 1,234.56 figures (±3.4%).",
        "Nai\u{0308}ve cafe\u{0301} re\u{0301}sume\u{0301} with com\u{00AD}bin\u{00AD}ing marks and soft hy\u{00AD}phens every\u{00AD}where.",
        "Ελληνικά κείμενα με τόνους ΐΰ και Кириллица: Русский текст ЁЇ с переносами, mixed with Latin.",
        "中文字符没有空格也可以断行，中巴科技合作包括航天、通信和能源等多个领域。",
        "Urdu in a Latin line: اردو زبان میں پاکستان and back to Latin, then ١٢٣ digits.",
        "हिन्दी भाषा and ไทยภาษาไทยเป็นภาษา and 한국어 텍스트, fonts the bundle lacks.",
        "Emoji 🙂👩‍👩‍👧‍👦🏳️‍🌈 and zero\u{200B}width\u{200D}joiners\u{2060}here, non\u{00A0}breaking\u{00A0}spaces too.",
        String(repeating: "Supercalifragilisticexpialidocious ", count: 6),
    ]

    /// The essays of the default template, Markdown and all: long paragraphs of running text.
    static func essays() throws -> [String] {
        let folder = root.appendingPathComponent("Templates/sino-pak/sections")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try files.flatMap { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .components(separatedBy: "\n\n").filter { $0.count > 80 }
        }
    }

    @Test func everyReusedShapingIsWhatHarfBuzzShapes() throws {
        let measurer = PangoTextMeasurer(fonts: try FontSetup(fontsDirectory: Self.root.appendingPathComponent("Fonts")))
        let ink = Color(hex: 0x222222)
        let styles = [
            TextStyle(family: .serif, size: 10, color: ink), TextStyle(family: .serif, size: 10, weight: .bold, italic: true, color: ink),
            TextStyle(family: .sans, size: 8.4, color: ink), TextStyle(family: .sans, size: 15, weight: .semibold, color: ink),
            TextStyle(family: .sans, size: 7.6, weight: .semibold, color: ink, letterSpacing: 0.6),
        ]
        ShapeReuse.setChecking(true)
        defer { ShapeReuse.setChecking(false) }
        let before = ShapeReuse.counts
        let texts = Self.scripts + (try Self.essays())
        for (index, text) in texts.enumerated() {
            let style = styles[index % styles.count]
            for width in [45.0, 120, 260, 480] {
                for hyphenate in [false, true] {
                    _ = measurer.measure(Paragraph([TextRun(text, style)], alignment: .justified, hyphenate: hyphenate), width: width)
                }
            }
            // Runs of two styles in one paragraph: items end where the style changes.
            let half = text.index(text.startIndex, offsetBy: text.count / 2)
            let mixed = Paragraph([TextRun(String(text[..<half]), style), TextRun(String(text[half...]), styles[(index + 1) % styles.count])])
            _ = measurer.measure(mixed, width: 200)
        }
        let after = ShapeReuse.counts
        #expect(after.reused - before.reused > 1_000, "Pango's reshaping of line ends is served from earlier shapings")
        #expect(after.mismatches == before.mismatches, "a reused shaping differs from HarfBuzz's")
    }
}
