import BriefingRunState
import Foundation

/// One lock per output for everything that sends its mail: a `generate --deliver` run and
/// `outbox --retry` (the retry job fires every ten minutes and may meet a run on a slow
/// relay). `.briefing/NAME.pdf/delivery.lock` beside the main output; flock(2), so a killed
/// holder never leaves it stale.
enum DeliveryLock {
    static func url(for output: URL) -> URL { RunState(output: output).folder.appendingPathComponent("delivery.lock") }

    /// The lock, waiting for it up to `waiting` seconds; nil if another holder keeps it.
    static func acquire(for output: URL, waiting: TimeInterval = 0) -> RunLock? {
        let url = url(for: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let deadline = Date().addingTimeInterval(waiting)
        while true {
            if let lock = try? RunLock(path: url.path) { return lock }
            if Date() >= deadline { return nil }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
