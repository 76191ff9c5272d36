import BriefingPipeline
import Foundation
import TestSupport
import Testing

/// With the last sections measured on a second thread by a measurer of their own (its own
/// Pango font map), the PDF is the very bytes one thread makes: the same glyphs, breaks and
/// fonts, each font embedded once, and the same warnings in the same order.
@Suite struct MeasuringAheadTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bytes and warnings of a fresh pipeline (fresh fonts, nothing measured yet).
    func make(_ template: URL, ahead: Bool) throws -> (pdf: Data, warnings: [String]) {
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let pipeline = Pipeline(world: world)
        pipeline.measuresAhead = ahead
        let made = try RealFonts.exclusive { try pipeline.generate(BriefingRequest(template: template, date: "2026-11-30")).get() }
        return (made.files[0], made.warnings.map(\.description))
    }

    @Test(arguments: ["Templates/sino-pak", "Tests/Fixtures/chips", "Tests/Fixtures/partners"])
    func thePDFIsTheOneOneThreadMakes(template: String) throws {
        let folder = Self.repository.appendingPathComponent(template)
        let alone = try make(folder, ahead: false)
        let ahead = try make(folder, ahead: true)
        #expect(ahead.pdf == alone.pdf)
        #expect(ahead.warnings == alone.warnings)
    }

    /// Characters no font has, in the first and in the last section: reported once each, in
    /// the order they are met, whichever thread measured them.
    @Test func missingGlyphsAreReportedAsOneThreadReportsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("measuring-ahead-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates/sino-pak"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sections = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sections").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        for (file, text) in [(sections.first!, "\n\nA face \u{1F600} and a rune \u{16A0}.\n"), (sections.last!, "\n\nA snowman \u{2603} and \u{1F600}.\n")] {
            let url = folder.appendingPathComponent("sections").appendingPathComponent(file)
            try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
        }
        let alone = try make(folder, ahead: false)
        let ahead = try make(folder, ahead: true)
        #expect(alone.warnings.filter { $0.contains("no bundled font") }.count == 3)
        #expect(ahead.warnings == alone.warnings)
        #expect(ahead.pdf == alone.pdf)
    }
}
