import Foundation

/// Dated copies of each published briefing in `archive/` beside it, keeping the newest `keep`.
public enum Archive {
    /// Copies `file` to `archive/<stem>-<timestamp>.<ext>` (no `.<ext>` for a name without
    /// one) with the file's own permissions
    /// (`FileCopy`),
    /// and deletes the oldest copies beyond `keep`; returns the copy's URL. Only copies named
    /// exactly as this writes them are counted or deleted, and never the one just made.
    @discardableResult
    public static func store(_ file: URL, at date: Date, keep: Int) throws -> URL {
        let folder = file.deletingLastPathComponent().appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = file.deletingPathExtension().lastPathComponent, ext = file.pathExtension
        // A copy already made in the same second (runs in quick succession) is never
        // replaced: this one comes after the last of that second, even when pruning freed a
        // lower number.
        let stamp = OwnedFiles.archiveName(stem: "", ext: "", at: date).dropFirst()
        let existing = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .compactMap { OwnedFiles.archiveOrder($0, stem: stem, ext: ext) }.filter { $0.stamp == stamp }
        let sequence = (existing.map(\.sequence).max() ?? 0) + 1
        let name = OwnedFiles.archiveName(stem: stem, ext: ext, at: date, sequence: sequence)
        let copy = folder.appendingPathComponent(name)
        try FileCopy.copy(file, to: copy)
        // Run as root for another user's briefing, the copy is that user's too.
        var owner = stat()
        if getuid() == 0, stat(file.path, &owner) == 0 { _ = chown(copy.path, owner.st_uid, owner.st_gid) }
        // Oldest first: by timestamp (which sorts as text), then sequence within the second.
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != name }
            .compactMap { name in OwnedFiles.archiveOrder(name, stem: stem, ext: ext).map { (name, $0) } }
            .sorted { ($0.1.stamp, $0.1.sequence) < ($1.1.stamp, $1.1.sequence) }.map(\.0)
        for old in copies.dropLast(max(0, keep - 1)) { try FileManager.default.removeItem(at: folder.appendingPathComponent(old)) }
        return copy
    }
}
