import Foundation

/// Dated copies of each published briefing in `archive/` beside it, keeping the newest `keep`.
public enum Archive {
    /// Copies `file` to `archive/<stem>-<timestamp>.<ext>` with the file's own permissions
    /// (`FileCopy`),
    /// and deletes the oldest copies beyond `keep`; returns the copy's URL. Only copies named
    /// exactly as this writes them are counted or deleted, and never the one just made.
    @discardableResult
    public static func store(_ file: URL, at date: Date, keep: Int) throws -> URL {
        let folder = file.deletingLastPathComponent().appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = file.deletingPathExtension().lastPathComponent, ext = file.pathExtension
        let name = OwnedFiles.archiveName(stem: stem, ext: ext, at: date)
        let copy = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.removeItem(at: copy) }
        try FileCopy.copy(file, to: copy)
        // Run as root for another user's briefing, the copy is that user's too.
        var owner = stat()
        if getuid() == 0, stat(file.path, &owner) == 0 { _ = chown(copy.path, owner.st_uid, owner.st_gid) }
        // Timestamps sort as text, so the oldest copies come first.
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0 != name && OwnedFiles.isArchiveCopy($0, stem: stem, ext: ext) }.sorted()
        for old in copies.dropLast(max(0, keep - 1)) { try FileManager.default.removeItem(at: folder.appendingPathComponent(old)) }
        return copy
    }
}
