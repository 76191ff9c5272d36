import BriefingModel
import Foundation

extension DeliveryPlan {
    /// The programs the plan runs (sendmail, `on_success`, `on_failure`), looked up as the
    /// run will look them up: in `environment`'s `PATH`, which for a scheduled job is cron's,
    /// not the shell's that added it. Each missing or not executable one is an error at its
    /// line, so `schedule add`, `run-job --check` and `doctor` refuse or report it before
    /// a Monday morning does.
    public func missingPrograms(environment: [String: String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if Sendmail(command: sendmail).executable(environment: environment) == nil {
            problems.append(
                Diagnostic(
                    .error, at: sendmailLocation,
                    "the sendmail program '\(sendmail[0])' is not there (or not executable) for the job: briefings would be made but not mailed",
                    hints: ["install one (Debian: apt-get install msmtp-mta) or set 'sendmail:' to a program's absolute path"]))
        }
        for (key, command) in [("on_success", hooks.onSuccess), ("on_failure", hooks.onFailure)] {
            guard let name = command?.first, ChildProcess.find(name, environment: environment) == nil else { continue }
            let searched = name.contains("/") ? "" : " in PATH \(environment["PATH"] ?? "")"
            problems.append(
                Diagnostic(
                    .error, at: hooks.locations[key] ?? SourceLocation(file: file),
                    "'\(key)' runs '\(name)', which is not an executable program\(searched)",
                    hints: ["give the program's absolute path, and make it executable (chmod +x)"]))
        }
        return problems
    }
}
