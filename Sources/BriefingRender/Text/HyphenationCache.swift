import BriefingModel
import Foundation

/// Words hyphenated before, kept between runs for one pattern dictionary. Loading the
/// patterns (libhyphen parses the whole dictionary file into its automaton) is about 41
/// million instructions, far more than hyphenating every word of a briefing, and it ran on
/// the cores the fonts and the template were being read on; a run whose words are all known
/// here never loads them.
///
/// Each word is kept as libhyphen hyphenated it (`hy=phen=ation`, the word with `=` at its
/// break points), for the dictionary file as it was (path, size, modification time): another
/// file, or the same file changed, starts the list again. The last line counts the words and
/// sums them (`CacheFolder.checksum`): a file that does not add up (cut short, damaged, edited)
/// is not used, and is written whole again by the next run that learns a word.
struct HyphenationCache {
    let file: URL
    let dictionary: CacheFolder.FileStamp

    /// At most this many words are kept (a year of a desk's briefings uses a few thousand).
    static let mostWords = 50_000
    /// The largest file read: 50,000 words are about 600 KiB.
    static let largestFile = 4 << 20
    static let format = "briefing hyphenation 1"

    /// Nil when the dictionary cannot be read (there is nothing to keep words for).
    init?(folder: CacheFolder, dictionary path: String) {
        guard let stamp = CacheFolder.FileStamp.of(path) else { return nil }
        self.init(file: folder.file("hyphenation-\(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent).words"), dictionary: stamp)
    }

    init(file: URL, dictionary: CacheFolder.FileStamp) {
        self.file = file
        self.dictionary = dictionary
    }

    /// The first line: the format, the dictionary the words were hyphenated with and the
    /// fewest letters a break leaves (`Hyphenator.shortest`).
    var header: String {
        "\(Self.format)\t\(dictionary.path)\t\(dictionary.size)\t\(dictionary.modified)\t\(Hyphenator.shortest.left) \(Hyphenator.shortest.right)"
    }

    /// The words kept, looked up in place; empty when there is no file, or it is another
    /// format's or another dictionary's, or does not add up.
    func read() -> Words {
        var info = stat()
        guard stat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.largestFile,
            let data = try? Data(contentsOf: file)
        else { return Words() }
        return Words(Array(data), header: header) ?? Words()
    }

    /// The words of a cache file, found by binary search in its bytes (the file is sorted by
    /// word): a run looks up a few hundred words, and parsing every line of a large cache
    /// into strings cost more than the patterns it saves.
    struct Words: Sendable {
        private let bytes: [UInt8]
        /// Each word line's bytes, `=` and all, in file order.
        private let lines: [Range<Int>]

        init() {
            bytes = []
            lines = []
        }

        /// Nil unless the file is `header`, word lines, and the trailer that counts and sums
        /// them (`trailer`), each line ended by a line end.
        init?(_ bytes: [UInt8], header: String) {
            var lines: [Range<Int>] = []
            var start = 0
            while let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(start..<end)
                start = end + 1
            }
            guard start == bytes.count, lines.count >= 2, bytes[lines[0]].elementsEqual(header.utf8) else { return nil }
            let words = Array(lines[1..<(lines.count - 1)])
            // The checksum of the word lines, each with its line end: the bytes between the
            // header and the trailer, as they are.
            let body = words.isEmpty ? 0..<0 : words[0].lowerBound..<(words[words.count - 1].upperBound + 1)
            let trailer = HyphenationCache.trailer(count: words.count, checksum: CacheFolder.checksum(bytes: bytes[body]))
            guard bytes[lines[lines.count - 1]].elementsEqual(trailer.utf8) else { return nil }
            self.bytes = bytes
            self.lines = words
        }

        var isEmpty: Bool { lines.isEmpty }
        var count: Int { lines.count }

        /// `word` with soft hyphens (U+00AD) at its break points, if it is kept (and its
        /// line is one the cache writes: `HyphenationCache.entry`).
        func hyphenated(_ word: some StringProtocol) -> String? {
            var word = String(word)
            return word.withUTF8 { key -> String? in
                var low = 0, high = lines.count
                while low < high {
                    let middle = (low + high) / 2
                    switch compare(key, lines[middle]) {
                    case .orderedSame:
                        guard let entry = HyphenationCache.entry(bytes[lines[middle]]), entry.word.utf8.elementsEqual(key) else { return nil }
                        return entry.hyphenated
                    case .orderedAscending: high = middle
                    case .orderedDescending: low = middle + 1
                    }
                }
                return nil
            }
        }

        /// `key` against the word of `line` (its bytes without `=`), bytewise.
        private func compare(_ key: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> ComparisonResult {
            var index = line.lowerBound
            for byte in key {
                while index < line.upperBound, bytes[index] == UInt8(ascii: "=") { index += 1 }
                guard index < line.upperBound else { return .orderedDescending }
                if byte != bytes[index] { return byte < bytes[index] ? .orderedAscending : .orderedDescending }
                index += 1
            }
            while index < line.upperBound, bytes[index] == UInt8(ascii: "=") { index += 1 }
            return index < line.upperBound ? .orderedAscending : .orderedSame
        }

        /// Every word kept (for a writer adding its own): parsed in full, so only when a run
        /// learned words. Empty if a line is not one the cache writes.
        func all() -> [String: String] {
            var words: [String: String] = [:]
            words.reserveCapacity(lines.count)
            for line in lines {
                guard let (word, hyphenated) = HyphenationCache.entry(bytes[line]) else { return [:] }
                words[word] = hyphenated
            }
            return words
        }
    }

    /// The last line: how many words, and their checksum (`CacheFolder.checksum`). Written
    /// from the lines, read back against the file's bytes.
    static func trailer(count: Int, checksum: String) -> String { "end\t\(count)\t\(checksum)" }

    /// A line's word and its hyphenation, if it is one this cache writes: ASCII letters with
    /// single `=` between them, at least seven letters, the first lower case (the only words
    /// `Hyphenator` hyphenates).
    static func entry(_ line: some Collection<UInt8>) -> (word: String, hyphenated: String)? {
        var word = "", hyphenated = ""
        var letters = 0, sinceBreak = 0, breaks = 0
        for byte in line {
            if byte == UInt8(ascii: "=") {
                // Breaks leave the fewest letters libhyphen was asked to leave before the first
                // and after the last (`Hyphenator.shortest`), and are never side by side.
                guard sinceBreak > 0, letters >= Int(Hyphenator.shortest.left) else { return nil }
                hyphenated.append("\u{00AD}")
                sinceBreak = 0
                breaks += 1
                continue
            }
            let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            guard isLetter else { return nil }
            word.unicodeScalars.append(Unicode.Scalar(byte))
            hyphenated.unicodeScalars.append(Unicode.Scalar(byte))
            letters += 1
            sinceBreak += 1
        }
        guard breaks == 0 || sinceBreak >= Int(Hyphenator.shortest.right), letters >= 7, let first = word.utf8.first,
            first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
        else { return nil }
        return (word, hyphenated)
    }

    /// Adds `words` (each with its soft hyphens) to the file, with those another run or
    /// thread wrote since it was read: at most `mostWords`, `words` before the rest.
    func add(_ words: [String: String]) {
        CacheFolder.whileWriting {
            write(read().all().merging(words) { _, new in new }, first: Set(words.keys))
        }
    }

    /// Writes `words` (each with its soft hyphens) in place of the file, in word order, at
    /// most `mostWords` of them: those of `first` before the rest.
    func write(_ words: [String: String], first: Set<String> = []) {
        var kept = words.keys.filter { first.contains($0) }.sorted()
        if kept.count < Self.mostWords {
            kept += words.keys.filter { !first.contains($0) }.sorted().prefix(Self.mostWords - kept.count)
        }
        // In word order, bytewise (how `Words` searches them); only lines that read back as
        // what they say (a word libhyphen broke otherwise than this file can hold would make
        // the whole file unreadable).
        let lines = kept.prefix(Self.mostWords).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { words[$0]!.replacingEvery("\u{00AD}", with: "=") }
            .filter { line in Self.entry(line.utf8).map { words[$0.word] == $0.hyphenated } ?? false }
        CacheFolder.replace(file, with: ([header] + lines + [Self.trailer(count: lines.count, checksum: CacheFolder.checksum(lines))]).joined(separator: "\n") + "\n")
    }
}
