import Foundation

/// A loaded and validated template folder: the briefing's structure and its facts.
public struct Template: Sendable {
    public var directory: URL
    public var spec: BriefingSpec
    public var facts: FactBase
    /// Display names used in diagnostics.
    public var specFileName: String
    public var dataFileName: String
    public var dataFile: URL
    /// Where the template's files are read from; section files are read through it too.
    public var files: any TemplateFiles
    /// The value of each declared parameter in this load (`--param`, else its default).
    public var parameters: [String: String] = [:]

    public init(
        directory: URL, spec: BriefingSpec, facts: FactBase, specFileName: String, dataFileName: String, dataFile: URL,
        files: any TemplateFiles = DiskFiles()
    ) {
        self.directory = directory
        self.spec = spec
        self.facts = facts
        self.specFileName = specFileName
        self.dataFileName = dataFileName
        self.dataFile = dataFile
        self.files = files
    }

    /// The text of a file the template names, read through `files`.
    public func read(_ relative: String, at location: SourceLocation) throws -> (text: String, displayName: String) {
        let file = try self.file(relative, at: location)
        return (try files.read(file.url, displayName: file.displayName), file.displayName)
    }

    /// A file named by the template, refused if it would leave the template folder, by its
    /// name (`../x`) or through a symbolic link (a shared template must never read, print or
    /// mail a file outside its folder).
    public func file(_ relative: String, at location: SourceLocation) throws -> (url: URL, displayName: String) {
        try Self.file(relative, in: directory, files: files, at: location)
    }

    /// `file(_:at:)` before the template is loaded (the data file's CSV files).
    static func file(_ relative: String, in directory: URL, files: any TemplateFiles, at location: SourceLocation) throws -> (
        url: URL, displayName: String
    ) {
        let url = directory.appendingPathComponent(relative).standardizedFileURL
        let root = directory.standardizedFileURL.path
        guard url.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw InputError(
                kind: .invalidData, location, "'\(relative)' points outside the template folder",
                hint: "template files must live inside \(DisplayPath.of(directory))")
        }
        try Self.confine(url, to: directory, files: files, named: "'\(relative)'", at: location)
        return (url, DisplayPath.of(url))
    }

    /// Refuses `url` if, with its links resolved, it lies outside `folder` (also resolved:
    /// a template folder reached through a link is fine). A missing file passes; reading it
    /// reports it.
    public static func confine(_ url: URL, to folder: URL, files: any TemplateFiles, named name: String, at location: SourceLocation)
        throws
    {
        guard let real = files.realPath(url) else { return }
        let root = files.realPath(folder) ?? folder.standardizedFileURL.path
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw InputError(
                kind: .invalidData, location, "\(name) is a link to \(real), outside the template folder",
                hint: "template files must resolve inside \(root); copy the file into the template instead")
        }
    }
}

/// Paths as the user typed them: relative to the working directory when inside it.
public enum DisplayPath {
    public static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
