import Foundation
import TestSupport
import Testing

/// Exactly once under the kill a scheduler sends: SIGKILL to the whole process group of
/// `generate --deliver`, at seeded random moments across the run, against a real SMTP server,
/// retrying after each; and retries that overlap a slow delivery.
@Suite(.serialized, .systemTier) struct DeliveryKillTests {
    typealias Desk = DeliveryTests.Desk

    static let kills = Int(ProcessInfo.processInfo.environment["BRIEFING_KILL_CASES"] ?? "") ?? 30
    static let seed = UInt64(ProcessInfo.processInfo.environment["BRIEFING_KILL_SEED"] ?? "") ?? 0x00B1_EF1E

    /// `generate --deliver` in a process group of its own (Foundation starts every child as
    /// a group leader), as cron starts a job: `kill(-pid)` reaches it and all its children.
    private func start(_ desk: Desk, template: URL, date: String) throws -> Process {
        let process = Process()
        process.executableURL = Command.briefing
        process.arguments = [
            "generate", "--template", template.path, "--date", date, "--quiet", "--output", desk.output.path,
            "--deliver", desk.plan.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Retries until nothing is queued or sending (a killed run's senders finish on their own).
    private func settle(_ desk: Desk) throws {
        for _ in 0..<200 {
            _ = try desk.outbox(["--retry", "--now", "--quiet"])
            let open = try desk.outbox().stdout
            if !open.contains("  queued  ") && !open.contains("  sending  ") && !open.contains("failed-temporary") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the outbox did not settle: \(try desk.outbox().stdout)")
    }

    /// Every delivery recorded as sent was received exactly once (by Message-ID and envelope
    /// recipient), and nothing was received that is not recorded.
    private func checkExactlyOnce(_ desk: Desk) throws -> Int {
        let received = try desk.server.messages()
        var counts: [String: Int] = [:]
        for message in received {
            for recipient in message.envelope.to where message.envelope.to != ["owner@example.org"] {
                counts["\(message.message_id) \(recipient)", default: 0] += 1
            }
        }
        let all = try desk.outbox(["--all", "--format", "json"])
        let deliveries = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]] ?? []
        var recorded = Set<String>()
        for delivery in deliveries {
            let state = delivery["state"] as? String ?? ""
            #expect(state != "unconfirmed" && state != "sending" && state != "queued", "\(delivery)")
            guard state == "sent", let id = delivery["messageID"] as? String, let recipient = delivery["recipient"] as? String else {
                continue
            }
            let key = "<\(id)> \(recipient)"
            recorded.insert(key)
            #expect(counts[key] == 1, "\(key) received \(counts[key] ?? 0) times")
        }
        for (key, count) in counts {
            #expect(recorded.contains(key) && count == 1, "\(key): received \(count) times, recorded: \(recorded.contains(key))")
        }
        return recorded.count
    }

    private func isWholePDF(_ url: URL) throws -> Bool {
        guard FileManager.default.fileExists(atPath: url.path) else { return true }
        return try Command.tool("qpdf", ["--check", url.path]).status == 0
    }

    /// A desk whose sendmail takes `seconds` a message before msmtp relays it: a relay as
    /// slow as a real one over the network, so kills fall inside sends too.
    private func slowDesk(_ seconds: Double) throws -> Desk {
        try Desk.wrapped("sleep \(seconds)\nexec \"$@\"")
    }

    @Test func killingTheProcessGroupNeverLosesOrDoublesMail() throws {
        let desk = try slowDesk(0.2)
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        // How long an undisturbed run takes here: kills fall anywhere in it.
        let timed = Date()
        let first = try start(desk, template: fixture.directory, date: "2026-11-02")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let duration = max(0.5, Date().timeIntervalSince(timed))
        var random = SeededRandom(state: Self.seed)
        for kill in 0..<Self.kills {
            // Each run has something new for both audiences to read.
            try fixture.write("sections/defence.md", try fixture.read("sections/defence.md") + "\nWeek \(kill) brought news.\n")
            let process = try start(desk, template: fixture.directory, date: "2026-11-\(10 + kill % 18)")
            let delay = Double(random.below(1_000)) / 1_000 * duration * 1.2
            Thread.sleep(forTimeInterval: delay)
            Foundation.kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for file in [desk.output, desk.audience("leadership"), desk.audience("defence")] {
                #expect(try isWholePDF(file), "kill \(kill) after \(delay) s left a partial \(file.lastPathComponent)")
            }
            try settle(desk)
        }
        let last = try start(desk, template: fixture.directory, date: "2026-12-28")
        last.waitUntilExit()
        try settle(desk)
        let sent = try checkExactlyOnce(desk)
        #expect(sent >= 10, "the campaign sent \(sent) messages")
        for audience in ["leadership", "defence"] {
            let store = desk.directory.appendingPathComponent(".briefing/briefing-\(audience).pdf/editions.sqlite")
            #expect(try Command.tool("sqlite3", [store.path, "PRAGMA integrity_check"]).stdout == "ok\n")
        }
    }

    /// A relay that takes a second a message, a run sending through it, and two retries
    /// started meanwhile (the retry job fires every ten minutes; a slow relay overlaps it).
    @Test func retriesOverlappingASlowDeliverySendNothingTwice() throws {
        let desk = try slowDesk(0.5)
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let run = try start(desk, template: fixture.directory, date: "2026-11-30")
        // Retries start while the run sends (its first message takes half a second).
        var retries: [Process] = []
        for _ in 0..<2 {
            Thread.sleep(forTimeInterval: 0.4)
            let retry = Process()
            retry.executableURL = Command.briefing
            retry.arguments = ["outbox", "--output", desk.output.path, "--deliver", desk.plan.path, "--retry", "--now", "--quiet"]
            retry.standardOutput = FileHandle.nullDevice
            retry.standardError = FileHandle.nullDevice
            try retry.run()
            retries.append(retry)
        }
        run.waitUntilExit()
        retries.forEach { $0.waitUntilExit() }
        #expect(run.terminationStatus == 0)
        #expect(retries.allSatisfy { [0, 75].contains($0.terminationStatus) }, "\(retries.map(\.terminationStatus))")
        try settle(desk)
        #expect(try checkExactlyOnce(desk) == 5)
        #expect(try desk.server.messages().count == 5)
    }
}
