import Foundation

/// Wall-clock time per phase of a run, printed to standard error when `BRIEFING_TIMINGS` is
/// set. A profiler shows which functions are hot; this shows which *phase* a slow run spent
/// its time in (fonts, layout, PDF writing), which is what a user asks first and what the
/// benchmark notes quote. Costs one clock read per phase when off.
public struct PhaseTimer {
    private let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, UInt64)] = []

    public init(environment: [String: String]) {
        enabled = environment["BRIEFING_TIMINGS"] != nil
        // The first timer of a process also accounts for what came before it.
        if enabled, let before = ProcessTimeline.beforeTimer(now: last) {
            if let startup = before.startup { phases.append(("start-up", startup)) }
            phases.append(("arguments", before.setup))
        }
    }

    /// Closes the phase that ran since the previous mark (or since the timer was made).
    public mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((phase, now - last))
        last = now
    }

    /// Starts again from now, with no phases (each build of a watch reports its own).
    public mutating func restart() {
        phases.removeAll()
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Writes one line per phase and a total, in milliseconds.
    /// Writes the phases since the last report (a run with audiences reports once per
    /// briefing); with `BRIEFING_TIMINGS`, the process adds "exit" and "whole" when it ends.
    public mutating func report() {
        guard enabled, !phases.isEmpty else { return }
        let total = phases.reduce(0) { $0 + $1.1 }
        let text = phases.map { Self.line($0.0, $0.1) }.joined() + Self.line("total", total)
        Console.standardError(text)
        ProcessTimeline.didReport(total: total)
        phases.removeAll()
    }

    static func line(_ name: String, _ nanoseconds: UInt64) -> String {
        let padded = name.padding(toLength: 10, withPad: " ", startingAt: 0)
        return "timing: \(padded) \(String(format: "%7.1f", Double(nanoseconds) / 1e6)) ms\n"
    }
}
