import CCairoPango
import Foundation
import Testing

@testable import BriefingRender

/// Noto Nastaliq Urdu Bold gives the regular weight class (usWeightClass 400), so fontconfig
/// took it for a second regular face and regular Urdu text was set in bold (found by a
/// helper reading `pdffonts`). Registered, it is bold, from a scan and from the cache alike.
@Suite struct BundledFontWeightTests {
    /// The file fontconfig picks for Urdu text of `weight` among the registered fonts.
    static func file(for weight: Int32, _ setup: FontSetup) throws -> String {
        let pattern = try #require(FcPatternCreate())
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, "Noto Nastaliq Urdu")
        FcPatternAddInteger(pattern, FC_WEIGHT, weight)
        FcConfigSubstitute(setup.config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        let match = try #require(FcFontMatch(setup.config, pattern, &result))
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        #expect(FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
        return URL(fileURLWithPath: String(cString: try #require(file))).lastPathComponent
    }

    @Test func regularUrduIsSetInTheRegularFace() throws {
        let cacheFile = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-weights-\(UUID().uuidString)/fonts.cache")
        defer { try? FileManager.default.removeItem(at: cacheFile.deletingLastPathComponent()) }
        let cache = FontPatternCache(file: cacheFile)
        _ = try FontSetup(fontsDirectory: FontTargetTests.fonts, cache: cache)
        for setup in [
            try FontSetup(fontsDirectory: FontTargetTests.fonts), try FontSetup(fontsDirectory: FontTargetTests.fonts, cache: cache),
        ] {
            #expect(try Self.file(for: FC_WEIGHT_REGULAR, setup) == "NotoNastaliqUrdu-Regular.ttf")
            #expect(try Self.file(for: FC_WEIGHT_BOLD, setup) == "NotoNastaliqUrdu-Bold.ttf")
        }
    }
}
