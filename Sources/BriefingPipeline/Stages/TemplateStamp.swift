import BriefingModel
import Foundation

/// What a watch rebuild may reuse, told from the file system alone (path, size and
/// modification time; no file is read).
enum TemplateStamp {
    /// Every file a loaded template depends on: each file of the folder but the Markdown ones
    /// (spec, data, CSV files, images) by size and time, the Markdown files by name only (the
    /// loader checks that they exist; their text is read later, by the document), and the data
    /// file. Equal stamps: the loaded template can be used again.
    static func template(directory: URL, dataFile: URL?) -> String {
        var parts = ["data \(dataFile.map(signature) ?? "-")"]
        let root = directory.standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
            var files: [String] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                files.append(url.pathExtension.lowercased() == "md" ? "\(url.path) markdown" : "\(url.path) \(signature(url))")
            }
            parts += files.sorted()
        }
        return parts.joined(separator: "\n")
    }

    /// What a section's expansion depends on besides its own Markdown: the template's stamp
    /// (as above, taken when it was loaded this build), the date and the values marked
    /// revised. Equal stamps mean an unchanged Markdown file expands and parses the same.
    static func sections(_ loaded: LoadedBriefing, template: String) -> String {
        var parts = ["date \(loaded.date)", template]
        if let revised = loaded.changes?.revisedKeys { parts.append("revised \(revised.map(\.description).sorted().joined(separator: ","))") }
        return parts.joined(separator: "\n")
    }

    /// Size and modification time in nanoseconds, of the file a link points to.
    private static func signature(_ url: URL) -> String {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return "missing" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
