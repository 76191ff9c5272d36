import BriefingPipeline
import CCairoPango
import Foundation
import TestSupport
import Testing

/// A few pages rendered and compared, pixel by pixel with a tolerance, with references
/// checked in under `Tests/Fixtures/golden/` (typst's `tests/ref` is the model): a change that moves text,
/// drops a chart's bars or recolours a page fails here even when every structural test
/// passes. Rendered at 36 dpi with the bundled fonts, from the test's own fixtures.
///
/// After an intended change to how pages look, look at the new pages, then write them as
/// the references with `BRIEFING_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests`.
@Suite struct GoldenPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let references = repository.appendingPathComponent("Tests/Fixtures/golden")

    /// Which pages of which fixture: the cover, pages with charts, a table, footnotes.
    static let cases: [(fixture: String, pages: [Int])] = [("chips", [1, 2, 3]), ("reader", [1, 4])]

    @Test(arguments: cases.map(\.fixture))
    func pagesLookAsTheyDid(fixture: String) throws {
        let pages = try #require(Self.cases.first { $0.fixture == fixture }).pages
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let pipeline = Pipeline(world: world)
        var request = BriefingRequest(template: Self.repository.appendingPathComponent("Tests/Fixtures/\(fixture)"), date: "2026-11-30")
        request.format = .png
        request.dpi = 36
        let made = try RealFonts.exclusive { try pipeline.generate(request).get() }
        let update = ProcessInfo.processInfo.environment["BRIEFING_UPDATE_GOLDEN"] != nil
        for page in pages {
            let name = "\(fixture)-\(page).png"
            let reference = Self.references.appendingPathComponent(name)
            let actual = made.files[page - 1]
            if update {
                try actual.write(to: reference)
                continue
            }
            let expected = try #require(
                try? Data(contentsOf: reference), "no reference \(name): make it with BRIEFING_UPDATE_GOLDEN=1")
            let comparison = try PixelComparison(expected: expected, actual: actual)
            if !comparison.matches {
                // Kept for a person to look at, beside the reference it was compared with.
                let kept = FileManager.default.temporaryDirectory.appendingPathComponent("golden-actual-\(name)")
                try? actual.write(to: kept)
                Issue.record("\(name): \(comparison.summary); the new render is in \(kept.path)")
            }
        }
    }

    /// The comparison itself must be able to fail: a page with a block painted over it does.
    @Test func aChangedPageIsCaught() throws {
        let reference = try Data(contentsOf: Self.references.appendingPathComponent("chips-1.png"))
        let changed = try PixelComparison.paintedOver(reference, x: 40, y: 60, width: 60, height: 20)
        #expect(try PixelComparison(expected: reference, actual: reference).matches)
        #expect(try !PixelComparison(expected: reference, actual: changed).matches)
    }
}

/// Two PNGs compared pixel by pixel: a channel may differ by `channelTolerance` (antialiasing
/// across library versions), and at most `areaTolerance` of the pixels may differ more.
struct PixelComparison {
    static let channelTolerance = 48
    static let areaTolerance = 0.002

    var size: (Int, Int)
    var expectedSize: (Int, Int)
    var differing = 0

    var matches: Bool {
        size == expectedSize && Double(differing) <= Self.areaTolerance * Double(size.0 * size.1)
    }

    var summary: String {
        guard size == expectedSize else { return "\(size.0)×\(size.1) px, the reference is \(expectedSize.0)×\(expectedSize.1)" }
        return "\(differing) of \(size.0 * size.1) pixels differ"
    }

    init(expected: Data, actual: Data) throws {
        let a = try Self.decode(expected), b = try Self.decode(actual)
        expectedSize = (a.width, a.height)
        size = (b.width, b.height)
        guard size == expectedSize else { return }
        for (p, q) in zip(a.pixels, b.pixels) {
            for shift in stride(from: 0, to: 32, by: 8)
            where abs(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF)) > Self.channelTolerance {
                differing += 1
                break
            }
        }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Decoded by cairo, not by the code under test's exporter.
    static func decode(_ png: Data) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        let surface = try surface(png)
        defer { cairo_surface_destroy(surface) }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width { pixels.append(line[column]) }
        }
        return (width, height, pixels)
    }

    /// A copy of `png` with a black rectangle painted on it.
    static func paintedOver(_ png: Data, x: Double, y: Double, width: Double, height: Double) throws -> Data {
        let surface = try surface(png)
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
        cairo_destroy(cr)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        cairo_surface_write_to_png(surface, file.path)
        return try Data(contentsOf: file)
    }

    private static func surface(_ png: Data) throws -> OpaquePointer {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString).png")
        try png.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let surface = cairo_image_surface_create_from_png(file.path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "not a PNG cairo can read")
        }
        cairo_surface_flush(surface)
        return surface
    }
}
