import Foundation

/// Dated copies of each published briefing in `archive/` beside it, keeping the newest `keep`.
public enum Archive {
    /// Copies `file` to `archive/<stem>-<timestamp>.<ext>` and deletes the oldest copies beyond
    /// `keep`; returns the copy's URL.
    @discardableResult
    public static func store(_ file: URL, at date: Date, keep: Int) throws -> URL {
        let folder = file.deletingLastPathComponent().appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss'Z'"
        let stem = file.deletingPathExtension().lastPathComponent, ext = file.pathExtension
        let copy = folder.appendingPathComponent("\(stem)-\(formatter.string(from: date)).\(ext)")
        if FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: file, to: copy)
        // Timestamps sort as text, so the oldest copies come first.
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("\(stem)-") && $0.hasSuffix(".\(ext)") }.sorted()
        for name in copies.dropLast(max(0, keep)) { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        return copy
    }
}
