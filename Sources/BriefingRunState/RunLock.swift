import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock beside the output, so two runs for the same briefing never overlap.
/// flock(2) locks are released by the kernel when the process dies, even by SIGKILL, so a
/// crashed run never leaves a stale lock behind.
public final class RunLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock without waiting; nil if another process holds it.
    public init?(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LockError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    public struct LockError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot create the lock \(path): \(reason)" }
    }
}
