import BriefingDelivery
import BriefingPreviewLink
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `watch --serve`'s preview server, run as `briefing-preview`, the program installed beside
/// this one: the web server's libraries (Hummingbird, SwiftNIO and theirs) were a quarter of
/// this binary's protocol conformance records, and every run of every command scanned them
/// on its first casts (about 3% of the default briefing's time). The watch starts it with a
/// pipe to its input and one from its output, and sends it each build (`PreviewFrame`); it
/// ends when that input closes, so a watch that is killed takes its server with it.
final class PreviewProcess: @unchecked Sendable {
    /// The PDF's path on the server: `/briefing.pdf` for an output named so.
    let pdfPath: String
    private var pid: pid_t = 0
    /// The frames go out on a thread of their own, so a server that stops reading (stopped,
    /// stuck) never holds the watch: only the newest frame waits, older ones are dropped.
    private let condition = NSCondition()
    private var input: Int32 = -1
    private var pending: PreviewFrame?
    private var stopping = false
    private var lostReason: String?

    /// Told once, from the writer thread, why the server can no longer be told of builds.
    private let onLost: @Sendable (String) -> Void

    init(pdfName: String, onLost: @escaping @Sendable (String) -> Void) {
        pdfPath = "/" + pdfName
        self.onLost = onLost
    }

    /// How long the server has to say it listens: it binds in milliseconds.
    static let answerWithin = 10.0

    /// The server program: beside this binary, as `make install` and the package put it.
    static var program: String {
        URL(fileURLWithPath: JobArguments.executable).deletingLastPathComponent().appendingPathComponent("briefing-preview").path
    }

    /// Starts the server on `host`:`port`; the port it listens on (the system's choice for
    /// 0). Throws what stopped it: no server program, one that ended or said something else
    /// before it listened, or an address it could not bind.
    func start(host: String, port: Int) throws -> Int {
        let program = Self.program
        guard access(program, X_OK) == 0 else {
            let why = access(program, F_OK) == 0 ? "is not executable" : "is not installed beside \(JobArguments.executable)"
            throw Failure(message: "briefing-preview, the preview server, \(why)")
        }
        var toServer: [Int32] = [-1, -1], fromServer: [Int32] = [-1, -1]
        guard pipe(&toServer) == 0 else { throw Failure(message: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&fromServer) == 0 else {
            toServer.forEach { close($0) }
            throw Failure(message: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        // Only the ends the server is given (dup2 clears the flag on its 0 and 1) reach it.
        for end in toServer + fromServer { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let spawned = Result { try ChildProcess.start(program, [host, String(port), String(pdfPath.dropFirst())], pipes: (toServer[0], fromServer[1])) }
        // The server's ends are closed here at once: a server that ends before it answers
        // is then an end of input, not a wait for good.
        close(toServer[0])
        close(fromServer[1])
        defer { close(fromServer[0]) }
        switch spawned {
        case .success(let child): pid = child
        case .failure(let error):
            close(toServer[1])
            throw Failure(message: "\(error)")
        }
        input = toServer[1]
        // A server that neither answers nor ends is killed after `answerWithin`, which ends
        // the read below as its own end would.
        let answered = Answered()
        let child = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.answerWithin) {
            answered.unlessSet { kill(-child, SIGKILL) }
        }
        let line = (try? ByteReader(descriptor: fromServer[0]).line()).flatMap { $0 }
        answered.set()
        switch line.flatMap(PreviewHandshake.init(line:)) {
        case .listening(let port)?:
            let writer = Thread { [self] in write() }
            writer.start()
            return port
        case .failed(let message)?:
            close(input)
            end(within: 2)
            throw Failure(message: message)
        case nil:
            close(input)
            let status = end(within: 2)
            let said = line.map { " (it said '\($0.prefix(120))')" } ?? ""
            let killed = status & 0x7f == SIGKILL ? ", or did not answer within \(Int(Self.answerWithin)) s" : ""
            throw Failure(message: "briefing-preview ended or failed before it listened\(said)\(killed) (\(ChildProcess.describe(waitStatus: status)))")
        }
    }

    /// A good build: its page and PDF are served from now on, and open pages update.
    func publish(html: Data, pdf: Data?) {
        post(.built(html: html, pdf: pdf))
    }

    /// A failed build: open pages show the error over the last good content.
    func fail(_ message: String) {
        post(.failed(message))
    }

    /// Ends the server: its input closes once the frame being sent is out; a server that does
    /// not end within two seconds of that (stopped, stuck) is killed.
    func stop() {
        condition.lock()
        stopping = true
        pending = nil
        condition.broadcast()
        condition.unlock()
        end(within: 2)
    }

    private func post(_ frame: PreviewFrame) {
        condition.lock()
        if lostReason == nil, !stopping {
            pending = frame
            condition.broadcast()
        }
        condition.unlock()
    }

    /// The writer thread: sends the newest frame, until stopped or the server is gone; then
    /// closes the server's input.
    private func write() {
        while true {
            condition.lock()
            while pending == nil, !stopping { condition.wait() }
            guard let frame = pending, !stopping else {
                condition.unlock()
                break
            }
            pending = nil
            condition.unlock()
            if let failure = Self.send(frame.encoded, to: input) {
                condition.lock()
                lostReason = failure
                let stopped = stopping
                condition.unlock()
                if !stopped {
                    // Its input is gone, so it ended or is ending: it is waited for here (no
                    // zombie for the rest of the watch), and how it ended is what is said.
                    close(input)
                    input = -1
                    let status = end(within: 2)
                    onLost(status == 0 ? failure : ChildProcess.describe(waitStatus: status))
                }
                break
            }
        }
        if input >= 0 { close(input) }
    }


    /// Writes `data` whole; the error's text if it could not.
    private static func send(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { bytes -> String? in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += count
            }
            return nil
        }
    }

    /// Waits for the server to end, for up to `seconds`, then kills it with its process group
    /// (what a wrapper script started goes too); its wait status.
    /// Called by the watch (start, stop) and by the writer thread (a lost server): whichever
    /// comes first takes the pid and waits; the other finds nothing to wait for.
    @discardableResult
    private func end(within seconds: Double) -> Int32 {
        condition.lock()
        let pid = self.pid
        self.pid = 0
        condition.unlock()
        guard pid > 0 else { return 0 }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(seconds)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                break
            }
            usleep(10_000)
        }
        return status
    }

    /// Whether the server answered, between the reading thread and the deadline's.
    private final class Answered: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false

        func set() {
            lock.lock()
            done = true
            lock.unlock()
        }

        /// Runs `action` while holding the lock, if `set` was not called.
        func unlessSet(_ action: () -> Void) {
            lock.lock()
            if !done { action() }
            lock.unlock()
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
