import BriefingRunState
import Foundation

/// The system's mail interface, as cron itself mails: the sendmail program (msmtp's, postfix's
/// or any other) reads the message on standard input. Run without a shell, one envelope
/// recipient a call (`-oi -f FROM -- RECIPIENT`, not `-t`), so the To and Cc headers can
/// show the whole audience while each recipient's copy is sent, and recorded, once.
public struct Sendmail: Sendable {
    /// The program (a path, or a name looked up in `PATH`) and its first arguments.
    public var command: [String]
    /// A relay that does not answer in this time is a temporary failure
    /// (`sendmail_timeout_seconds`; also bounded by the run's `--timeout`).
    public var timeout: TimeInterval = 60

    public init(command: [String]) { self.command = command }

    public enum Result: Sendable, Equatable {
        case sent
        /// Exit 75 (EX_TEMPFAIL), a timeout, the program could not run, or the relay
        /// answered 4xx: try again later.
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
        guard let executable = executable() else {
            let name = command.first ?? "sendmail"
            return .temporary("the sendmail program '\(name)' is \(ChildProcess.whyNot(name))")
        }
        let result = ChildProcess.run(executable, arguments(from: sender, to: recipient), input: file, timeout: timeout)
        if let signal = result.signal { return Self.classify(status: 128 + signal, errors: result.errors, program: executable) }
        guard let status = result.status else { return .temporary(result.errors) }
        return Self.classify(status: status, errors: result.errors, program: executable)
    }

    /// Why a program name is not a program ("not found", "a folder, not a program", "not
    /// executable (chmod +x)").
    public static func whyNot(_ name: String) -> String { ChildProcess.whyNot(name) }

    /// The arguments after the program: one envelope recipient, never `-t`.
    func arguments(from sender: String, to recipient: String) -> [String] {
        Array(command.dropFirst()) + ["-oi", "-f", sender, "--", recipient]
    }

    /// What an exit status means (as a shell reports it: 128+N for a signal, 124 when
    /// coreutils' `timeout` stopped it). Only a refusal is permanent: a crash, a kill or a
    /// timeout may go through on a retry.
    static func classify(status: Int32, errors: String, program: URL, timeout: TimeInterval = 60) -> Result {
        // msmtp says why first ("cannot connect to ...") and then that it failed: all of it is kept.
        let name = program.lastPathComponent
        switch status {
        case 0: return .sent
        case 75: return .temporary(errors.isEmpty ? "temporary failure (exit 75)" : errors)
        case 124, 137: return .temporary("\(name) did not finish in \(ChildProcess.seconds(timeout)) and was stopped")
        case 126, 127: return .temporary("\(name) could not be run (exit \(status))" + (errors.isEmpty ? "" : ": \(errors)"))
        case 129...192:
            let signal = status - 128
            let named = String(cString: strsignal(signal))
            return .temporary("\(name) was killed by signal \(signal) (\(named))" + (errors.isEmpty ? "" : ": \(errors)"))
        default:
            if Self.serverSaidTryLater(errors) { return .temporary(errors) }
            return .permanent(errors.isEmpty ? "\(name) exited \(status)" : errors)
        }
    }

    /// Whether the relay's own reply was a 4xx ("try again later", as greylisting answers)
    /// and none was a 5xx: msmtp exits 69 for a 451 as for any refusal, and prints the
    /// server's words (`server message: 451 4.7.1 ...`). Only a reply in that form counts,
    /// so other text with a number in it is not read as one.
    static func serverSaidTryLater(_ errors: String) -> Bool {
        var temporary = false
        for line in errors.split(whereSeparator: \.isNewline) {
            guard let range = line.range(of: "server message: ") else { continue }
            let code = line[range.upperBound...].prefix(3)
            guard code.count == 3, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { continue }
            if code.first == "5" { return false }
            if code.first == "4" { temporary = true }
        }
        return temporary
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
            result.environment = OwnEnvironment.forChildren()
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
