import BriefingModel
import Foundation

/// The delivery file's `on_success` and `on_failure` commands, for everything that is not
/// mail (a chat notifier, an upload): run without a shell, with what happened in the
/// environment, under a timeout, in a process group of their own; their exit status goes to
/// the run log, never to the run's.
public struct Hooks: DeliveryChannel {
    public var onSuccess: [String]?
    public var onFailure: [String]?
    public var timeout: TimeInterval = 60
    /// Where `on_success` and `on_failure` are written, for errors about their programs.
    public var locations: [String: SourceLocation] = [:]

    public init(onSuccess: [String]? = nil, onFailure: [String]? = nil, timeout: TimeInterval = 60) {
        self.onSuccess = onSuccess
        self.onFailure = onFailure
        self.timeout = timeout
    }

    public var name: String { "hook" }

    /// `on_success: [/usr/local/bin/post-to-chat, --channel, briefings]`, `on_failure`, and
    /// `hook_timeout_seconds`.
    public static let kind = ChannelKind(keys: ["on_success", "on_failure", "hook_timeout_seconds"]) { file, report in
        /// A command as an argument vector: `[notify, --channel, briefings]` (no shell).
        func command(_ key: String) -> [String]? {
            guard let node = file.optional(key) else { return nil }
            guard case .sequence = node.node, let words = node.stringList()?.map(\.0), !words.isEmpty else {
                report(node, "expected a command as a list, e.g. [/usr/local/bin/notify, --channel, briefings] (no shell runs it)")
                return nil
            }
            return words
        }
        var hooks = Hooks(onSuccess: command("on_success"), onFailure: command("on_failure"))
        for key in ["on_success", "on_failure"] { hooks.locations[key] = file.optional(key)?.location }
        if let node = file.optional("hook_timeout_seconds"), let value = node.double() {
            if value > 0, value <= 3600 { hooks.timeout = value } else { report(node, "expected 1 to 3600 seconds") }
        }
        return hooks.onSuccess == nil && hooks.onFailure == nil ? nil : hooks
    }

    public func problems(environment: [String: String]) -> [Diagnostic] {
        [("on_success", onSuccess), ("on_failure", onFailure)].compactMap { key, command in
            guard let name = command?.first, ChildProcess.find(name, environment: environment) == nil else { return nil }
            let searched = name.contains("/") ? "" : " in PATH \(environment["PATH"] ?? "")"
            return Diagnostic(
                .error, at: locations[key] ?? SourceLocation.program,
                "'\(key)' runs '\(name)', which is not an executable program\(searched)",
                hints: ["give the program's absolute path, and make it executable (chmod +x)"])
        }
    }

    /// Runs `on_success` for a published edition, `on_failure` for anything else, with
    /// `BRIEFING_OUTPUT`, `BRIEFING_EDITION`, `BRIEFING_STATUS`, `BRIEFING_CHANGES`,
    /// `BRIEFING_AUDIENCE` (and `BRIEFING_ERROR`, the error's first line) in its environment.
    public func deliver(_ event: DeliveryEvent) -> [String] {
        guard let command = event.status == .success ? onSuccess : onFailure, let name = command.first else { return [] }
        let which = event.status == .success ? "on_success" : "on_failure"
        let label = "hook \(which)" + (event.audience.map { " (\($0))" } ?? "")
        guard let executable = ChildProcess.find(name) else { return ["\(label): \(name) is \(ChildProcess.whyNot(name))"] }
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_OUTPUT"] = event.output.path
        environment["BRIEFING_EDITION"] = event.edition.map(String.init) ?? ""
        environment["BRIEFING_STATUS"] = event.status.rawValue
        environment["BRIEFING_CHANGES"] = event.changes.map(String.init) ?? ""
        environment["BRIEFING_AUDIENCE"] = event.audience ?? ""
        environment["BRIEFING_ERROR"] = event.error.flatMap { $0.split(separator: "\n").first.map(String.init) } ?? ""
        let result = ChildProcess.run(executable, Array(command.dropFirst()), environment: environment, timeout: timeout)
        guard let status = result.status else {
            return [
                "\(label): "
                    + (result.signal.map { "killed by signal \($0)" + (result.errors.isEmpty ? "" : " (\(result.errors))") }
                        ?? result.errors)
            ]
        }
        return ["\(label): exit \(status)" + (status != 0 && !result.errors.isEmpty ? " (\(result.errors))" : "")]
    }
}
