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

    /// A cache of another dictionary file (or of this one before it changed) is not used,
    /// nor one that does not add up: cut short, damaged, or edited into well-formed lines
    /// that are not libhyphen's.
    @Test func onlyAWholeCacheOfTheSameDictionaryIsUsed() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let path = try #require(Hyphenator.dictionaryPaths(for: "en-GB").first { FileManager.default.fileExists(atPath: $0) })
        let cache = try #require(HyphenationCache(folder: folder, dictionary: path))
        let words = ["hyphenation": "hyphen\u{00AD}ation", "separately": "sep\u{00AD}a\u{00AD}rately", "section": "section"]
        cache.write(words)
        #expect(cache.read().all() == words)
        let text = try String(contentsOf: cache.file, encoding: .utf8)

        var other = cache.dictionary
        other.size += 1
        #expect(HyphenationCache(file: cache.file, dictionary: other).read().isEmpty)

        for damaged in [
            text.replacingOccurrences(of: "sep=a=rately", with: "se=pa=rately"),  // well formed, not libhyphen's
            text.replacingOccurrences(of: "hyphen=ation", with: "hyphenation"),
            text.replacingOccurrences(of: "\nsection\n", with: "\nsection\nsection\n"),
            String(text.dropLast(5)), String(text.dropLast()), text + "extrawords\n",
        ] {
            try damaged.write(to: cache.file, atomically: true, encoding: .utf8)
            #expect(cache.read().isEmpty, "\(damaged)")
        }
    }

    /// Words are found in the file in place, among many: each kept word, never a word that
    /// is not kept (one that begins or ends like a kept word included).
    @Test func wordsAreFoundAmongMany() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let path = try #require(Hyphenator.dictionaryPaths(for: "en-GB").first { FileManager.default.fileExists(atPath: $0) })
        let cache = try #require(HyphenationCache(folder: folder, dictionary: path))
        var generator = SystemRandomNumberGenerator()
        var words: [String: String] = [:]
        while words.count < 20_000 {
            let letters = String((0..<Int.random(in: 7...14, using: &generator)).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator)! })
            let cut = letters.index(letters.startIndex, offsetBy: letters.count / 2)
            words[letters] = Bool.random(using: &generator) ? letters : letters[..<cut] + "\u{00AD}" + letters[cut...]
        }
        words["abcdefgh"] = "abc\u{00AD}defgh"
        words["abcdefghij"] = "abcdefghij"
        cache.write(words)
        let kept = cache.read()
        #expect(kept.count == words.count)
        for (word, hyphenated) in words { #expect(kept.hyphenated(word) == hyphenated) }
        for absent in ["abcdefg", "abcdefghi", "abcdefghijk", "aaaaaaaaaaaaaaaa", "zzzzzzzzzzzzzzzz", "Abcdefgh", ""] where words[absent] == nil {
            #expect(kept.hyphenated(absent) == nil, "\(absent)")
        }
    }

    /// Lines the cache never writes are refused even with a checksum that adds up: breaks
    /// side by side or closer to an end than libhyphen was asked to leave, short or
    /// capitalised words, other characters.
    @Test func linesOutsideWhatTheCacheWritesAreRefused() {
        for line in ["ab=cdefgh", "abcdefg=h", "abc==defg", "=abcdefg", "abcdefg=", "Capi=talised", "short", "non-letters", "\u{00FC}mlauted=words"] {
            #expect(HyphenationCache.entry(Array(line.utf8)) == nil, "\(line)")
        }
        #expect(HyphenationCache.entry(Array("sep=a=rately".utf8))?.hyphenated == "sep\u{00AD}a\u{00AD}rately")
        #expect(HyphenationCache.entry(Array("section".utf8))?.word == "section")
    }

    /// Two writers (a batch's workers, two runs at once, a watch and a run) each add their
    /// words to what the file holds when they write, so neither loses the other's.
    @Test func writersAddToWhatIsThere() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        let first = Hyphenator(cache: folder), second = Hyphenator(cache: folder)
        #expect(first.hyphenate("counterrevolutionaries") != "counterrevolutionaries")
        #expect(second.hyphenate("internationalisation") != "internationalisation")
        first.save()
        second.save()
        let third = Hyphenator(cache: folder)
        #expect(third.hyphenate("counterrevolutionaries internationalisation") == Hyphenator().hyphenate("counterrevolutionaries internationalisation"))
        #expect(!third.patternsLoaded)
    }

    /// The temporary a cache is written through is a new file: a link planted under its
    /// name is not followed.
    @Test func aPlantedTemporaryIsNotFollowed() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder.url.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let victim = folder.url.appendingPathComponent("victim.txt")
        try "keep".write(to: victim, atomically: true, encoding: .utf8)
        let file = folder.file("some.cache")
        try FileManager.default.createSymbolicLink(at: folder.file(".some.cache.\(getpid()).tmp"), withDestinationURL: victim)
        CacheFolder.replace(file, with: "new\n")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
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
