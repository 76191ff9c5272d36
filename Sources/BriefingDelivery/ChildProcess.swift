import BriefingModel
import BriefingRunState
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program without a shell (an argument vector: nothing in a path or an address is
/// ever interpreted), in a process group of its own with a deadline: sendmail and the
/// delivery file's hooks. On the deadline the whole group is killed, so a wrapper script's
/// own children (`sleep 1000` in a sendmail wrapper) stop with it instead of holding the run.
public enum ChildProcess {
    public struct Result {
        /// The exit status; nil when it did not finish in time (it was killed), was killed by
        /// a signal (`signal` says which) or could not start.
        public var status: Int32?
        public var signal: Int32?
        /// What it wrote to standard error, on one line, bounded; or why it did not run.
        public var errors: String

        /// How it ended, in the words `describe(waitStatus:)` uses.
        public var ending: String {
            status.map { "exit status \($0)" } ?? signal.map { "killed by signal \($0)" } ?? "did not finish"
        }
    }

    /// How a child is started: its standard streams (paths; /dev/null when nil), whether it
    /// gets a session of its own (it outlives a kill of the caller's process group), and a
    /// descriptor it inherits.
    struct Options {
        var input: String?
        var errors: String?
        var environment: [String: String]?
        var newSession = false
        var inherit: Int32?
        /// Pipe ends to be its standard input and output instead of `input` and the null
        /// device; its standard error is then this process's.
        var pipes: (input: Int32, output: Int32)?
    }

    /// Starts `executable` in a process group of its own with `pipes` as its standard input
    /// and output and this process's standard error (`watch --serve`'s preview server).
    public static func start(_ executable: String, _ arguments: [String], pipes: (input: Int32, output: Int32)) throws -> pid_t {
        var options = Options()
        options.pipes = pipes
        return try start(executable, arguments, options)
    }

    /// Starts `executable`; its process id. Every other descriptor of this process is closed
    /// in the child (they are close-on-exec, or closed here), so it holds no run's files.
    static func start(_ executable: String, _ arguments: [String], _ options: Options) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let pipes = options.pipes {
            posix_spawn_file_actions_adddup2(&actions, pipes.input, 0)
            posix_spawn_file_actions_adddup2(&actions, pipes.output, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, options.input ?? "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, options.errors ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (POSIX_SPAWN_SETSID, 0x80 in glibc) or a new process group of its own;
        // signals reset to their defaults (the caller ignores SIGPIPE and SIGXFSZ).
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        flags |= options.newSession ? 0x80 : Int32(POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        let environment = OwnEnvironment.forChildren(options.environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw SpawnError(message: "cannot run \(executable): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Waits for `pid` until `deadline`; its wait status, or nil if it is still running.
    static func wait(_ pid: pid_t, until deadline: Date) -> Int32? {
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return status }
            if done < 0 && errno != EINTR { return nil }
            if Date() >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// Runs a program to its end or its deadline, in a process group of its own; on the
    /// deadline the group is killed (SIGKILL: a program with SIGTERM ignored must still stop).
    public static func run(
        _ executable: URL, _ arguments: [String], input: URL? = nil, environment: [String: String]? = nil, timeout: TimeInterval
    ) -> Result {
        let errors = TemporaryFolder.url.appendingPathComponent("briefing-child-\(UUID().uuidString).err")
        defer { unlink(errors.path) }
        let pid: pid_t
        do {
            pid = try start(
                executable.path, arguments, Options(input: input?.path, errors: errors.path, environment: environment))
        } catch {
            return Result(status: nil, errors: "\(error)")
        }
        guard let status = wait(pid, until: Date().addingTimeInterval(timeout)) else {
            kill(-pid, SIGKILL)
            _ = wait(pid, until: .distantFuture)
            return Result(status: nil, errors: "\(executable.lastPathComponent) did not finish in \(Self.seconds(timeout)) and was stopped")
        }
        kill(-pid, SIGKILL)  // anything it left running in its group
        let text = Self.errorText(errors)
        if let signal = signalled(status) { return Result(status: nil, signal: signal, errors: text) }
        return Result(status: (status >> 8) & 0xff, errors: text)
    }

    /// How a process ended, from its wait status: "exit status 3", "killed by signal 9".
    public static func describe(waitStatus status: Int32) -> String {
        signalled(status).map { "killed by signal \($0)" } ?? "exit status \((status >> 8) & 0xff)"
    }

    /// The signal that ended a process, from its wait status.
    static func signalled(_ status: Int32) -> Int32? {
        let signal = status & 0x7f
        return signal != 0 && signal != 0x7f ? signal : nil
    }

    /// What a program said on standard error, on one line, bounded.
    static func errorText(_ file: URL) -> String {
        let data = (try? FileHandle(forReadingFrom: file).readData(ofLength: 4096)) ?? Data()
        let text = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "; ")
        return String(text.prefix(400))
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(min(value, 1e9))) s" : String(format: "%.1f s", value)
    }

    /// A program named by path, or looked up in `PATH` as a shell would: a regular file this
    /// user may execute (a folder is not a program).
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard !name.isEmpty else { return nil }
        let candidates =
            name.contains("/")
            ? [name] : (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").split(separator: ":").map { "\($0)/\(name)" }
        return candidates.first(where: isProgram).map { URL(fileURLWithPath: $0) }
    }

    static func isProgram(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }

    /// Why `name` is not a program, for a message that says so ("a folder", "not executable").
    static func whyNot(_ name: String) -> String {
        var info = stat()
        guard name.contains("/") else { return "not found in PATH" }
        guard stat(name, &info) == 0 else { return "not found" }
        if info.st_mode & S_IFMT == S_IFDIR { return "a folder, not a program" }
        if info.st_mode & S_IFMT != S_IFREG { return "not a regular file" }
        return "not executable (chmod +x)"
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
