import BriefingSchedule
import Foundation

/// Writes how a run ended into its manifest and log: the one place a run's result is recorded,
/// whether it succeeded, failed or was stopped by the watchdog.
struct RunRecords: Sendable {
    let state: RunState
    let started: Date

    /// Records a success (or "unchanged") and returns the outcome with its duration.
    func succeeded(_ manifest: inout RunManifest, _ outcome: RunContract.Outcome) -> RunContract.Outcome {
        var outcome = outcome
        outcome.seconds = Date().timeIntervalSince(started)
        manifest.lastRun = .init(
            started: RunManifest.timestamp(started), durationSeconds: rounded(outcome.seconds), result: outcome.result, exitCode: 0,
            message: nil)
        try? manifest.write(for: state.output)
        try? RunLog.append(line(outcome.result, outcome.seconds, detail: "\(outcome.pages) pages"), to: state.log)
        return outcome
    }

    /// - Parameter result: `failed`, or `needs-review` when claims in the text no longer hold.
    func failed(_ manifest: inout RunManifest, code: Int32, message: String, result: RunResult = .failed) {
        let seconds = Date().timeIntervalSince(started)
        manifest.lastRun = .init(
            started: RunManifest.timestamp(started), durationSeconds: rounded(seconds), result: result, exitCode: code,
            message: message)
        try? manifest.write(for: state.output)
        try? RunLog.append(line(result, seconds, detail: "exit \(code): \(message)"), to: state.log)
    }

    private func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    private func line(_ result: RunResult, _ seconds: Double, detail: String) -> String {
        "\(RunManifest.timestamp(started)) \(result.rawValue) \(String(format: "%.2f", seconds))s \(detail)"
    }
}
