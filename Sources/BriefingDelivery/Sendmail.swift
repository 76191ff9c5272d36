import Foundation

/// The system's mail interface, as cron itself mails: the sendmail program (msmtp's, postfix's
/// or any other) reads the message on standard input. Run without a shell, one envelope
/// recipient a call (`-oi -f FROM -- RECIPIENT`, not `-t`), so the To and Cc headers can
/// show the whole audience while each recipient's copy is sent, and recorded, once.
public struct Sendmail: Sendable {
    /// The program (a path, or a name looked up in `PATH`) and its first arguments.
    public var command: [String]
    /// A relay that does not answer in this time is a temporary failure.
    public var timeout: TimeInterval = 120

    public init(command: [String]) { self.command = command }

    public enum Result: Sendable, Equatable {
        case sent
        /// Exit 75 (EX_TEMPFAIL), a timeout, or the program could not run: try again later.
        case temporary(String)
        /// Any other refusal: a retry would fail the same way.
        case permanent(String)
    }

    /// The program's full path, or nil if it is not there (`doctor` and the run check first).
    public func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        command.first.flatMap { ChildProcess.find($0, environment: environment) }
    }

    /// Sends the message in `file` to `recipient`. The file is standard input itself, so a
    /// run stopped meanwhile cannot hand sendmail half a message.
    public func send(_ file: URL, from sender: String, to recipient: String) -> Result {
        guard let executable = executable() else { return .temporary("\(command.first ?? "sendmail") not found") }
        let result = ChildProcess.run(
            executable, Array(command.dropFirst()) + ["-oi", "-f", sender, "--", recipient], input: file, timeout: timeout)
        // msmtp says why first ("cannot connect to ...") and then that it failed: all of it is kept.
        switch result.status {
        case 0: return .sent
        case nil: return .temporary(result.errors)
        case 75: return .temporary(result.errors.isEmpty ? "temporary failure (exit 75)" : result.errors)
        case let status?: return .permanent(result.errors.isEmpty ? "\(executable.lastPathComponent) exited \(status)" : result.errors)
        }
    }

    /// What the program is, for `doctor`: its path, the file a link leads to, and msmtp's
    /// version (other sendmails are not run: postfix's would wait for a message).
    public func describe() -> String? {
        guard let executable = executable() else { return nil }
        let real = executable.resolvingSymlinksInPath()
        var text = executable.path + (real.path == executable.path ? "" : " -> \(real.path)")
        if real.lastPathComponent.hasPrefix("msmtp") {
            let result = Process()
            result.executableURL = real
            result.arguments = ["--version"]
            let out = Pipe()
            result.standardOutput = out
            result.standardError = FileHandle.nullDevice
            result.standardInput = FileHandle.nullDevice
            if (try? result.run()) != nil {
                let first = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").first
                result.waitUntilExit()
                if let first { text += " (\(first))" }
            }
        }
        return text
    }
}
