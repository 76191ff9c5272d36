import BriefingPipeline
import BriefingRender
import BriefingRunState
import BriefingSchedule
import Foundation

/// Publishes bytes the way a scheduled job must: write them to a temporary file on the
/// target's file system, flush it to disk, then rename it over the target. Readers see the
/// old file or the new one, never half of one; on failure the old file stays and the
/// temporary is removed. The new file keeps the permissions (and, for root, the owner) of
/// the file it replaces; a new file gets the umask's.
public enum AtomicFile {
    /// - Parameter temporary: where to write first (the run's state folder, or beside the
    ///   target when nil); it must be on the target's file system.
    public static func publish(_ data: Data, to target: URL, temporary: URL? = nil) throws {
        try checkFolder(of: target)
        let temporary =
            temporary
            ?? target.deletingLastPathComponent().appendingPathComponent(OwnedFiles.besideTemporaryName(for: target.lastPathComponent))
        do {
            try write(data, to: temporary, naming: target)
            guard rename(temporary.path, target.path) == 0 else {
                throw OutputError(message: "cannot replace \(target.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// The target's folder must exist and be writable, and the target must not be a folder (73).
    public static func checkFolder(of target: URL) throws {
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(
                message:
                    "cannot create \(target.path): the folder \(folder.path) does not exist (create it with: mkdir -p \(CronCommand.quote(folder.path)))"
            )
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(message: "cannot create \(target.path): it is a folder")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw OutputError(message: "cannot create \(target.path): the folder \(folder.path) is not writable")
        }
    }

    /// Writes every byte and fsyncs, naming the user's file (not our temporary) in errors: a
    /// full disk and a file-size limit (SIGXFSZ is ignored, so write(2) fails with EFBIG)
    /// both end here.
    private static func write(_ data: Data, to temporary: URL, naming target: URL) throws {
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputError(message: "cannot create a temporary file for \(target.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var replaced = stat()
        if stat(target.path, &replaced) == 0, replaced.st_mode & S_IFMT == S_IFREG {
            // A 0600 briefing stays 0600: readers were chosen by whoever set it.
            if getuid() == 0 { _ = fchown(descriptor, replaced.st_uid, replaced.st_gid) }
            fchmod(descriptor, replaced.st_mode & 0o7777)
        }
        if let failure = writeAll(data, to: descriptor) {
            throw OutputError(
                message: "cannot write \(target.path): the disk may be full or a size limit reached (\(String(cString: strerror(failure))))"
            )
        }
        guard fsync(descriptor) == 0 else {
            throw OutputError(message: "cannot flush \(target.path) to disk: \(String(cString: strerror(errno)))")
        }
    }
}
