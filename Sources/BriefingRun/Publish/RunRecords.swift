import BriefingPipeline
import BriefingRunState
import Foundation
import Synchronization

/// Writes how a run ended into its manifest and log: the one place a run's result is recorded,
/// whether it succeeded, failed or was stopped by the watchdog.
public struct RunRecords: Sendable {
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
        Self.recorded.withLock { _ = $0.insert(state.output.path) }
    }

    private func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    private func line(_ result: RunResult, _ seconds: Double, detail: String) -> String {
        "\(RunManifest.timestamp(started)) \(result.rawValue) \(String(format: "%.2f", seconds))s \(detail)"
    }

    // MARK: - Failures outside the contract

    /// Outputs whose failure this process has recorded: a caller that catches the same error
    /// later (the command line, `run-job`) must not record it twice.
    private static let recorded = Mutex<Set<String>>([])

    /// Records a failure that happened before or after the run contract ran for `output`:
    /// the delivery file, the fonts, the template read to check an audience, a mail that
    /// could not go out. Unless this process recorded one for it already. The state folder is
    /// made if it can be; if not (the output's folder is missing) the failure stays in the
    /// job's log and status only.
    public static func recordFailure(
        output: URL, started: Date, code: Int32, error: Error, program: String, result: RunResult = .failed
    ) {
        let output = output.standardizedFileURL
        guard !recorded.withLock({ $0.contains(output.path) }) else { return }
        let state = RunState(output: output)
        var isFolder: ObjCBool = false
        // Never the output's own folder: a run that failed does not make it.
        guard FileManager.default.fileExists(atPath: output.deletingLastPathComponent().path, isDirectory: &isFolder), isFolder.boolValue,
            (try? FileManager.default.createDirectory(at: state.folder, withIntermediateDirectories: true)) != nil
        else { return }
        var manifest = RunManifest.read(for: output) ?? RunManifest(program: program, output: output.path)
        let message = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
        RunRecords(state: state, started: started).failed(&manifest, code: code, message: message, result: result)
    }
}
