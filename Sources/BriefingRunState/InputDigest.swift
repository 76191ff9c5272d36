import Crypto
import Foundation

/// The SHA-256 of everything a briefing is made from: every file of the template folder, the
/// data file, the fonts, the flags and the program version. Equal digests mean the same
/// inputs, so `--if-changed` can skip the run.
///
/// Not inputs: hidden files and folders (a `.briefing/` state folder, editors' swap files,
/// as `watch` ignores them), and the outputs Briefing wrote into the folder (a briefing kept
/// inside its own template folder, its pages and archive copies: `OwnedFiles.outputs`).
public enum InputDigest {
    public static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Every regular file below `folders` and the single `files`, in a stable order, hashed.
    /// A file whose size and modification time match its entry in `previous` keeps that hash.
    /// Files below `stamped` (the bundled fonts: 8.7 MiB, versioned with the program) are
    /// never read: their entry is a stamp of size and modification time, so a font file
    /// replaced still changes the digest.
    public static func inputs(
        folders: [URL], files: [URL], stamped: [URL] = [], previous: [RunManifest.Input] = []
    ) throws -> [RunManifest.Input] {
        let stampedPrefixes = stamped.map { $0.standardizedFileURL.path + "/" }
        let keys: Set<URLResourceKey> = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        var urls: [URL] = files
        var owned = Set<String>()
        for folder in folders + stamped {
            let options: FileManager.DirectoryEnumerationOptions = stamped.contains(folder) ? [] : [.skipsHiddenFiles]
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys), options: options)
            else { continue }
            if options.contains(.skipsHiddenFiles) { owned.formUnion(OwnedFiles.outputs(in: folder)) }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
                if values?.isRegularFile == true {
                    urls.append(url)
                } else if values?.isDirectory == true, options.contains(.skipsHiddenFiles) {
                    owned.formUnion(OwnedFiles.outputs(in: url))
                }
            }
        }
        urls.removeAll { owned.contains($0.path) }
        let known = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return try urls.map { $0.standardizedFileURL }.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }.map { url in
            let values = try? url.resourceValues(forKeys: keys)
            let size = values?.fileSize, modified = values?.contentModificationDate?.timeIntervalSince1970
            if stampedPrefixes.contains(where: url.path.hasPrefix) {
                let stamp = "stamp:\(size ?? -1):\(modified.map { String(Int64(($0 * 1e6).rounded())) } ?? "-")"
                return RunManifest.Input(path: url.path, sha256: stamp, size: size, modified: modified)
            }
            if let old = known[url.path], old.size != nil, old.size == size, old.modified == modified {
                return old
            }
            return RunManifest.Input(path: url.path, sha256: sha256(of: try Data(contentsOf: url)), size: size, modified: modified)
        }
    }

    /// One digest over the inputs, flags and program version.
    public static func combine(inputs: [RunManifest.Input], flags: [String], program: String) -> String {
        var text = "program \(program)\n"
        for flag in flags { text += "flag \(flag)\n" }
        for input in inputs { text += "file \(input.sha256) \(input.path)\n" }
        return sha256(of: Data(text.utf8))
    }
}
