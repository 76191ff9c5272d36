import BriefingContent
import BriefingPipeline
import BriefingRender
import Foundation
import TestSupport
import Testing

/// The HTML edition through the pipeline, with the bundled fonts: no layout, every chart an
/// inline SVG drawn by the PDF's chart layout and named by its description, its words text in
/// faces the page carries, ids unique across the charts, every internal link with its target,
/// and the same bytes from a second process state.
@Suite struct HTMLWriterTests {
    func make(_ pipeline: Pipeline, template: String = "Tests/Fixtures/chips") throws -> BriefingOutput {
        let request = BriefingRequest(
            template: TemplateFixture.repository.appendingPathComponent(template), date: "2026-11-30", format: .html)
        return try RealFonts.exclusive { try pipeline.generate(request).get() }
    }

    static func pipeline() -> Pipeline {
        Pipeline(world: World(fonts: .folder(TemplateFixture.repository.appendingPathComponent("Fonts")), environment: [:]))
    }

    @Test func chartsAreNamedImagesAndLinksResolve() throws {
        let output = try make(Self.pipeline())
        #expect(output.files.count == 1 && output.pageCount == 0, "one page of HTML, nothing laid out")
        let html = String(decoding: output.files[0], as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("<?xml"))
        let figures = output.document.sections.flatMap { $0.blocks.flatMap(\.charts) }
        #expect(figures.count >= 3)
        let drawings = html.matches(of: /<svg role="img" aria-label="([^"]*)"/).map { String($0.1) }
        #expect(drawings.count == figures.count)
        for (drawing, figure) in zip(drawings, figures) {
            let spoken = figure.spokenAlt.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "'", with: "&#39;")
            #expect(drawing == spoken, "figure \(figure.number)")
        }
        let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids across the page and its charts")
        let targets = Set(html.matches(of: /(?:href="#|url\(#)([^")]+)/).map { String($0.1) })
        #expect(targets.subtracting(ids).isEmpty, "references without a target: \(targets.subtracting(ids))")
        let charts = html.matches(of: /<svg role="img"[^>]*>(?s:.*?)<\/svg>/).map { String($0.0) }
        #expect(charts.count == figures.count)
        for (chart, figure) in zip(charts, figures) {
            let chartIDs = chart.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
            #expect(chartIDs.allSatisfy { $0.hasPrefix("f\(figure.number)-") }, "figure \(figure.number)'s ids: \(chartIDs)")
            #expect(chart.contains("<tspan"), "figure \(figure.number)'s words are text")
            #expect(!chart.contains("<symbol") && !chart.contains("<use"), "no glyph outlines")
        }
        // The chart's own words, as text: the chips fixture's first chart names its series.
        let words = charts.joined().matches(of: /<tspan[^>]*>([^<]*)<\/tspan>/).map { String($0.1) }
        #expect(words.count > 20)
        #expect(!words.contains(""), "no empty runs")
        #expect(!html.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "a label's line break is not text")
        // Every family a chart or the style sheet sets text in is a face the page carries.
        let carried = Set(html.matches(of: /@font-face \{ font-family: "([^"]+)"/).map { String($0.1) })
        #expect(carried.isSuperset(of: ["Briefing Serif", "Briefing Sans"]))
        let used = Set(html.matches(of: /font-family="([^"]+)"/).map { String($0.1) })
        #expect(!used.isEmpty && used.isSubset(of: carried), "chart families without a face: \(used.subtracting(carried))")
        #expect(!html.contains("url(http") && !html.contains("src=\"http"), "nothing from the network")
    }

    /// Every character of the page is in a face the page carries: the faces cut early, to what
    /// the document was likely to hold, are checked against the page as written.
    @Test func everyCharacterHasACarriedGlyph() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let output = try RealFonts.exclusive {
            try Self.pipeline().generate(BriefingRequest(template: fixture.directory, date: "2026-11-30", format: .html)).get()
        }
        let html = String(decoding: output.files[0], as: UTF8.self)
        let faces = html.matches(
            of: /font-family: "([^"]+)"; font-style: (\w+); font-weight: (\d+); src: url\(data:font\/[ot]tf;base64,([^)]*)\)/)
        #expect(faces.count >= 5)
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var covered = Set<UInt32>()
        for (index, face) in faces.enumerated() {
            let file = folder.appendingPathComponent("\(index).font")
            try #require(Data(base64Encoded: String(face.4))).write(to: file)
            covered.formUnion(FontSubset.covered(FontFile(path: file.path, index: 0), of: Array(0x20...0x2FFF)))
        }
        let body = try #require(html.range(of: "<body>")).upperBound
        let text = html[body...].replacing(/<[^>]*>/, with: "")
        let missing = Set(text.unicodeScalars.map(\.value)).filter { $0 >= 0x20 && $0 <= 0x2FFF && !covered.contains($0) }
        #expect(missing.isEmpty, "characters no carried face has: \(missing.sorted().map { String(format: "U+%04X", $0) })")
    }

    /// The second run in a process draws new cairo surfaces; the bytes do not change.
    @Test func theSameBriefingGivesTheSameBytes() throws {
        let pipeline = Self.pipeline()
        let first = try make(pipeline).files[0]
        _ = try make(Self.pipeline(), template: "Tests/Fixtures/reader")
        let second = try make(Self.pipeline()).files[0]
        #expect(first == second)
    }
}
