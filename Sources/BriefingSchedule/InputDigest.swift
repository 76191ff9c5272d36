import Crypto
import Foundation

/// The SHA-256 of everything a briefing is made from: every file of the template folder, the
/// data file, the fonts, the flags and the program version. Equal digests mean the same
/// inputs, so `--if-changed` can skip the run.
public enum InputDigest {
    public static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Every regular file below `folders` and the single `files`, in a stable order, hashed.
    public static func inputs(folders: [URL], files: [URL]) throws -> [RunManifest.Input] {
        var urls: [URL] = files
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                urls.append(url)
            }
        }
        var seen = Set<String>()
        return try urls.map { $0.standardizedFileURL }.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }.map { url in
            RunManifest.Input(path: url.path, sha256: sha256(of: try Data(contentsOf: url)))
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
