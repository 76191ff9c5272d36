import Foundation
import TestSupport
import Testing

/// A run that takes too long or grows too large stops cleanly: exit 75, the last good PDF
/// kept, the failure in the log and manifest, the lock released for the next run.
@Suite(.serialized, .systemTier) struct ResourceLimitTests {
    private func run(_ pdf: URL, _ extra: [String]) throws -> CommandResult {
        try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "--output", pdf.path] + extra)
    }

    @Test func aTimeoutStopsTheRunAndKeepsTheLastBriefing() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try run(pdf, []).status == 0)
        let good = try Data(contentsOf: pdf)

        let stopped = try run(pdf, ["--timeout", "0.02"])
        #expect(stopped.status == 75, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("timed out after 0.02 s (--timeout); \(pdf.path) was not changed"))
        #expect(try Data(contentsOf: pdf) == good)
        let state = directory.appendingPathComponent(".briefing/briefing.pdf")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: state.path)) == ["lock", "log", "manifest.json", "editions.sqlite", "editions"],
            "no temporary left")
        let log = try String(contentsOf: state.appendingPathComponent("log"), encoding: .utf8)
        #expect(log.contains("failed") && log.contains("exit 75: timed out"))
        #expect(try run(pdf, ["--timeout", "120"]).status == 0, "the lock was released")
    }

    @Test func aMemoryLimitStopsAHugeRun() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = directory.appendingPathComponent("events.yaml")
        let made = try Command.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", TemplateFixture.repository.appendingPathComponent("benchmarks/make-timeline-data.py").path, "10000"])
        try made.data.write(to: events)
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let stopped = try run(pdf, ["--data", events.path, "--max-memory", "40"])
        #expect(stopped.status == 75, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("over the limit of 40 MiB (--max-memory)"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }
}
