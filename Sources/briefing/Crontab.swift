import BriefingSchedule
import Foundation

/// The user's crontab, read and written through cron's own `crontab` command (never by
/// touching the spool), so the daemon notices every change. `$BRIEFING_CRONTAB` names another
/// program with the same interface, for tests.
enum Crontab {
    static var program: String { ProcessInfo.processInfo.environment["BRIEFING_CRONTAB"] ?? "crontab" }

    /// The crontab's text, or nil when the user has none.
    static func read() throws -> String? {
        let result = try run(["-l"], input: nil)
        if result.status == 0 { return result.output }
        if result.error.lowercased().contains("no crontab") { return nil }
        throw OutputError(
            message: "crontab -l failed: \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))", code: ExitStatus.tryAgain)
    }

    /// Installs `text`, or removes the crontab for nil, so a user who had none is left with none.
    static func write(_ text: String?) throws {
        guard let text else {
            _ = try run(["-r"], input: nil)  // "no crontab" here is already the wanted state
            return
        }
        let result = try run(["-"], input: text)
        guard result.status == 0 else {
            throw OutputError(
                message: "crontab refused the new table: \(result.error.trimmingCharacters(in: .whitespacesAndNewlines))",
                code: ExitStatus.cannotCreate)
        }
    }

    private static func run(_ arguments: [String], input: String?) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw OutputError(
                message: "cannot run \(program): \(error.localizedDescription) (install Debian's cron package)", code: ExitStatus.tryAgain)
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile(), error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw OutputError(message: "cannot run \(program) (install Debian's cron package)", code: ExitStatus.tryAgain)
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
