import BriefingPipeline
import BriefingRender
import BriefingRunState
import Foundation

/// Where a run's bytes go, decided from the path before any work is done:
/// - `-` is standard output;
/// - a symbolic link is followed (through chains) and its target replaced, the link kept;
/// - a character device (`/dev/null`) or a named pipe is written to directly, never
///   replaced, and gets no lock, state folder or archive beside it;
/// - a socket or block device is refused (73): a briefing is never written onto a disk.
public enum OutputTarget: Equatable, Sendable {
    case standardOutput
    /// A regular file, existing or to be created, links resolved.
    case file(URL)
    /// A character device or FIFO.
    case special(URL)

    /// The most links followed before the path is taken to be a loop (as Linux's ELOOP).
    static let maximumLinks = 40

    public static func resolve(_ path: String) throws -> OutputTarget {
        if path == "-" { return .standardOutput }
        var url = KernelPath.absolute(path)
        var info = stat()
        for _ in 0...maximumLinks {
            guard lstat(url.path, &info) == 0 else { return .file(url) }  // nothing there yet: a new file
            guard info.st_mode & S_IFMT == S_IFLNK else { break }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else {
                throw OutputError(message: "cannot read the link \(url.path)")
            }
            url = KernelPath.absolute(destination.hasPrefix("/") ? destination : url.deletingLastPathComponent().path + "/" + destination)
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw OutputError(message: "cannot write \(path): more than \(maximumLinks) links (a loop?)")
        case S_IFCHR, S_IFIFO: return .special(url)
        case S_IFSOCK: throw OutputError(message: "cannot write \(path): \(url.path) is a socket")
        case S_IFBLK: throw OutputError(message: "refusing to write \(path): \(url.path) is a block device (a disk)")
        default: return .file(url)
        }
    }

    /// Writes `data` to standard output or the device or pipe.
    public func write(_ data: Data) throws {
        switch self {
        case .file(let url): try AtomicFile.publish(data, to: url)
        case .standardOutput:
            if let failure = writeAll(data, to: STDOUT_FILENO) {
                // The reader went away (`| head -c 8`): end as Unix tools do, by SIGPIPE, silently.
                if failure == EPIPE {
                    signal(SIGPIPE, SIG_DFL)
                    raise(SIGPIPE)
                }
                throw OutputError(message: "cannot write standard output: \(String(cString: strerror(failure)))")
            }
        case .special(let url):
            let descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(message: "cannot open \(url.path): \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            try Self.write(data, to: descriptor, name: url.path)
        }
    }

    private static func write(_ data: Data, to descriptor: Int32, name: String) throws {
        if let failure = writeAll(data, to: descriptor) {
            throw OutputError(message: "cannot write \(name): \(String(cString: strerror(failure)))")
        }
    }
}
