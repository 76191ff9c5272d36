import BriefingRunState
import Foundation

/// The user's crontab, read and written through cron's own `crontab` command (never by
/// touching the spool), so the daemon notices every change. `$BRIEFING_CRONTAB` names another
/// program with the same interface, for tests.
public enum Crontab {
    public static var program: String { ProcessInfo.processInfo.environment["BRIEFING_CRONTAB"] ?? "crontab" }

    /// The crontab's text, or nil when the user has none.
    public static func read() throws -> String? {
        let result = try run(["-l"], input: nil)
        if result.status == 0 { return result.output }
        if result.error.lowercased().contains("no crontab") { return nil }
        throw CrontabError(
            message: "crontab -l failed: \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))", retry: true)
    }

    /// Installs `text`, or removes the crontab for nil, so a user who had none is left with none.
    public static func write(_ text: String?) throws {
        guard let text else {
            _ = try run(["-r"], input: nil)  // "no crontab" here is already the wanted state
            return
        }
        let result = try run(["-"], input: text)
        guard result.status == 0 else {
            throw CrontabError(
                message: "crontab refused the new table: \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))",
                retry: false)
        }
    }

    private static func run(_ arguments: [String], input: String?) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.environment = OwnEnvironment.forChildren()
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw CrontabError(
                message: "cannot run \(program): \(error.localizedDescription) (install Debian's cron package)", retry: true)
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile(), error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw CrontabError(message: "cannot run \(program) (install Debian's cron package)", retry: true)
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}

/// `crontab` failed or is missing. `retry`: worth trying again later (exit 75: no cron
/// installed yet, a read that failed); otherwise the table was refused (73).
public struct CrontabError: Error, CustomStringConvertible {
    public var message: String
    public var retry: Bool
    public var description: String { message }
}
