import Foundation

/// Copies files and folders as `cp -R` does for a user who does not own them: contents and
/// permission bits, never the owner. Foundation's `copyItem` tries to keep the owner and so
/// fails ("You don't have permission") for anyone but root copying an installed template.
public enum FileCopy {
    /// Copies `source` (a file or a folder, links inside it followed) to `target`, which must
    /// not exist; the new files belong to the caller and keep their modes.
    public static func copy(_ source: URL, to target: URL) throws {
        var info = stat()
        guard stat(source.path, &info) == 0 else { throw CopyError(path: source.path, reason: String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted() {
                try copy(source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        } else {
            guard FileManager.default.createFile(atPath: target.path, contents: try Data(contentsOf: source)) else {
                throw CopyError(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
        chmod(target.path, info.st_mode & 0o7777)
    }

    public struct CopyError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot copy \(path): \(reason)" }
    }
}
