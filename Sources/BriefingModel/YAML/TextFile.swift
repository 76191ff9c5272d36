import Foundation

/// Reads template files as UTF-8 text with errors that name the file.
public enum TextFile {
    /// The largest template or data file accepted. The default data file is 20 kB; 16 MiB holds
    /// about 100,000 events. Larger files are refused before they are read, not after
    /// exhausting memory.
    public static let maximumSize = 16 * 1024 * 1024

    public static func read(_ url: URL, displayName: String) throws -> String {
        let data = try self.data(url, displayName: displayName, limit: maximumSize)
        guard let text = String(data: data, encoding: .utf8) else {
            let at = UTF8Check.firstInvalid(in: data) ?? (0, 1, 1)
            throw InputError(
                kind: .invalidData, SourceLocation(file: displayName, line: at.line, column: at.column),
                "the file is not valid UTF-8 text: this byte is not part of a UTF-8 character",
                hint: "save the file as UTF-8")
        }
        return Noncharacters.replaced(in: text)
    }

    /// The file's bytes, refused above `limit` before they are read.
    public static func data(_ url: URL, displayName: String, limit: Int) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputError(kind: .missingInput, SourceLocation(file: displayName), "no such file")
        }
        if isDirectory.boolValue {
            throw InputError(kind: .invalidData, SourceLocation(file: displayName), "expected a file, found a folder")
        }
        // A pipe would block the run until something writes to it, a device would be read
        // without end: a template is made of regular files (links to them are followed).
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let kind =
                switch info.st_mode & S_IFMT {
                case S_IFIFO: "a named pipe"
                case S_IFCHR: "a character device"
                case S_IFBLK: "a block device"
                case S_IFSOCK: "a socket"
                default: "not a regular file"
                }
            throw InputError(kind: .invalidData, SourceLocation(file: displayName), "expected a file, found \(kind)")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limit {
            throw tooLarge(size, limit: limit, displayName: displayName)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            // errno says why ("Permission denied", "Input/output error"); Foundation's text does not.
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            throw InputError(
                kind: .missingInput, SourceLocation(file: displayName), "cannot read the file (\(reason ?? error.localizedDescription))")
        }
    }

    static func tooLarge(_ size: Int, limit: Int, displayName: String) -> InputError {
        func mib(_ bytes: Int) -> String { NumberFormatting.format(Double(bytes) / 1_048_576, decimals: 1) }
        return InputError(
            kind: .invalidData, SourceLocation(file: displayName),
            "the file is too large (\(mib(size)) MiB; the limit is \(mib(limit)) MiB)")
    }
}
