import Foundation

/// One briefing at a time with the bundled fonts in the test process. Two pipelines that lay
/// out with real fonts on two threads at once can set a line differently (found by the
/// golden page tests: in about one round in four, a justified line of the reader fixture ran
/// 3 pt past the right margin). The product runs one pipeline per process today; until the
/// cause in the text stack is found (issue 30 needs a worker pool), tests that compare what
/// real fonts draw take this lock.
public enum RealFonts {
    private static let lock = NSLock()

    public static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
