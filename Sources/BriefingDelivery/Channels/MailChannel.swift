import BriefingModel
import Foundation

/// Mail as a channel: its sendmail is checked like any channel's program, and a failed run
/// is mailed to `failures_to` (`FailureMail`, once a day per distinct failure). The editions
/// themselves are mailed through the outbox by `DeliveryRun`, which records every message in
/// the edition's transaction so it is sent exactly once.
public struct MailChannel: DeliveryChannel {
    public var plan: DeliveryPlan

    public var name: String { "mail" }

    public func problems(environment: [String: String]) -> [Diagnostic] {
        guard Sendmail(command: plan.sendmail).executable(environment: environment) == nil else { return [] }
        return [
            Diagnostic(
                .error, at: plan.sendmailLocation,
                "the sendmail program '\(plan.sendmail[0])' is not there (or not executable) for the job: briefings would be made but not mailed",
                hints: ["install one (Debian: apt-get install msmtp-mta) or set 'sendmail:' to a program's absolute path"])
        ]
    }

    public func deliver(_ event: DeliveryEvent) -> [String] {
        guard event.status != .success else { return [] }
        let line = FailureMail(plan: plan, output: event.output).send(
            status: event.status.rawValue, exitCode: event.exitCode ?? 1, error: event.error ?? "", command: event.command ?? "")
        return line.map { [$0] } ?? []
    }
}
