import BriefingModel
import Foundation

/// The delivery file's `on_success` and `on_failure` commands, for everything that is not
/// mail (a chat webhook, an upload): run without a shell, with what happened in the
/// environment, under a timeout; their exit status goes to the run log, never to the run's.
public struct Hooks: Sendable {
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

    /// What a hook is told: `BRIEFING_OUTPUT`, `BRIEFING_EDITION`, `BRIEFING_STATUS`,
    /// `BRIEFING_CHANGES`, `BRIEFING_AUDIENCE` (and `BRIEFING_ERROR` on failure).
    public struct Event: Sendable {
        public var output: String
        public var edition: Int?
        /// `success`, `failed` or `needs-review`.
        public var status: String
        public var changes: Int?
        public var audience: String?
        public var error: String?

        public init(output: String, edition: Int?, status: String, changes: Int?, audience: String?, error: String? = nil) {
            self.output = output
            self.edition = edition
            self.status = status
            self.changes = changes
            self.audience = audience
            self.error = error
        }
    }

    /// Runs the hook for `event` (on_failure for any status but success); returns the log
    /// line, or nil when no hook is configured.
    public func run(_ event: Event) -> String? {
        guard let command = event.status == "success" ? onSuccess : onFailure, let name = command.first else { return nil }
        let which = event.status == "success" ? "on_success" : "on_failure"
        let label = "hook \(which)" + (event.audience.map { " (\($0))" } ?? "")
        guard let executable = ChildProcess.find(name) else { return "\(label): \(name) is \(ChildProcess.whyNot(name))" }
        var environment = ProcessInfo.processInfo.environment
        environment["BRIEFING_OUTPUT"] = event.output
        environment["BRIEFING_EDITION"] = event.edition.map(String.init) ?? ""
        environment["BRIEFING_STATUS"] = event.status
        environment["BRIEFING_CHANGES"] = event.changes.map(String.init) ?? ""
        environment["BRIEFING_AUDIENCE"] = event.audience ?? ""
        environment["BRIEFING_ERROR"] = event.error ?? ""
        let result = ChildProcess.run(executable, Array(command.dropFirst()), environment: environment, timeout: timeout)
        guard let status = result.status else {
            return "\(label): " + (result.signal.map { "killed by signal \($0)" + (result.errors.isEmpty ? "" : " (\(result.errors))") } ?? result.errors)
        }
        return "\(label): exit \(status)" + (status != 0 && !result.errors.isEmpty ? " (\(result.errors))" : "")
    }
}
