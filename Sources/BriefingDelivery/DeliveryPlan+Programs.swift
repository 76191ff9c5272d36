import BriefingModel
import Foundation

extension DeliveryPlan {
    /// Every channel of the plan: mail, then those the delivery file configures (hooks, ...).
    public var allChannels: [any DeliveryChannel] { [MailChannel(plan: self)] + channels }

    /// The programs the plan runs (sendmail, `on_success`, `on_failure`, ...), looked up as
    /// the run will look them up: in `environment`'s `PATH`, which for a scheduled job is
    /// cron's, not the shell's that added it. Each missing or not executable one is an error
    /// at its line, so `schedule add`, `run-job --check` and `doctor` refuse or report it
    /// before a Monday morning does.
    public func missingPrograms(environment: [String: String]) -> [Diagnostic] {
        allChannels.flatMap { $0.problems(environment: environment) }
    }

    /// Passes `event` to every channel; the lines for the log.
    public func announce(_ event: DeliveryEvent) -> [String] {
        allChannels.flatMap { $0.deliver(event) }
    }
}
