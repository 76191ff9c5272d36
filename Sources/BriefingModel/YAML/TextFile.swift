import Foundation

/// Reads template files as UTF-8 text with errors that name the file.
public enum TextFile {
    public static func read(_ url: URL, displayName: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputError(kind: .missingInput, SourceLocation(file: displayName), "no such file")
        }
        if isDirectory.boolValue {
            throw InputError(kind: .invalidData, SourceLocation(file: displayName), "expected a file, found a folder")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(kind: .missingInput, SourceLocation(file: displayName), "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(kind: .invalidData, SourceLocation(file: displayName, line: 1, column: 1), "the file is not valid UTF-8 text")
        }
        return text
    }
}
