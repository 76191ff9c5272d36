import BriefingModel
import Foundation

/// What a section's expansion depends on besides its own Markdown: every other file of the
/// template (spec, data, CSV files, images, by path, size and modification time, read from
/// the file system, not their contents), the data file, the date and the values marked
/// revised. Equal stamps mean an unchanged Markdown file expands and parses the same.
enum SectionContext {
    static func stamp(_ loaded: LoadedBriefing) -> String {
        var parts = ["date \(loaded.date)", "data \(signature(loaded.template.dataFile))"]
        if let revised = loaded.changes?.revisedKeys { parts.append("revised \(revised.sorted().joined(separator: ","))") }
        let root = loaded.template.directory.standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
            var files: [String] = []
            for case let url as URL in walker where url.pathExtension.lowercased() != "md" {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                files.append("\(url.path) \(signature(url))")
            }
            parts += files.sorted()
        }
        return parts.joined(separator: "\n")
    }

    /// Size and modification time in nanoseconds, of the file a link points to.
    private static func signature(_ url: URL) -> String {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return "missing" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
