import CFastPrintf

/// cairo's numbers, formatted fast and exactly (`Sources/CFastPrintf`): cairo writes every
/// coordinate of a PDF page through glibc's "%f", about 2,400 instructions a number. The
/// executable formats "%f" and "%d" itself where the answer is exact and passes anything else
/// to glibc; tests turn checking on to compare every result with glibc's.
public enum FastPrintf {
    public struct Counts: Equatable, Sendable {
        public var fast: Int
        public var passed: Int
        /// Fast results that differed from glibc's (counted only while checking).
        public var mismatches: Int
    }

    public static var counts: Counts {
        let counts = briefing_fast_printf_counts_get()
        return Counts(fast: counts.fast, passed: counts.passed, mismatches: counts.mismatches)
    }

    /// While on, every fast result is formatted by glibc as well and compared. For tests.
    public static func setChecking(_ on: Bool) { briefing_fast_printf_set_checking(on ? 1 : 0) }

    /// `value` as "%.PRECISIONf" by the fast path, or nil where it passes it on to glibc.
    public static func fixed(_ value: Double, precision: Int = 6) -> String? {
        var buffer = [CChar](repeating: 0, count: 80)
        guard briefing_fast_printf_double(&buffer, buffer.count, value, Int32(precision)) >= 0 else { return nil }
        return String(cString: buffer)
    }
}
