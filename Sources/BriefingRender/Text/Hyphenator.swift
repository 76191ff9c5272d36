import CHyphen
import Foundation

/// Inserts soft hyphens (U+00AD) at the break points of a Liang pattern dictionary (libhyphen,
/// the library LibreOffice uses, with Debian's British English patterns). Pango breaks at soft
/// hyphens and draws the hyphen only where it breaks, so justified lines do not gape.
///
/// Words hyphenated in earlier runs come from a cache (`HyphenationCache`), and the patterns
/// are loaded only for a word it does not have: loading them is most of hyphenating a briefing.
public final class Hyphenator {
    /// What a hyphenator shares with its siblings on other threads: the dictionary, its
    /// patterns once loaded (libhyphen only reads them while hyphenating), the words the cache
    /// had and the words hyphenated since.
    private final class Shared: @unchecked Sendable {
        /// The dictionary chosen for the language: the first of `dictionaryPaths` that exists.
        let path: String?
        let cache: HyphenationCache?
        /// The cache's words, read once (never changed, so read without the lock).
        let known: HyphenationCache.Words
        private let lock = NSLock()
        private var tried = false
        private var loaded: UnsafeMutablePointer<HyphenDict>?
        /// Whether the loaded patterns are those of `path` (the cache's dictionary).
        private var loadedPath = false
        private var learned: [String: String] = [:]
        private var saved = 0

        init(paths: [String], cache folder: CacheFolder?) {
            let path = paths.first { FileManager.default.fileExists(atPath: $0) }
            let cache = folder.flatMap { folder in path.flatMap { HyphenationCache(folder: folder, dictionary: $0) } }
            self.path = path
            self.cache = cache
            self.paths = paths
            known = cache?.read() ?? HyphenationCache.Words()
        }

        private let paths: [String]

        /// The patterns, loaded on first use: the chosen dictionary, else (one libhyphen
        /// cannot read) the next that loads, as before there was a cache.
        var patterns: UnsafeMutablePointer<HyphenDict>? {
            lock.lock()
            defer { lock.unlock() }
            if !tried {
                tried = true
                for candidate in paths where loaded == nil && FileManager.default.fileExists(atPath: candidate) {
                    loaded = hnj_hyphen_load(candidate)
                    loadedPath = loaded != nil && candidate == path
                }
            }
            return loaded
        }

        var isLoaded: Bool {
            lock.lock()
            defer { lock.unlock() }
            return loaded != nil
        }

        /// Keeps a word the patterns hyphenated, for the cache (only the cache's dictionary's).
        func learn(_ word: String, _ hyphenated: String) {
            lock.lock()
            defer { lock.unlock() }
            if loadedPath { learned[word] = hyphenated }
        }

        /// Adds to the cache the words learned since it was last written.
        func save() {
            lock.lock()
            defer { lock.unlock() }
            guard let cache, learned.count > saved else { return }
            cache.add(learned)
            saved = learned.count
        }

        deinit { if let loaded { hnj_hyphen_free(loaded) } }
    }

    private let shared: Shared
    /// This thread's words, as hyphenated (a word is looked up once per hyphenator).
    private var cache: [Substring: String] = [:]

    /// The fewest letters left before and after a break (libhyphen's lhmin and rhmin, also
    /// for compound words). The cache's words were hyphenated with these (`HyphenationCache`).
    static let shortest = (left: Int32(3), right: Int32(3))

    /// The folder of Debian's pattern packages (hyphen-en-gb, hyphen-de, hyphen-fr, ...).
    static let folder = "/usr/share/hyphen"

    /// The language whose patterns these are (a BCP 47 tag such as `en-GB` or `de`).
    public let language: String

    /// Dictionaries for `language`, searched in order: the exact region, then any region of
    /// the language, then the bare language. A missing dictionary disables hyphenation
    /// rather than failing the run.
    static func dictionaryPaths(for language: String) -> [String] {
        let parts = language.split(separator: "-").map(String.init)
        let base = parts[0].lowercased()
        var paths: [String] = []
        if parts.count > 1 { paths.append("\(folder)/hyph_\(base)_\(parts[1].uppercased()).dic") }
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("hyph_\(base)_") && $0.hasSuffix(".dic") }.sorted()
        paths += others.map { "\(folder)/\($0)" }
        paths.append("\(folder)/hyph_\(base).dic")
        return paths
    }

    /// Reads the words kept in `cache` (a folder; nil keeps none) for the language's
    /// dictionary. The patterns are loaded when a word is not among them.
    public init(language: String = "en-GB", cache: CacheFolder? = nil) {
        self.language = language
        shared = Shared(paths: Self.dictionaryPaths(for: language), cache: cache)
    }

    private init(language: String, shared: Shared) {
        self.language = language
        self.shared = shared
    }

    /// A hyphenator for another thread: the same patterns and known words, not loaded
    /// again, and a lookup of its own (a hyphenator is used by one thread at a time).
    public func sibling() -> Hyphenator { Hyphenator(language: language, shared: shared) }

    /// Loads the patterns now unless the cache knows words (a first run, or a dictionary that
    /// changed): the prefetch thread then loads them before the first paragraph needs them.
    public func loadPatternsUnlessCached() {
        if shared.known.isEmpty { _ = shared.patterns }
    }

    /// Whether the patterns are loaded (a run whose words were all known never loads them).
    public var patternsLoaded: Bool { shared.isLoaded }

    /// Writes the words hyphenated since the cache was read (or last written) to the cache.
    public func save() { shared.save() }

    /// The Debian package that provides patterns for `language` (`hyphen-en-gb`, `hyphen-de`).
    public static func package(for language: String) -> String {
        let parts = language.lowercased().split(separator: "-")
        return parts.count > 1 && parts[0] == "en" ? "hyphen-en-\(parts[1])" : "hyphen-\(parts[0])"
    }

    /// Patterns can be had: words from them are cached (they loaded before, from this very
    /// file), or they load now.
    public var isAvailable: Bool { !shared.known.isEmpty || shared.patterns != nil }

    /// Hyphenates lowercase-initial words of seven letters or more; names, numbers and short
    /// words are left whole.
    func hyphenate(_ text: String) -> String {
        guard shared.path != nil else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var word = Substring()
        var wordStart = text.startIndex
        var inWord = false
        for index in text.indices {
            let character = text[index]
            if character.isLetter && character.isASCII {
                if !inWord {
                    inWord = true
                    wordStart = index
                }
            } else {
                if inWord {
                    word = text[wordStart..<index]
                    result += hyphenateWord(word)
                    inWord = false
                }
                result.append(character)
            }
        }
        if inWord { result += hyphenateWord(text[wordStart...]) }
        return result
    }

    private func hyphenateWord(_ word: Substring) -> String {
        guard word.count >= 7, let first = word.first, first.isLowercase else { return String(word) }
        if let cached = cache[word] { return cached }
        if let known = shared.known.hyphenated(word) {
            cache[word] = known
            return known
        }
        guard let dictionary = shared.patterns else { return String(word) }
        let bytes = Array(word.utf8)
        // libhyphen takes a length but also runs strstr() over the word (its NOHYPHEN rules),
        // so the word must end in a NUL; without one it reads past the buffer and, on a match
        // in whatever follows, writes past `hyphens` (valgrind caught the heap corruption).
        let terminated = bytes + [0]
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hnj_hyphen_hyphenate3(
                    dictionary, chars.baseAddress, Int32(bytes.count), &hyphens, nil, &rep, &pos, &cut, Self.shortest.left, Self.shortest.right,
                    Self.shortest.left, Self.shortest.right)
            }
        }
        defer {
            if let rep { free(rep) }
            if let pos { free(pos) }
            if let cut { free(cut) }
        }
        guard status == 0 else { return String(word) }
        var output = ""
        for (offset, character) in word.enumerated() {
            output.append(character)
            if offset < bytes.count - 1, hyphens[offset] & 1 == 1 { output.append("\u{00AD}") }
        }
        cache[word] = output
        shared.learn(String(word), output)
        return output
    }
}
