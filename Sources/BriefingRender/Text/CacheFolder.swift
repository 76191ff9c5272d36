import Foundation

/// Where Briefing keeps what it learns between runs and can always work out again (the font
/// files' descriptions, words hyphenated before): `$XDG_CACHE_HOME/briefing/`, else
/// `$HOME/.cache/briefing/`, as fontconfig keeps its own caches. Losing the folder costs the
/// next run some time, nothing else; a cache that cannot be written is not an error.
public struct CacheFolder: Sendable, Equatable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// Nil with neither variable (a bare `env -i` run works everything out every time).
    public static func standard(environment: [String: String]) -> CacheFolder? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return CacheFolder(url: URL(fileURLWithPath: cache).appendingPathComponent("briefing"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return CacheFolder(url: URL(fileURLWithPath: home).appendingPathComponent(".cache/briefing"))
        }
        return nil
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A file a cache entry was made from, as it was: where, how large, when last changed.
    /// An entry is used only while its file is still so.
    struct FileStamp: Hashable {
        var path: String
        var size: Int64
        var modified: Int64

        /// The file as it is now; nil if it cannot be read.
        static func of(_ path: String) -> FileStamp? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileStamp(
                path: path, size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }
    }

    /// Writes `text` in place of `file` (in a cache folder), whole: a temporary renamed over
    /// it, so a reader sees the old file or the new one. The cache's own folder is made, and
    /// its parent (`~/.cache`), but never a home that does not exist (system accounts'
    /// `/nonexistent` is meant never to).
    static func replace(_ file: URL, with text: String) {
        // One writer at a time in a process: the temporary is named by the process (a batch's
        // two workers may each write the same cache).
        writing.lock()
        defer { writing.unlock() }
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().deletingLastPathComponent().path) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeAbandonedTemporaries(of: file)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        // A new file, never one already there (nor a link planted under the name).
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let failed = writeAll(Data(text.utf8), to: descriptor) != nil
        guard close(descriptor) == 0, !failed else {
            unlink(temporary.path)
            return
        }
        if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }

    private static let writing = NSRecursiveLock()

    /// Runs `body` as the process's one writer of cache files (`replace` takes the same lock,
    /// so a read-merge-write inside it sees no other thread's write in between).
    static func whileWriting<T>(_ body: () -> T) -> T {
        writing.lock()
        defer { writing.unlock() }
        return body()
    }

    /// FNV-1a over lines, so an entry cut short or damaged on disk is noticed and worked out
    /// again (not a defence against deliberate edits: a cache is the user's own file, as
    /// fontconfig's caches are).
    static func checksum(_ lines: some Sequence<String>) -> String {
        var text: [UInt8] = []
        for line in lines {
            text += line.utf8
            text.append(0x0A)
        }
        return checksum(bytes: text[...])
    }

    /// The same sum over lines already joined, each with its line end.
    static func checksum(bytes: ArraySlice<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Temporaries of writers of `file` that were killed (`.NAME.PID.tmp` whose process is gone).
    private static func removeAbandonedTemporaries(of file: URL) {
        let folder = file.deletingLastPathComponent()
        let prefix = ".\(file.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let digits = name.dropFirst(prefix.count).dropLast(4)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), !digits.hasPrefix("0"),
                let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
