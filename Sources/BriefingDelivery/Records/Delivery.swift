import BriefingEditions
import Foundation
import GRDB

/// One message of an edition to one recipient of one audience, as delivery keeps it in the
/// audience's edition store (`DeliveryRecords`): the states a report scheduler shows, so a run killed at any point, a relay that is
/// down or a retry can never send a message twice or lose one silently.
public struct Delivery: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "delivery"

    public enum State: String, Codable, Sendable, CaseIterable {
        /// Waiting to be sent (a first attempt, or a retry after a temporary failure).
        case queued
        /// A sender was started for it and has not reported yet. The sender runs in a
        /// session of its own, so a run killed meanwhile does not stop it; the next run or
        /// retry reads what it reported.
        case sending
        case sent
        /// The sender itself was stopped after it handed the message to sendmail and before
        /// it reported (a reboot): it may have gone out. Not resent (at most once); `outbox`
        /// shows it with its Message-ID to look up in the relay's log.
        case unconfirmed
        /// `when: changed` and nothing changed since the last edition this audience was sent.
        case skippedUnchanged = "skipped-unchanged"
        /// sendmail exited 75 (or could not run): stays in the outbox for `--retry`.
        case failedTemporary = "failed-temporary"
        /// sendmail refused it, or retries gave up: not retried.
        case failedPermanent = "failed-permanent"
        /// Waiting for a retry when a newer edition of the audience reached the recipient:
        /// not sent, so no reader gets an older edition after a newer one.
        case superseded
    }

    public var edition: Int
    public var audience: String
    public var recipient: String
    /// Stable for the edition, audience and recipient: a resend carries the same one.
    public var messageID: String
    public var state: State
    public var attempts: Int
    public var lastError: String
    /// When it was first queued and last changed, UTC ISO 8601.
    public var queued: String
    public var updated: String
    /// The earliest time a retry may send it (exponential backoff), UTC ISO 8601.
    public var nextAttempt: String
    /// The spooled message file, relative to the state folder ("" when none is kept).
    public var message: String

    public init(
        edition: Int, audience: String, recipient: String, messageID: String, state: State, attempts: Int = 0, lastError: String = "",
        queued: String, updated: String, nextAttempt: String = "", message: String = ""
    ) {
        self.edition = edition
        self.audience = audience
        self.recipient = recipient
        self.messageID = messageID
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.queued = queued
        self.updated = updated
        self.nextAttempt = nextAttempt
        self.message = message
    }
}
