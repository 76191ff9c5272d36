import BriefingLayout
@testable import BriefingPipeline
import BriefingRender
import Foundation
import TestSupport
import Testing

/// Fonts started before the command line is read are taken only by a pipeline that wants
/// exactly them (the same folder, PDF pages, hyphenation), and only once.
@Suite(.serialized) struct EarlyFontsTests {
    /// The bundled fonts under a path of this test's own, so that no other test's pipeline,
    /// running meanwhile, takes them.
    static func fonts() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-early-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("Fonts")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: TemplateFixture.repository.appendingPathComponent("Fonts"))
        return link
    }

    @Test func onlyTheSameFontsForPDFPagesAreTakenAndOnlyOnce() throws {
        let fonts = try Self.fonts()
        defer { try? FileManager.default.removeItem(at: fonts.deletingLastPathComponent()) }
        EarlyFonts.start(fontsDirectory: fonts, environment: [:])
        #expect(EarlyFonts.take(fontsDirectory: fonts, layout: false, target: .pdf) == nil)
        #expect(EarlyFonts.take(fontsDirectory: fonts, layout: true, target: .image) == nil)
        #expect(EarlyFonts.take(fontsDirectory: fonts.appendingPathComponent("Inter"), layout: true, target: .pdf) == nil)
        let taken = try #require(EarlyFonts.take(fontsDirectory: fonts, layout: true, target: .pdf))
        #expect(EarlyFonts.take(fontsDirectory: fonts, layout: true, target: .pdf) == nil)
        // The fonts are those a pipeline loads: the bundled families measure text.
        let measurer = try taken.value()
        let style = TextStyle(family: .serif, size: 10, color: Color(hex: 0))
        #expect(!measurer.measure(Paragraph([TextRun("Sino-Pak", style)]), width: 100).lines.isEmpty)
    }

    /// A pipeline for PDF pages takes them instead of loading its own.
    @Test func aPipelineTakesThem() throws {
        let fonts = try Self.fonts()
        defer { try? FileManager.default.removeItem(at: fonts.deletingLastPathComponent()) }
        EarlyFonts.start(fontsDirectory: fonts, environment: [:])
        let pipeline = Pipeline(world: World(fonts: .folder(fonts), environment: [:]))
        pipeline.startFonts()
        #expect(EarlyFonts.take(fontsDirectory: fonts, layout: true, target: .pdf) == nil)
        _ = try pipeline.measurer()
    }
}
