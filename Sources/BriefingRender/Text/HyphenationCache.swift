import Foundation

/// Words hyphenated before, kept between runs for one pattern dictionary. Loading the
/// patterns (libhyphen parses the whole dictionary file into its automaton) is about 41
/// million instructions, far more than hyphenating every word of a briefing, and it ran on
/// the cores the fonts and the template were being read on; a run whose words are all known
/// here never loads them.
///
/// Each word is kept as libhyphen hyphenated it (`hy=phen=ation`, the word with `=` at its
/// break points), for the dictionary file as it was (path, size, modification time): another
/// file, or the same file changed, starts the list again. A line that does not read back as
/// such a word is skipped, and a file cut short loses only its last line.
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

    /// The words kept, each with soft hyphens (U+00AD) at its break points; empty when there
    /// is no file, or it is another format's or another dictionary's.
    func read() -> [String: String] {
        var info = stat()
        guard stat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.largestFile,
            let data = try? Data(contentsOf: file)
        else { return [:] }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // The last piece follows the last line end: empty for a whole file, else cut short.
        guard lines.count > 1, String(decoding: lines[0], as: UTF8.self) == header else { return [:] }
        var words: [String: String] = [:]
        words.reserveCapacity(lines.count - 2)
        for line in lines.dropFirst().dropLast() {
            guard let (word, hyphenated) = Self.entry(line) else { continue }
            words[word] = hyphenated
        }
        return words
    }

    /// A line's word and its hyphenation, if it is one this cache writes: ASCII letters with
    /// single `=` between them, at least seven letters, the first lower case (the only words
    /// `Hyphenator` hyphenates).
    static func entry(_ line: some Collection<UInt8>) -> (word: String, hyphenated: String)? {
        var word = "", hyphenated = ""
        var previous: UInt8 = UInt8(ascii: "=")
        for byte in line {
            let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            if byte == UInt8(ascii: "=") {
                guard previous != UInt8(ascii: "=") else { return nil }
                hyphenated.append("\u{00AD}")
            } else {
                guard isLetter else { return nil }
                word.unicodeScalars.append(Unicode.Scalar(byte))
                hyphenated.unicodeScalars.append(Unicode.Scalar(byte))
            }
            previous = byte
        }
        guard previous != UInt8(ascii: "="), word.utf8.count >= 7, let first = word.utf8.first,
            first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
        else { return nil }
        return (word, hyphenated)
    }

    /// Writes `words` (each with its soft hyphens) in place of the file, in word order, at
    /// most `mostWords` of them: those of `first` before the rest.
    func write(_ words: [String: String], first: Set<String> = []) {
        var kept = words.keys.filter { first.contains($0) }.sorted()
        if kept.count < Self.mostWords {
            kept += words.keys.filter { !first.contains($0) }.sorted().prefix(Self.mostWords - kept.count)
        }
        var text = header + "\n"
        for word in kept.prefix(Self.mostWords).sorted() {
            text += words[word]!.replacingOccurrences(of: "\u{00AD}", with: "=") + "\n"
        }
        CacheFolder.replace(file, with: text)
    }
}
