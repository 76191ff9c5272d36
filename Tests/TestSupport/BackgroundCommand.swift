import Foundation

/// A program left running while a test acts on it (`briefing watch`): its output goes to
/// files the test reads as they grow, and the test ends it with a signal.
public final class BackgroundCommand {
    public let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    /// - Parameter environment: variables set for the program on top of this process's.
    public init(_ executable: URL, _ arguments: [String], logs directory: URL, environment: [String: String] = [:]) throws {
        stdoutURL = directory.appendingPathComponent("stdout.log")
        stderrURL = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    deinit { if process.isRunning { process.terminate() } }

    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Waits until `count` lines of standard output contain `needle`; false on timeout or exit.
    @discardableResult
    public func waitFor(_ needle: String, count: Int = 1, timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stdout.components(separatedBy: "\n").filter({ $0.contains(needle) }).count >= count { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Sends `signal` and waits for the exit; the exit status, or nil if it did not end.
    public func stop(with signal: Int32, timeout: TimeInterval = 20) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }
}
