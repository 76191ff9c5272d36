import BriefingPipeline
import CLinux
import Foundation

/// Waits for files to change, through Linux inotify (no polling), and for the signals that
/// end a watch. Folders are watched, not files: editors save by writing a new file and
/// renaming it over the old one, which a watch on the old file's inode would miss.
/// SIGINT, SIGTERM and SIGHUP are blocked and read from a signalfd, so a signal is handled
/// between builds, never in the middle of writing a file.
public final class FileWatcher {
    /// What ended a wait.
    public enum Wake: Equatable {
        /// Files changed: each its watched folder's path and the name the kernel gave.
        case changed([String])
        /// A signal asked the watch to stop.
        case stop(Int32)
    }

    /// A folder to watch: all of it (and its subfolders), or only the named files in it.
    public struct Scope: Hashable {
        public var folder: URL
        public var recursive: Bool
        /// When set, only events about these names count (a data file beside other files).
        public var names: Set<String>?
        /// Names never counted (the output and its temporaries, the run's state folder).
        public var ignored: Set<String>

        public init(folder: URL, recursive: Bool, names: Set<String>? = nil, ignored: Set<String> = []) {
            self.folder = folder
            self.recursive = recursive
            self.names = names
            self.ignored = ignored
        }
    }

    public struct WatchError: Error, CustomStringConvertible {
        public var description: String
    }

    private let inotify: Int32
    private let signals: Int32
    private var watches: [Int32: (path: String, scope: Scope)] = [:]
    /// Changes read by `changes(within:)` that the next `wait` starts from.
    private var pending: [(path: String, gone: Bool)] = []

    public init() throws {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, signal) }
        // Blocked in this thread before any other starts, so every thread inherits the mask
        // and the signals wait in the signalfd.
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        signals = signalfd(-1, &mask, Int32(SFD_CLOEXEC | SFD_NONBLOCK))
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard signals >= 0, inotify >= 0 else {
            throw WatchError(description: "cannot watch files: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(inotify)
        close(signals)
    }

    static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches exactly these scopes from now on (call after every build: a new subfolder,
    /// or a folder made again, must be watched too). Folders already watched keep their
    /// watch, so a change made during the build is still waiting in the queue; folders no
    /// longer wanted are dropped. Returns the folders that could not be watched.
    @discardableResult
    public func watch(_ scopes: [Scope]) -> [String] {
        var wanted: [Int32: (path: String, scope: Scope)] = [:]
        var failed: [String] = []
        for scope in scopes {
            for folder in scope.recursive ? Self.folders(under: scope.folder) : [scope.folder.path] {
                // The same folder (inode) gives the same descriptor again.
                let descriptor = inotify_add_watch(inotify, folder, Self.events)
                if descriptor < 0 { failed.append(folder) } else { wanted[descriptor] = (folder, scope) }
            }
        }
        for descriptor in watches.keys where wanted[descriptor] == nil { inotify_rm_watch(inotify, descriptor) }
        watches = wanted
        return failed
    }

    /// A folder and every folder below it, hidden ones (a state folder, `.git`) left out.
    static func folders(under root: URL) -> [String] {
        var found = [root.path]
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return found }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            found.append(url.path)
        }
        return found
    }

    /// Blocks until a change that counts, then keeps reading until `quiet` passes with no
    /// further event (an editor's save is a burst: a backup, a write, a rename), or until a
    /// signal. Events about ignored names (editor swap files, our own output) do not wake it.
    /// A file that went away (renamed to a backup, deleted before it is written again) is
    /// given up to `reappear` to come back, so a save is not built half-way; one that stays
    /// away is a real removal, and the build reports it.
    public func wait(quiet: Duration, reappear: Duration = .milliseconds(300)) -> Wake {
        var changed: [String] = []
        var gone = Set<String>()
        var deadline: ContinuousClock.Instant?
        let clock = ContinuousClock()
        // Changes seen after a build began are where this wait starts.
        if !pending.isEmpty {
            changed = pending.map(\.path)
            for event in pending {
                if event.gone { gone.insert(event.path) } else { gone.remove(event.path) }
            }
            pending = []
            deadline = clock.now.advanced(by: reappear)
        }
        while true {
            // Without a change yet, wait for ever; with one, only for the quiet period (or
            // until the latest a vanished file may still come back).
            var timeout: Int32 = -1
            if !changed.isEmpty { timeout = Self.milliseconds(quiet) }
            if !changed.isEmpty, !gone.isEmpty, let deadline {
                timeout = max(timeout, Self.milliseconds(clock.now.duration(to: deadline)))
            }
            var descriptors = [
                pollfd(fd: signals, events: Int16(POLLIN), revents: 0), pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .stop(SIGTERM)
            }
            if descriptors[0].revents != 0, let signal = readSignal() { return .stop(signal) }
            if ready == 0 { return .changed(changed) }
            if descriptors[1].revents != 0 {
                let events = readEvents()
                if deadline == nil, !events.isEmpty { deadline = clock.now.advanced(by: reappear) }
                changed += events.map(\.path)
                // Gone until written again (closed after writing, or renamed into place).
                for event in events {
                    if event.gone { gone.insert(event.path) } else { gone.remove(event.path) }
                }
            }
        }
    }

    /// Whether a change that counts arrives within `window` (one already queued included):
    /// asked after a build that began as soon as a save was seen, before it is published.
    /// Changes found are kept for the next `wait`, which settles them; signals are left in
    /// their queue for it too, so a build is never cut short by one.
    public func changes(within window: Duration) -> Bool {
        guard pending.isEmpty else { return true }
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: window)
        while true {
            var descriptor = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(clock.now.duration(to: end)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            pending = readEvents()
            if !pending.isEmpty { return true }
            // Only events that do not count (an editor's swap file): the window goes on.
        }
    }

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000)))
    }

    private func readSignal() -> Int32? {
        var info = signalfd_siginfo()
        let count = read(signals, &info, MemoryLayout<signalfd_siginfo>.size)
        return count == MemoryLayout<signalfd_siginfo>.size ? Int32(info.ssi_signo) : nil
    }

    /// The events waiting, as paths (and whether the path went away), without those that do
    /// not count. A file's creation does not count by itself: its close after writing does.
    private func readEvents() -> [(path: String, gone: Bool)] {
        var paths: [(path: String, gone: Bool)] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(inotify, &buffer, buffer.count)
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                guard let (folder, scope) = watches[descriptor] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { continue }
                if name.isEmpty {
                    // The watched folder itself went away or moved: that counts.
                    paths.append((folder, true))
                    continue
                }
                if let names = scope.names, !names.contains(name) { continue }
                if scope.ignored.contains(name) || Self.isEditorLitter(name) { continue }
                if mask & UInt32(IN_CREATE) != 0, mask & UInt32(IN_ISDIR) == 0 { continue }
                paths.append((folder + "/" + name, mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0))
            }
        }
        return paths
    }

    /// Files editors and tools write beside the one being edited, never part of a template:
    /// hidden files (vim's swap files, Emacs locks, gedit's and our own temporaries), vim's
    /// `4913` probe, backups ending in `~`, Emacs autosaves, `sed -i`'s `sedXXXXXX`, and
    /// temporaries, swap files, partial downloads and patch leftovers by their extension; and
    /// files with no name (O_TMPFILE, as a large PDF spills to the temporary folder), which
    /// the kernel reports as `#` and their inode number.
    static func isEditorLitter(_ name: String) -> Bool {
        if name == "4913" || name.hasSuffix("~") || name.hasPrefix(".") || (name.hasPrefix("#") && name.hasSuffix("#")) { return true }
        if name.count > 1, name.hasPrefix("#"), name.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if name.count == 9, name.hasPrefix("sed"), name.dropFirst(3).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return true
        }
        let litter = ["tmp", "temp", "swp", "swx", "swo", "part", "crdownload", "orig", "rej", "bak"]
        return litter.contains((name as NSString).pathExtension.lowercased())
    }
}
