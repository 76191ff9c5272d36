import Foundation
import Testing

@testable import BriefingRender

/// Words hyphenated in an earlier run come from the cache: exactly as libhyphen hyphenates
/// them, without loading the patterns when every word is known, and only for the dictionary
/// file they were hyphenated with.
@Suite struct HyphenationCacheTests {
    func folder() -> CacheFolder {
        CacheFolder(url: FileManager.default.temporaryDirectory.appendingPathComponent("briefing-hyphenation-\(UUID().uuidString)/briefing"))
    }

    static func text() throws -> String { try ShapeReuseTests.essays().joined(separator: "\n") }

    @Test func wordsFromTheCacheAreHyphenatedAsByThePatterns() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let text = try Self.text()
        let plain = Hyphenator()
        try #require(plain.isAvailable)
        let expected = plain.hyphenate(text)
        #expect(expected.contains("\u{00AD}"))

        let first = Hyphenator(cache: folder)
        #expect(first.hyphenate(text) == expected)
        #expect(first.patternsLoaded)
        first.save()
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasSuffix(".words") })
        #expect(file == "hyphenation-hyph_en_GB.words")

        let second = Hyphenator(cache: folder)
        #expect(second.isAvailable)
        #expect(second.hyphenate(text) == expected)
        #expect(second.sibling().hyphenate(text) == expected)
        #expect(!second.patternsLoaded, "every word was known")

        // A new word loads the patterns, and is kept for the next run.
        let word = "counterrevolutionaries"
        #expect(second.hyphenate(word) == plain.hyphenate(word))
        #expect(second.patternsLoaded)
        second.save()
        let third = Hyphenator(cache: folder)
        #expect(third.hyphenate(text + " " + word) == plain.hyphenate(text + " " + word))
        #expect(!third.patternsLoaded)
    }

    /// A cache of another dictionary file (or of this one before it changed) is not used, and
    /// lines that are not words as the cache writes them are skipped.
    @Test func onlyWholeWordsOfTheSameDictionaryAreUsed() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let path = try #require(Hyphenator.dictionaryPaths(for: "en-GB").first { FileManager.default.fileExists(atPath: $0) })
        let cache = try #require(HyphenationCache(folder: folder, dictionary: path))
        cache.write(["hyphenation": "hy\u{00AD}phen\u{00AD}ation", "separately": "sep\u{00AD}a\u{00AD}rately"])
        #expect(cache.read() == ["hyphenation": "hy\u{00AD}phen\u{00AD}ation", "separately": "sep\u{00AD}a\u{00AD}rately"])

        let lines = try String(contentsOf: cache.file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var other = cache.dictionary
        other.size += 1
        let stale = HyphenationCache(file: cache.file, dictionary: other)
        #expect(stale.read().isEmpty)

        let damaged = [lines[0]] + ["ab=cd", "Capi=talised", "dou==ble", "end=ing=", "=leading", "non-letter", "ümlauted=words", "hy=phen=ation"]
            + ["sepa=rately"]
        try (damaged.joined(separator: "\n")).write(to: cache.file, atomically: true, encoding: .utf8)
        // The last line has no line end: cut short, so not read.
        #expect(cache.read() == ["hyphenation": "hy\u{00AD}phen\u{00AD}ation"])
    }

    /// A machine without the patterns hyphenates nothing and keeps nothing.
    @Test func withoutPatternsNothingIsKept() {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let hyphenator = Hyphenator(language: "xx-YY", cache: folder)
        #expect(!hyphenator.isAvailable)
        #expect(hyphenator.hyphenate("nothingness everywhere") == "nothingness everywhere")
        hyphenator.save()
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
    }
}
