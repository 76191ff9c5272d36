import BriefingRender
import Foundation

/// Publishes a file the way a scheduled job must: write to a temporary file in the target's
/// folder, flush it to disk, then rename it over the target. Readers see the old file or the
/// new one, never half of one; on failure the old file stays and the temporary is removed.
enum AtomicFile {
    static func publish(to target: URL, write: (URL) throws -> Void) throws {
        try checkFolder(of: target)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            do {
                try write(temporary)
            } catch RenderError.surface(let detail) {
                // Name the file the user asked for, not our temporary, and the likely cause.
                throw OutputError(
                    message:
                        "cannot write \(target.path): the disk may be full or a size limit reached (\(detail.replacingOccurrences(of: temporary.path + ": ", with: "")))"
                )
            }
            try flush(temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw OutputError(message: "cannot replace \(target.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// The target's folder must exist and be writable, and the target must not be a folder (73).
    static func checkFolder(of target: URL) throws {
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(message: "cannot create \(target.path): the folder \(folder.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(message: "cannot create \(target.path): it is a folder")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw OutputError(message: "cannot create \(target.path): the folder \(folder.path) is not writable")
        }
    }

    /// Deletes temporary files left by a run that was killed (SIGKILL cannot be caught). Only
    /// called under the output's lock, so no live run is writing them.
    static func removeStaleTemporaries(for target: URL) {
        let folder = target.deletingLastPathComponent()
        let stem = "." + target.deletingPathExtension().lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(stem) && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private static func flush(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw OutputError(message: "cannot reopen \(url.path) to flush it") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw OutputError(message: "cannot flush \(url.path) to disk: \(String(cString: strerror(errno)))")
        }
    }
}
