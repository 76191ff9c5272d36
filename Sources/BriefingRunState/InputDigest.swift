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
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex digits, two a byte. By table: Foundation's `String(format: "%02x")`
    /// per byte cost about 13,000 instructions a byte (6 million a run).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Every regular file below `folders` and the single `files`, in a stable order, hashed.
    /// A file whose size and modification time match its entry in `previous` keeps that hash.
    /// Files below `stamped` (the bundled fonts: 8.7 MiB, versioned with the program) are
    /// never read: their entry is a stamp of size and modification time, so a font file
    /// replaced still changes the digest. A link counts as the file it points to (its size and
    /// time, its contents): an edit to a linked data or section file is an edit to the inputs.
    /// Links that leave the template folder do not count (`FolderWalker`), nor do links to
    /// Briefing's own outputs.
    public static func inputs(
        folders: [URL], files: [URL], stamped: [URL] = [], previous: [RunManifest.Input] = []
    ) throws -> [RunManifest.Input] {
        let stampedPaths = stamped.map { $0.standardizedFileURL.path }
        var found: [String: FileStatus?] = [:]
        var resolvedPaths: [String: String] = [:]
        // A named file (the data file) counts as what it points to if it is a link.
        for file in files {
            let path = file.standardizedFileURL.path
            found.updateValue(FileStatus(following: path), forKey: path)
        }
        var owned = Set<String>()
        var walker = FolderWalker()
        for folder in folders {
            walker.walk(folder.standardizedFileURL.path, skippingHidden: true) { path, status, real in
                found.updateValue(status, forKey: path)
                resolvedPaths[path] = real
            } folder: { path in
                owned.formUnion(OwnedFiles.outputs(in: URL(fileURLWithPath: path)))
            }
        }
        for folder in stampedPaths {
            walker.walk(folder, skippingHidden: false, outsideFiles: true) { path, status, _ in
                found.updateValue(status, forKey: path)
            } folder: { _ in }
        }
        // Briefing's own outputs are not inputs, under their own name or through a link.
        let ownedResolved = Set(owned.compactMap(FolderWalker.resolved))
        found = found.filter { path, _ in
            !owned.contains(path) && !(resolvedPaths[path].map(ownedResolved.contains) ?? false)
        }
        let known = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let stampedPrefixes = stampedPaths.map { $0 + "/" }
        return try found.sorted { $0.key < $1.key }.map { path, status in
            let size = status?.size, modified = status?.modified
            if stampedPrefixes.contains(where: path.hasPrefix) {
                let stamp = "stamp:\(size ?? -1):\(modified.map { String(Int64(($0 * 1e6).rounded())) } ?? "-")"
                return RunManifest.Input(path: path, sha256: stamp, size: size, modified: modified)
            }
            if let old = known[path], old.size != nil, old.size == size, old.modified == modified {
                return old
            }
            return RunManifest.Input(
                path: path, sha256: sha256(of: try Data(contentsOf: URL(fileURLWithPath: path))), size: size, modified: modified)
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
