import BriefingPipeline
import Foundation

/// Stops a run that takes too long or grows too large, so a stuck or runaway scheduled job
/// cannot hold its lock, fill the machine's memory or run into the next one. A watchdog
/// thread checks the wall clock and the resident memory every 50 ms; past a limit it runs
/// `onStop` (which records the failure and removes temporaries) and ends the process with
/// the caller's exit code. The previous briefing is never touched: publishing happens inside
/// `commit`, which the watchdog waits for, so a run is stopped either before its rename or
/// not at all.
public final class RunGuard: @unchecked Sendable {
    public struct Limits: Sendable, Hashable {
        /// Wall-clock seconds for the whole run; nil: no limit.
        public var seconds: Double?
        /// Resident memory in MiB; nil: no limit.
        public var memoryMiB: Int?

        public init(seconds: Double? = nil, memoryMiB: Int? = nil) {
            self.seconds = seconds
            self.memoryMiB = memoryMiB
        }
    }

    private let limits: Limits
    private let mutex = NSLock()
    private var finished = false
    private let started = DispatchTime.now()

    /// Starts watching. `onStop` gets the reason ("timed out after 5 s") and returns the exit code.
    public init(limits: Limits, onStop: @escaping @Sendable (String) -> Int32) {
        self.limits = limits
        guard limits.seconds != nil || limits.memoryMiB != nil else {
            finished = true
            return
        }
        Thread { [self] in watch(onStop) }.start()
    }

    /// Runs `body` (publishing the output and recording the run, the last step of a run) with
    /// the watchdog held off, and stops watching: a run that has published, or recorded its
    /// failure, is never stopped and recorded a second time.
    public func commit<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer {
            finished = true
            mutex.unlock()
        }
        return try body()
    }

    /// The run is over: the watchdog stops watching.
    public func finish() {
        mutex.lock()
        finished = true
        mutex.unlock()
    }

    private func watch(_ onStop: (String) -> Int32) {
        while true {
            // Every 50 ms for memory, or exactly at the deadline if that comes first.
            let elapsedBefore = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let untilDeadline = limits.seconds.map { max(0.001, $0 - elapsedBefore + 0.001) } ?? 0.05
            usleep(UInt32(min(0.05, untilDeadline) * 1e6))
            let reason: String?
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            if let seconds = limits.seconds, elapsed > seconds {
                reason = "timed out after \(Self.format(seconds)) s (--timeout)"
            } else if let memory = limits.memoryMiB, let resident = Self.residentMiB(), resident > memory {
                reason = "used \(resident) MiB of memory, over the limit of \(memory) MiB (--max-memory)"
            } else {
                reason = nil
            }
            mutex.lock()
            if finished {
                mutex.unlock()
                return
            }
            guard let reason else {
                mutex.unlock()
                continue
            }
            // Held until the process ends: nothing is published after this point.
            let code = onStop(reason)
            _exit(code)
        }
    }

    /// Resident memory of this process, from /proc/self/statm.
    static func residentMiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
