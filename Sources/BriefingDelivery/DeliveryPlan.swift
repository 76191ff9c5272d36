import BriefingModel
import Foundation

/// Who gets a briefing and how, from a delivery file (`--deliver FILE`). Deployment, not
/// content: it lives outside the template, so one template serves several desks and
/// addresses never travel with a shared template.
public struct DeliveryPlan: Sendable {
    public enum When: String, Sendable, CaseIterable {
        /// Every run sends.
        case always
        /// Only an edition whose inputs differ from the last one sent to the audience.
        case changed
    }

    /// One desk: the sections it reads and who reads them.
    public struct Audience: Sendable {
        public var id: String
        /// How the mail names the audience ("the defence desk"); the id when not given.
        public var name: String?
        /// Comma-separated ids, as `--sections` and `--skip` take them (at most one of the two).
        public var sections: String?
        public var skip: String?
        public var to: [MailAddress]
        public var cc: [MailAddress]
        public var bcc: [MailAddress]
        public var subjectPrefix: String?
        public var location: SourceLocation
        /// Where `sections`/`skip` are written, for errors once the template is known.
        public var sectionsLocation: SourceLocation?

        /// Every recipient, each once, in the order to, cc, bcc.
        public var recipients: [MailAddress] {
            var seen = Set<String>()
            return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
        }
    }

    public var from: MailAddress
    public var failuresTo: [MailAddress]
    public var when: When
    /// Attach the PDF (else only link to it).
    public var attach: Bool
    /// Where readers find the PDF: the folder URL, the file's name appended.
    public var link: String?
    public var maxAttachmentBytes: Int
    /// The sendmail program and its first arguments (`/usr/sbin/sendmail`, or
    /// `[msmtp, -C, /etc/briefing/msmtprc]`); `-oi -f FROM -- RECIPIENT` follow.
    public var sendmail: [String]
    public var audiences: [Audience]
    /// Retries wait 1, 2, 4, ... minutes, at most this long (`retry_every_minutes`, default 10).
    public var retryCap: TimeInterval = 600
    /// A message not sent this long after it was queued is given up (`give_up_hours`, 24).
    public var giveUpAfter: TimeInterval = 86_400
    /// The channels the delivery file configures besides mail (`on_success`/`on_failure`
    /// hooks, ...), in the order of `DeliveryChannels.kinds`.
    public var channels: [any DeliveryChannel] = []
    /// How long sendmail may take with one message before it is stopped and the message
    /// retried (`sendmail_timeout_seconds`, default 60); the run's `--timeout` bounds it too.
    public var sendTimeout: TimeInterval = 60

    /// The sendmail program with the plan's deadline.
    public var sendmailProgram: Sendmail {
        var program = Sendmail(command: sendmail)
        program.timeout = sendTimeout
        return program
    }
    public var file: String
    /// Where `max_attachment_mb` (or `attach`) is written, for the error of a PDF too large.
    public var attachLocation: SourceLocation
    /// Where `sendmail` is written (the file itself when the default is used).
    public var sendmailLocation: SourceLocation

    public static let defaultSendmail = "/usr/sbin/sendmail"
    public static let defaultMaxAttachmentMB = 10.0
}
