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
/// A link inside the folder counts as what it points to (a section or data file kept
/// elsewhere in the template and linked, and its edits change the digest). A link that leaves
/// the folder does not count (the template loader refuses such files, so they can never be
/// inputs; following one to `/` walked the whole machine), nor one into a hidden file or
/// folder when hidden names are skipped (a link to a run's own `.briefing/` log or manifest
/// changed with every run); `outsideFiles` lets links to
/// files elsewhere count (the fonts: a packaged font may be a link). A folder reached twice
/// is walked once. Unreadable folders are skipped.
/// Plain `readdir` and `stat`: Foundation's enumerator and resource values cost about 25
/// million instructions for a ten-section template, on the path of every run.
struct FolderWalker {
    private var visited = Set<[UInt64]>()

    /// The path with every link resolved; nil if it does not resolve.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// - Parameters:
    ///   - skippingHidden: leave out names starting with "." (and what is below them).
    ///   - outsideFiles: links to regular files outside the folder count too.
    ///   - file: called with each regular file's path, status and resolved path.
    ///   - folder: called with each folder walked, the first one included.
    mutating func walk(
        _ root: String, skippingHidden: Bool, outsideFiles: Bool = false, file: (String, FileStatus?, String) -> Void,
        folder: (String) -> Void
    ) {
        guard let inside = Self.resolved(root) else { return }
        walk(root, inside: inside.hasSuffix("/") ? inside : inside + "/", skippingHidden: skippingHidden, outsideFiles: outsideFiles,
             file: file, folder: folder)
    }

    private mutating func walk(
        _ root: String, inside: String, skippingHidden: Bool, outsideFiles: Bool, file: (String, FileStatus?, String) -> Void,
        folder: (String) -> Void
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
            guard lstat(path, &info) == 0 else { continue }
            var real = path
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let target = Self.resolved(path), stat(path, &info) == 0 else { continue }
                let isFile = info.st_mode & S_IFMT == S_IFREG
                guard target.hasPrefix(inside) || (outsideFiles && isFile) else { continue }
                // Nor does a link into a hidden folder or file (a `.briefing/` state folder).
                if skippingHidden, target.hasPrefix(inside), target.dropFirst(inside.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    continue
                }
                real = target
            } else if let target = Self.resolved(path) {
                real = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: file(path, FileStatus(info), real)
            case S_IFDIR:
                walk(path, inside: inside, skippingHidden: skippingHidden, outsideFiles: outsideFiles, file: file, folder: folder)
            default: continue
            }
        }
    }
}
