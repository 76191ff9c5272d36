import Foundation
import Testing

/// The two tiers of the suite. Plain `swift test` runs the fast tier: unit and in-process
/// tests that need no root, no cron, no network and no built binary, in well under a minute.
/// The system tier (the real binary, cron, mount, mail through msmtp, pdfua, the fuzzers)
/// runs when `BRIEFING_SYSTEM_TESTS` is set, as `make test` and CI set it.
public enum SystemTier {
    public static let enabled = ProcessInfo.processInfo.environment["BRIEFING_SYSTEM_TESTS"].map { !$0.isEmpty && $0 != "0" } ?? false
}

extension Trait where Self == ConditionTrait {
    /// Marks a suite as system tier.
    public static var systemTier: Self {
        .enabled(if: SystemTier.enabled, "system tier: runs with BRIEFING_SYSTEM_TESTS=1 (make test sets it)")
    }
}
