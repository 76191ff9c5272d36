import CHyphen
import Foundation

/// Inserts soft hyphens (U+00AD) at the break points of a Liang pattern dictionary (libhyphen,
/// the library LibreOffice uses, with Debian's British English patterns). Pango breaks at soft
/// hyphens and draws the hyphen only where it breaks, so justified lines do not gape.
public final class Hyphenator {
    /// The loaded patterns, which libhyphen only reads while hyphenating: shared by the
    /// hyphenators of several threads (`sibling`), each with its own cache.
    private final class Patterns: @unchecked Sendable {
        let dictionary: UnsafeMutablePointer<HyphenDict>
        init(_ dictionary: UnsafeMutablePointer<HyphenDict>) { self.dictionary = dictionary }
        deinit { hnj_hyphen_free(dictionary) }
    }

    private let patterns: Patterns?
    private var dictionary: UnsafeMutablePointer<HyphenDict>? { patterns?.dictionary }
    private var cache: [Substring: String] = [:]

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

    /// Loads the patterns (about 5 ms: libhyphen parses the whole dictionary file).
    public init(language: String = "en-GB") {
        self.language = language
        var loaded: UnsafeMutablePointer<HyphenDict>?
        for path in Self.dictionaryPaths(for: language) where loaded == nil && FileManager.default.fileExists(atPath: path) {
            loaded = hnj_hyphen_load(path)
        }
        patterns = loaded.map(Patterns.init)
    }

    private init(language: String, patterns: Patterns?) {
        self.language = language
        self.patterns = patterns
    }

    /// A hyphenator for another thread: the same patterns, not loaded again, and a cache of
    /// its own (a hyphenator is used by one thread at a time).
    public func sibling() -> Hyphenator { Hyphenator(language: language, patterns: patterns) }

    /// The Debian package that provides patterns for `language` (`hyphen-en-gb`, `hyphen-de`).
    public static func package(for language: String) -> String {
        let parts = language.lowercased().split(separator: "-")
        return parts.count > 1 && parts[0] == "en" ? "hyphen-en-\(parts[1])" : "hyphen-\(parts[0])"
    }

    public var isAvailable: Bool { dictionary != nil }

    /// Hyphenates lowercase-initial words of seven letters or more; names, numbers and short
    /// words are left whole.
    func hyphenate(_ text: String) -> String {
        guard dictionary != nil else { return text }
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
        guard word.count >= 7, let first = word.first, first.isLowercase, let dictionary else { return String(word) }
        if let cached = cache[word] { return cached }
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
                hnj_hyphen_hyphenate3(dictionary, chars.baseAddress, Int32(bytes.count), &hyphens, nil, &rep, &pos, &cut, 3, 3, 3, 3)
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
        return output
    }
}
