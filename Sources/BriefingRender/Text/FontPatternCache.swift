import CCairoPango
import Foundation

/// What fontconfig reads from each bundled font file (family, style, weight, the characters
/// it covers), kept between runs. Registering the fonts made fontconfig open every file and
/// walk its character map on every run: about 21 million instructions, most of them the
/// Chinese fallback font's 30,000 characters, on the thread whose fonts layout waits for.
///
/// fontconfig keeps such caches only for the folders of its own configuration; ours is private
/// (`FontSetup`), so the descriptions are kept here as fontconfig writes them
/// (`FcNameUnparse`), by file path, size and modification time, for the fontconfig version
/// that made them. A description is kept only if it reads back equal to the original, so a
/// font set from the cache is the font set of a fresh scan. A missing, unreadable or damaged
/// cache only means the files are read again; a cache that cannot be written is not an error.
public struct FontPatternCache: Sendable {
    /// The file the descriptions are kept in.
    public let file: URL

    public init(file: URL) { self.file = file }

    /// `fonts-v2.cache` in the standard cache folder (`CacheFolder`); nil without one (a bare
    /// `env -i` run scans its fonts every time).
    public static func standard(environment: [String: String]) -> FontPatternCache? {
        CacheFolder.standard(environment: environment).map { FontPatternCache(file: $0.file(fileName)) }
    }

    /// The cache's name in its folder.
    public static let fileName = "fonts-v2.cache"

    /// A font file as the cache knows it: where, how large, when last changed.
    typealias Key = CacheFolder.FileStamp

    /// At most this many entries for font files of other folders are kept.
    static let otherFilesKept = 200

    /// The first line: the format and the fontconfig that wrote the descriptions.
    static var header: String { "briefing font descriptions 2, fontconfig \(FcGetVersion())" }

    /// One file's descriptions as the cache holds them, with the checksum written beside them.
    struct Entry {
        var patterns: [String]
        var checksum: String

        /// Whether the descriptions are those the checksum was made of. Checked only for the
        /// entries a run uses (and those it writes back): the cache holds every installation's
        /// fonts, and summing them all was most of reading it.
        var isWhole: Bool { FontPatternCache.checksum(patterns) == checksum }
    }

    /// The descriptions kept, by file; empty if there is no cache or it is not this format's.
    /// An entry counts only whole: as many descriptions as it says (a cut is seen here), with
    /// its checksum (`Entry.isWhole`, checked where the entry is used).
    func read() -> [Key: Entry] {
        // Bytes, not characters: the descriptions are split on "\n" and "\t" only. A file far
        // larger than any set of fonts needs is not read (it is replaced when next written).
        var info = stat()
        guard stat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.largestFile,
            let data = try? Data(contentsOf: file)
        else { return [:] }
        return [UInt8](data).withUnsafeBufferPointer { bytes in
            var kept: [Key: Entry] = [:]
            var current: (key: Key, count: Int, checksum: String)?
            var patterns: [String] = []
            func close() {
                if let entry = current, patterns.count == entry.count {
                    kept[entry.key] = Entry(patterns: patterns, checksum: entry.checksum)
                }
                current = nil
                patterns = []
            }
            var start = 0, first = true
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                // A last line without its line end was cut short: it does not count.
                guard end < bytes.count else { break }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if first {
                    guard String(decoding: line, as: UTF8.self) == Self.header else { return [:] }
                    first = false
                    continue
                }
                guard line.count > 2, line[1] == UInt8(ascii: "\t") else {
                    close()
                    continue
                }
                let rest = UnsafeBufferPointer(rebasing: line[2...])
                if line[0] == UInt8(ascii: "P") {
                    if current != nil { patterns.append(String(decoding: rest, as: UTF8.self)) }
                    continue
                }
                close()
                guard line[0] == UInt8(ascii: "F") else { continue }
                let fields = rest.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                    .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
                guard fields.count == 5, let size = Int64(fields[1]), let modified = Int64(fields[2]), let count = Int(fields[3]), count > 0
                else { continue }
                current = (Key(path: fields[0], size: size, modified: modified), count, fields[4])
            }
            close()
            return kept
        }
    }

    /// The largest cache file read: the bundled fonts' descriptions are about 20 KiB.
    static let largestFile = 4 * 1024 * 1024

    /// An entry's checksum, so one cut short or damaged on disk is noticed and its file
    /// scanned again.
    static func checksum(_ patterns: [String]) -> String { CacheFolder.checksum(patterns) }

    /// Writes `descriptions` in place of the cache, whole (a temporary renamed over it).
    func write(_ descriptions: [(key: Key, patterns: [String])]) {
        var text = Self.header + "\n"
        for (key, patterns) in descriptions {
            text += "F\t\(key.path)\t\(key.size)\t\(key.modified)\t\(patterns.count)\t\(Self.checksum(patterns))\n"
            for pattern in patterns { text += "P\t\(pattern)\n" }
        }
        CacheFolder.replace(file, with: text)
    }

    /// `pattern` as text that reads back equal to it, or nil if it does not (then the file
    /// is read again next time rather than trusted to a lossy description).
    static func describe(_ pattern: OpaquePointer) -> String? {
        guard let text = FcNameUnparse(pattern) else { return nil }
        defer { free(text) }
        let description = String(cString: text)
        guard !description.contains("\n"), let back = FcNameParse(text) else { return nil }
        defer { FcPatternDestroy(back) }
        return FcPatternEqual(pattern, back) != 0 ? description : nil
    }

    /// Each file's font descriptions, in order: from the cache where it has the file as it is
    /// now, else read by fontconfig (and the cache written again). Nil if a file is not a
    /// font fontconfig can read. The caller owns the patterns.
    func patterns(for files: [String]) -> [(file: String, patterns: [OpaquePointer])]? {
        let kept = read()
        var result: [(file: String, patterns: [OpaquePointer])] = []
        var descriptions: [(key: Key, patterns: [String])] = []
        var changed = false
        func release() { result.flatMap(\.patterns).forEach { FcPatternDestroy($0) } }
        for file in files {
            let key = Key.of(file)
            if let key, let entry = kept[key], !entry.patterns.isEmpty, entry.isWhole {
                let texts = entry.patterns
                let parsed = texts.compactMap { FcNameParse($0) }
                if parsed.count == texts.count, parsed.allSatisfy({ Self.isComplete($0, file: file) }) {
                    result.append((file, parsed))
                    descriptions.append((key, texts))
                    continue
                }
                parsed.forEach { FcPatternDestroy($0) }
            }
            changed = true
            guard let scanned = Self.scan(file) else {
                release()
                return nil
            }
            result.append((file, scanned))
            let texts = scanned.compactMap(Self.describe)
            if let key, texts.count == scanned.count { descriptions.append((key, texts)) }
        }
        if changed {
            // Other installations' fonts (another BRIEFING_HOME, a build tree and an
            // installed copy) keep their entries, so two of them do not scan in turn.
            let here = Set(files)
            let others = kept.filter { !here.contains($0.key.path) && $0.value.isWhole }.sorted { $0.key.path < $1.key.path }
                .prefix(Self.otherFilesKept)
            write(descriptions + others.map { (key: $0.key, patterns: $0.value.patterns) })
        }
        return result
    }

    /// Whether a description read back has what Pango relies on for a font of `file`: that
    /// file, an index, a family and a character set (Pango crashes on a font without them).
    static func isComplete(_ pattern: OpaquePointer, file: String) -> Bool {
        var text: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FILE, 0, &text) == FcResultMatch, let text, String(cString: text) == file else { return false }
        var family: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        var charset: OpaquePointer?
        return FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch
            && FcPatternGetInteger(pattern, FC_INDEX, 0, &index) == FcResultMatch
            && FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch
    }

    /// Every face of `file`, as fontconfig describes fonts it scans; nil if it is not a font.
    static func scan(_ file: String) -> [OpaquePointer]? {
        guard let set = FcFontSetCreate() else { return nil }
        defer { FcFontSetDestroy(set) }
        guard FcFreeTypeQueryAll(file, UInt32.max, nil, nil, set) > 0, set.pointee.nfont > 0 else { return nil }
        return (0..<Int(set.pointee.nfont)).compactMap { index in
            guard let pattern = set.pointee.fonts[index] else { return nil }
            FcPatternReference(pattern)
            return pattern
        }
    }
}
