import Foundation

/// The whole process on one clock, for `BRIEFING_TIMINGS`: the phases a run marks account
/// for the middle of it; this adds what lies outside them. Start-up (exec to `main`: the
/// dynamic loader, library constructors, Swift runtime) is read from the kernel's record of
/// when the process started, in clock ticks (10 ms on Linux, so it is shown as such); the
/// time from the last phase to the exit handlers (releasing what the run made) is measured
/// by an `atexit` handler.
public enum ProcessTimeline {
    nonisolated(unsafe) private static var mainEntered: UInt64 = 0
    nonisolated(unsafe) private static var reported: UInt64?
    nonisolated(unsafe) private static var wholeRun: UInt64 = 0
    /// Objects a run made that the process drops at exit instead of releasing one by one
    /// (thousands of Pango layouts, the pages): the kernel frees the memory at once.
    nonisolated(unsafe) private static var keptAlive: [AnyObject] = []
    /// The workers of a batch keep their rows' objects at once.
    private static let keptLock = NSLock()

    /// Called first thing in `main`.
    public static func markMain() {
        mainEntered = DispatchTime.now().uptimeNanoseconds
        // getenv, not ProcessInfo's dictionary of every variable: this runs in every process.
        guard getenv("BRIEFING_TIMINGS") != nil else { return }
        atexit {
            guard let reported = ProcessTimeline.reported else { return }
            let exit = DispatchTime.now().uptimeNanoseconds - reported
            Console.standardError(PhaseTimer.line("exit", exit) + PhaseTimer.line("whole", ProcessTimeline.wholeRun + exit))
        }
    }

    /// Time from the process's start to `main`, and from `main` to `now`; nil when unknown.
    static func beforeTimer(now: UInt64) -> (startup: UInt64?, setup: UInt64)? {
        guard mainEntered > 0 else { return nil }
        return (startupNanoseconds(), now - mainEntered)
    }

    /// Records that the timings were printed, and adds the run's time since the last report.
    static func didReport(total: UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        // Time between two reports (a run with audiences) is not in either's phases.
        if let previous = reported, now - previous > total { wholeRun += now - previous - total }
        reported = now
        wholeRun += total
    }

    /// Keeps `object` alive until the process exits, so its teardown costs nothing.
    public static func keepUntilExit(_ object: AnyObject) {
        keptLock.lock()
        defer { keptLock.unlock() }
        // A batch's rows hand in the same pipeline again and again.
        if let last = keptAlive.last, last === object { return }
        keptAlive.append(object)
    }

    /// exec to now, minus now since `main`: `/proc/self/stat` field 22 is the start time in
    /// clock ticks since boot, and CLOCK_BOOTTIME is the same clock in nanoseconds.
    private static func startupNanoseconds() -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Fields after the command name start at field 3 (state), so field 22 is index 19.
        guard fields.count > 19, let ticks = UInt64(fields[19]) else { return nil }
        let hertz = UInt64(sysconf(Int32(_SC_CLK_TCK)))
        var boot = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        let bootNow = UInt64(boot.tv_sec) * 1_000_000_000 + UInt64(boot.tv_nsec)
        let started = ticks * (1_000_000_000 / max(1, hertz))
        let sinceMain = DispatchTime.now().uptimeNanoseconds - mainEntered
        guard bootNow > started + sinceMain else { return 0 }
        return bootNow - started - sinceMain
    }
}
