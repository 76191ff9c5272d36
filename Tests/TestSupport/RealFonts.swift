import Foundation

/// One briefing at a time with the bundled fonts in the test process. Two pipelines that
/// loaded the same fonts on two threads at once could set a line differently (found by the
/// golden page tests: a justified line broken at a soft hyphen ran 3 pt past the margin).
/// `PangoTextMeasurer.fontLoading` now loads fonts one measurer at a time, which
/// `BatchTests` checks with two workers; tests that compare what real fonts draw still take
/// this lock, so a regression there shows as a batch failure, not as a flaky golden page.
public enum RealFonts {
    private static let lock = NSLock()

    public static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
