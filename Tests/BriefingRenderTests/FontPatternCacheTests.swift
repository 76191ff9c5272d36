import BriefingLayout
@testable import BriefingRender
import CCairoPango
import Foundation
import Testing

/// fontconfig's descriptions of the bundled fonts, kept between runs: a font set built from
/// the cache must be the font set a scan of the files makes, and a cache that is damaged or
/// out of date must only cost a new scan.
@Suite struct FontPatternCacheTests {
    static let fonts = FontTargetTests.fonts

    /// The application fonts of a setup's configuration, in order.
    static func patterns(_ setup: FontSetup) -> [OpaquePointer] {
        guard let set = FcConfigGetFonts(setup.config, FcSetApplication) else { return [] }
        return (0..<Int(set.pointee.nfont)).compactMap { set.pointee.fonts[$0] }
    }

    static func same(_ a: FontSetup, _ b: FontSetup) -> Bool {
        let left = patterns(a), right = patterns(b)
        return !left.isEmpty && left.count == right.count && zip(left, right).allSatisfy { FcPatternEqual($0, $1) != 0 }
    }

    func cacheFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("briefing-fontcache-\(UUID().uuidString)/fonts.cache")
    }

    @Test func aFontSetFromTheCacheIsTheFontSetOfAScan() throws {
        let file = cacheFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = FontPatternCache(file: file)
        let scanned = try FontSetup(fontsDirectory: Self.fonts)
        let first = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        #expect(Self.same(scanned, first))
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix(FontPatternCache.header + "\n"))
        #expect(written.split(separator: "\n").filter { $0.hasPrefix("P\t") }.count == Self.patterns(scanned).count)
        let stamp = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let cached = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        #expect(Self.same(scanned, cached))
        // Read, not written again: nothing changed.
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == stamp)
        // And text set with either measures the same.
        let ink = BriefingLayout.Color(hex: 0)
        let paragraph = Paragraph([TextRun("Sino-Pak cooperation, 中巴合作, اردو", TextStyle(family: .serif, size: 10, color: ink))])
        #expect(PangoTextMeasurer(fonts: scanned).measure(paragraph, width: 120) == PangoTextMeasurer(fonts: cached).measure(paragraph, width: 120))
    }

    @Test func aDamagedOrStaleCacheIsScannedAgainAndRewritten() throws {
        let file = cacheFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = FontPatternCache(file: file)
        let scanned = try FontSetup(fontsDirectory: Self.fonts)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("garbage\n\u{0}\u{1}\nF\tx\n".utf8).write(to: file)
        #expect(Self.same(scanned, try FontSetup(fontsDirectory: Self.fonts, cache: cache)))
        let good = try String(contentsOf: file, encoding: .utf8)
        #expect(good.hasPrefix(FontPatternCache.header))
        // An entry for a file as it was (another size): that file is scanned again.
        let stale = good.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, fields[0] == "F" else { return String(line) }
            return "F\t\(fields[1])\t1\t" + fields[3...].joined(separator: "\t")
        }.joined(separator: "\n")
        try Data(stale.utf8).write(to: file)
        #expect(Self.same(scanned, try FontSetup(fontsDirectory: Self.fonts, cache: cache)))
        #expect(try String(contentsOf: file, encoding: .utf8) == good)
    }

    /// A cache cut short anywhere, or with a description damaged or stripped of what Pango
    /// needs, costs a scan of the files it no longer describes whole, never other fonts or a
    /// crash; the cache is written whole again.
    @Test func aCutOrDamagedEntryIsScannedAgain() throws {
        let file = cacheFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let cache = FontPatternCache(file: file)
        let scanned = try FontSetup(fontsDirectory: Self.fonts)
        _ = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        let good = try Data(contentsOf: file)
        for cut in stride(from: 40, to: good.count, by: max(1, good.count / 60)) {
            try good.prefix(cut).write(to: file)
            #expect(Self.same(scanned, try FontSetup(fontsDirectory: Self.fonts, cache: cache)), "cut at \(cut)")
            #expect(try Data(contentsOf: file) == good, "rewritten whole after a cut at \(cut)")
        }
        // A description without its character set, its checksum made to match: refused.
        let text = String(decoding: good, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("P\t") && $0.contains(":charset=") })
        lines[at] = String(lines[at].replacingOccurrences(of: #":charset=[^:]*"#, with: "", options: .regularExpression))
        var fields = lines[at - 1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[5] = FontPatternCache.checksum([String(lines[at].dropFirst(2))])
        lines[at - 1] = fields.joined(separator: "\t")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        #expect(Self.same(scanned, try FontSetup(fontsDirectory: Self.fonts, cache: cache)))
    }

    /// A cache written by the bundled fonts and by a copy of them in another folder (`copy`).
    func sharedByTwoFolders() throws -> (file: URL, copy: URL, cache: FontPatternCache) {
        let file = cacheFile()
        let copy = file.deletingLastPathComponent().appendingPathComponent("Fonts")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fonts, to: copy)
        let cache = FontPatternCache(file: file)
        _ = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        _ = try FontSetup(fontsDirectory: copy, cache: cache)
        return (file, copy, cache)
    }

    /// Two copies of the fonts (a build tree and an installed copy) share one cache without
    /// scanning in turn: each keeps the other's entries.
    @Test func twoFontFoldersShareTheCache() throws {
        let (file, copy, cache) = try sharedByTwoFolders()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let both = try String(contentsOf: file, encoding: .utf8)
        #expect(both.contains(Self.fonts.path) && both.contains(copy.path))
        let original = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        #expect(Self.same(original, try FontSetup(fontsDirectory: Self.fonts)))
        #expect(try String(contentsOf: file, encoding: .utf8) == both, "read, not scanned and written again")
    }

    /// Another installation's entries are checked when they are written back: a damaged one
    /// is dropped (its fonts are scanned when that installation next runs), not given a
    /// checksum that would make it pass.
    @Test func anotherFoldersDamagedEntryIsNotWrittenBack() throws {
        let (file, copy, cache) = try sharedByTwoFolders()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        // Damage the first description of each folder (same count of lines, checksums kept).
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for folder in [Self.fonts.path, copy.path] {
            let entry = try #require(lines.firstIndex { $0.hasPrefix("F\t\(folder)/") })
            lines[entry + 1] = lines[entry + 1].replacingOccurrences(of: ":index=0", with: ":index=7")
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let original = try FontSetup(fontsDirectory: Self.fonts, cache: cache)
        #expect(Self.same(original, try FontSetup(fontsDirectory: Self.fonts)))
        let rewritten = try String(contentsOf: file, encoding: .utf8)
        let copyEntries = rewritten.split(separator: "\n").filter { $0.hasPrefix("F\t\(copy.path)/") }.count
        let originalEntries = rewritten.split(separator: "\n").filter { $0.hasPrefix("F\t\(Self.fonts.path)/") }.count
        #expect(originalEntries > 0 && copyEntries == originalEntries - 1)
    }

    @Test func theStandardPlaceFollowsXDGThenHome() {
        #expect(FontPatternCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.file.path == "/c/briefing/fonts-v2.cache")
        #expect(FontPatternCache.standard(environment: ["HOME": "/h"])?.file.path == "/h/.cache/briefing/fonts-v2.cache")
        #expect(FontPatternCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.file.path == "/h/.cache/briefing/fonts-v2.cache")
        #expect(FontPatternCache.standard(environment: [:]) == nil)
    }
}
