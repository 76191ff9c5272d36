import Foundation

/// Absolute paths resolved the way the kernel resolves them, not as text: in
/// `a/link/../x.pdf` the kernel follows `link` before `..` climbs out of where it points,
/// while `standardizedFileURL` drops `link/..` and names a different file.
public enum KernelPath {
    /// `path` made absolute against the working directory, with its folder resolved by the
    /// kernel (`realpath(3)`) when that folder exists; the last component is kept as given,
    /// so a link there is still a link. A folder that does not exist is left as written
    /// (the run reports it missing).
    public static func absolute(_ path: String) -> URL {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        let name = url.lastPathComponent
        guard name != "..", name != ".", name != "/" else { return resolved(url) ?? url.standardizedFileURL }
        let folder = url.deletingLastPathComponent()
        guard let real = resolved(folder) else { return url.standardizedFileURL }
        return real.appendingPathComponent(name)
    }

    /// `url` through `realpath(3)`; nil when it does not exist.
    public static func resolved(_ url: URL) -> URL? {
        guard let real = realpath(url.path, nil) else { return nil }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real))
    }
}
