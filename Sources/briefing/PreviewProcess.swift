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
final class PreviewProcess {
    /// The PDF's path on the server: `/briefing.pdf` for an output named so.
    let pdfPath: String
    private var pid: pid_t = 0
    private var input: Int32 = -1
    /// Set once a frame could not be sent: the server is gone, and the watch goes on alone.
    private(set) var lost: String?

    init(pdfName: String) {
        pdfPath = "/" + pdfName
    }

    /// The server program: beside this binary, as `make install` and the package put it.
    static var program: String {
        URL(fileURLWithPath: JobArguments.executable).deletingLastPathComponent().appendingPathComponent("briefing-preview").path
    }

    /// Starts the server on `host`:`port`; the port it listens on (the system's choice for
    /// 0). Throws what stopped it: no server program, or an address it could not bind.
    func start(host: String, port: Int) throws -> Int {
        let program = Self.program
        guard access(program, X_OK) == 0 else {
            throw Failure(message: "briefing-preview, the preview server, is not installed beside \(JobArguments.executable)")
        }
        var toServer: [Int32] = [-1, -1], fromServer: [Int32] = [-1, -1]
        guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else {
            throw Failure(message: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        // Only the ends the server is given (dup2 clears the flag on its 0 and 1) reach it.
        for end in toServer + fromServer { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        defer {
            close(toServer[0])
            close(fromServer[1])
        }
        do {
            pid = try ChildProcess.start(program, [host, String(port), String(pdfPath.dropFirst())], pipes: (toServer[0], fromServer[1]))
        } catch {
            close(toServer[1])
            close(fromServer[0])
            throw Failure(message: "\(error)")
        }
        input = toServer[1]
        let reader = ByteReader(descriptor: fromServer[0])
        defer { close(fromServer[0]) }
        switch (try? reader.line()).flatMap { $0 }.flatMap(PreviewHandshake.init(line:)) {
        case .listening(let port)?:
            return port
        case .failed(let message)?:
            stop()
            throw Failure(message: message)
        case nil:
            let status = stop()
            throw Failure(message: "the preview server ended before it listened (wait status \(status))")
        }
    }

    /// A good build: its page and PDF are served from now on, and open pages update.
    func publish(html: Data, pdf: Data?) {
        send(.built(html: html, pdf: pdf))
    }

    /// A failed build: open pages show the error over the last good content.
    func fail(_ message: String) {
        send(.failed(message))
    }

    /// Closes the server's input and waits for it to end; its wait status.
    @discardableResult
    func stop() -> Int32 {
        if input >= 0 {
            close(input)
            input = -1
        }
        guard pid > 0 else { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        pid = 0
        return status
    }

    private func send(_ frame: PreviewFrame) {
        guard lost == nil, input >= 0 else { return }
        let data = frame.encoded
        let written = data.withUnsafeBytes { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let count = write(input, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
        if written != 0 { lost = String(cString: strerror(written)) }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
