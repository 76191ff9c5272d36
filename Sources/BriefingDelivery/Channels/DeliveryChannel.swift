import BriefingModel
import Foundation

/// Something that happened to a briefing, for a channel to pass on: an audience's edition
/// published, or a run that failed (or whose claims need review).
public struct DeliveryEvent: Sendable {
    public enum Status: String, Sendable {
        case success
        case failed
        case needsReview = "needs-review"
    }

    public var status: Status
    /// The output the event is about: an audience's PDF, or the main output for a failure.
    public var output: URL
    public var audience: String?
    public var edition: Int?
    /// How many changes the edition's "what changed" lists.
    public var changes: Int?
    /// For a failure: the error as printed, its exit status and the command that reproduces it.
    public var error: String?
    public var exitCode: Int32?
    public var command: String?

    public init(
        status: Status, output: URL, audience: String? = nil, edition: Int? = nil, changes: Int? = nil, error: String? = nil,
        exitCode: Int32? = nil, command: String? = nil
    ) {
        self.status = status
        self.output = output
        self.audience = audience
        self.edition = edition
        self.changes = changes
        self.error = error
        self.exitCode = exitCode
        self.command = command
    }
}

/// A way news of a briefing leaves the machine, configured in the delivery file. Mail is
/// one (`MailChannel`: the failure mail here; the editions themselves go through the outbox,
/// exactly once, in `DeliveryRun`), command hooks another (`Hooks`). A webhook or a chat
/// message is one more type conforming to this and one line in `DeliveryChannels.kinds`.
public protocol DeliveryChannel: Sendable {
    /// For the log: "mail", "hook", "webhook".
    var name: String { get }
    /// What it needs that is not there (a program, a setting), at the delivery file's lines,
    /// looked up in `environment` (the job's, for a scheduled run).
    func problems(environment: [String: String]) -> [Diagnostic]
    /// Passes the event on; returns lines for the output's log. Never throws: a channel that
    /// cannot pass news on says so in the log, and the briefing stays published.
    func deliver(_ event: DeliveryEvent) -> [String]
}

extension DeliveryChannel {
    public func problems(environment: [String: String]) -> [Diagnostic] { [] }
}

/// A kind of channel the delivery file can configure: the keys it reads and how.
public struct ChannelKind: Sendable {
    public var keys: [String]
    /// Reads the channel from the delivery file's top-level mapping (nil when its keys are
    /// absent); problems go to `report` at the node they are about.
    public var decode: @Sendable (_ file: YAMLMapping, _ report: (YAMLNode, String) -> Void) -> (any DeliveryChannel)?

    public init(
        keys: [String], decode: @escaping @Sendable (_ file: YAMLMapping, _ report: (YAMLNode, String) -> Void) -> (any DeliveryChannel)?
    ) {
        self.keys = keys
        self.decode = decode
    }
}

/// The channels a delivery file may configure besides mail.
public enum DeliveryChannels {
    public static let kinds: [ChannelKind] = [Hooks.kind]
}
