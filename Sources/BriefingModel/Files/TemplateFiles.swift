import Foundation

/// How a template's files are read. The disk in production; a dictionary in tests and in
/// tools that build a briefing from text they already hold (an editor, a watch loop), so the
/// whole pipeline runs without touching the file system. Every read of a template, its data
/// and its section files goes through one of these.
public protocol TemplateFiles: Sendable {
    /// The file's text, or an `InputError` naming `displayName` (missing: 66; a folder, too
    /// large or not UTF-8: 65).
    func read(_ url: URL, displayName: String) throws -> String
    /// The file's bytes (an image), refused above `limit` bytes before it is read.
    func data(_ url: URL, displayName: String, limit: Int) throws -> Data
    /// What is at `url`: nothing, a file or a folder.
    func kind(of url: URL) -> TemplateFileKind
    /// The path with every symbolic link resolved, or nil if nothing is there.
    func realPath(_ url: URL) -> String?
}

public enum TemplateFileKind: Sendable {
    case missing, file, folder
}

/// The real file system.
public struct DiskFiles: TemplateFiles {
    public init() {}

    public func read(_ url: URL, displayName: String) throws -> String {
        try TextFile.read(url, displayName: displayName)
    }

    public func data(_ url: URL, displayName: String, limit: Int) throws -> Data {
        try TextFile.data(url, displayName: displayName, limit: limit)
    }

    public func kind(of url: URL) -> TemplateFileKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .folder : .file
    }

    public func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Files held in memory, by absolute path; every folder above a file exists.
public struct MemoryFiles: TemplateFiles {
    public var files: [String: String]

    /// - Parameter files: text by path relative to `root` (e.g. `"sections/it.md"`).
    public init(root: URL, _ files: [String: String]) {
        var absolute: [String: String] = [:]
        for (path, text) in files { absolute[root.appendingPathComponent(path).standardizedFileURL.path] = text }
        self.files = absolute
    }

    public func read(_ url: URL, displayName: String) throws -> String {
        switch kind(of: url) {
        case .file: return Noncharacters.replaced(in: files[url.standardizedFileURL.path]!)
        case .folder: throw InputError(kind: .invalidData, SourceLocation(file: displayName), "expected a file, found a folder")
        case .missing: throw InputError(kind: .missingInput, SourceLocation(file: displayName), "no such file")
        }
    }

    public func data(_ url: URL, displayName: String, limit: Int) throws -> Data {
        let data = Data(try read(url, displayName: displayName).utf8)
        guard data.count <= limit else { throw TextFile.tooLarge(data.count, limit: limit, displayName: displayName) }
        return data
    }

    public func kind(of url: URL) -> TemplateFileKind {
        let path = url.standardizedFileURL.path
        if files[path] != nil { return .file }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .folder : .missing
    }

    /// Files in memory have no links: a path is its own real path.
    public func realPath(_ url: URL) -> String? {
        kind(of: url) == .missing ? nil : url.standardizedFileURL.path
    }
}
