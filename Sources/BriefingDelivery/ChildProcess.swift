import Foundation

/// Runs a program without a shell (an argument vector: nothing in a path or an address is
/// ever interpreted), with standard input from a file, a bounded wait and what it printed
/// on standard error: sendmail and the delivery file's hooks.
enum ChildProcess {
    struct Result {
        /// Nil when it did not finish in time (it was killed) or could not start.
        var status: Int32?
        var errors: String
    }

    static func run(
        _ executable: URL, _ arguments: [String], input: URL? = nil, environment: [String: String]? = nil, timeout: TimeInterval
    ) -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let errors = Pipe()
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        } catch {
            return Result(status: nil, errors: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        // Standard error is read on the side (a full pipe would block the program), and the
        // wait is bounded: a relay or hook that hangs must not hang the run.
        nonisolated(unsafe) var output = Data()
        let read = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            output = errors.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // SIGKILL: a program with SIGTERM blocked or ignored must still stop.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return Result(status: nil, errors: "\(executable.lastPathComponent) did not finish in \(Int(timeout)) s and was stopped")
        }
        _ = read.wait(timeout: .now() + 5)
        let text = String(decoding: output, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "; ")
        return Result(status: process.terminationStatus, errors: String(text.prefix(400)))
    }

    /// A program named by path, or looked up in `PATH` as a shell would.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        guard !name.isEmpty else { return nil }
        let candidates =
            name.contains("/")
            ? [name] : (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin").split(separator: ":").map { "\($0)/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }
}
