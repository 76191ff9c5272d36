import BriefingPipeline
import Foundation
import TestSupport
import Testing

/// A page drawn as SVG is the same bytes however many surfaces the process made before it:
/// cairo numbers its group after a surface count of the process, which made a watch rewrite
/// every SVG page on every build (found by helper-31).
@Suite struct SVGPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func aPageIsTheSameBytesDrawnAgain() throws {
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let pipeline = Pipeline(world: world)
        pipeline.willBuildAgain()
        var request = BriefingRequest(template: Self.repository.appendingPathComponent("Templates/sino-pak"), date: "2026-11-30")
        request.format = .svg
        let first = try RealFonts.exclusive { try pipeline.generate(request).get() }.files
        pipeline.prepareRebuild()
        let again = try RealFonts.exclusive { try pipeline.generate(request).get() }.files
        #expect(first.count == 10)
        #expect(first == again)
        for page in first {
            let text = String(decoding: page, as: UTF8.self)
            #expect(text.contains("id=\"surface1\"") && text.components(separatedBy: "id=\"surface").count == 2)
        }
    }
}
