import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's size and modification time, as the input digest records them.
struct FileStatus {
    var size: Int
    /// Seconds since 1970, as `URL.resourceValues` gave them, so manifests written before
    /// keep matching and their hashes are reused.
    var modified: Double

    init(_ info: stat) {
        size = Int(info.st_size)
        // CoreFoundation's arithmetic (seconds since 2001, then back), to the last bit.
        let sinceReference = Double(info.st_mtim.tv_sec) - Date.timeIntervalBetween1970AndReferenceDate
            + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        modified = sinceReference + Date.timeIntervalBetween1970AndReferenceDate
    }

    /// The status of what `path` names, following links; nil if it cannot be read.
    init?(following path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// Every regular file below a folder, with its status: what a briefing may be made from.
/// Links count as what they point to (a section or data file kept elsewhere and linked into
/// the template is an input like any other, and its edits must change the digest); a folder
/// reached twice (a link back up the tree) is walked once. Unreadable folders are skipped.
/// Plain `readdir` and `stat`: Foundation's enumerator and resource values cost about 25
/// million instructions for a ten-section template, on the path of every run.
struct FolderWalker {
    private var visited = Set<[UInt64]>()

    /// - Parameters:
    ///   - skippingHidden: leave out names starting with "." (and what is below them).
    ///   - file: called with each regular file's path and status.
    ///   - folder: called with each folder walked, the first one included.
    mutating func walk(
        _ root: String, skippingHidden: Bool, file: (String, FileStatus?) -> Void, folder: (String) -> Void
    ) {
        var info = stat()
        guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        folder(root)
        guard let stream = opendir(root) else { return }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (skippingHidden && name.hasPrefix(".")) { continue }
            names.append(name)
        }
        closedir(stream)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        for name in names {
            let path = prefix + name
            guard stat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: file(path, FileStatus(info))
            case S_IFDIR: walk(path, skippingHidden: skippingHidden, file: file, folder: folder)
            default: continue
            }
        }
    }
}
