import Foundation
import TestSupport
import Testing

/// Delivery when the machine misbehaves: a full disk while messages are queued, a sendmail
/// that hangs (with children of its own), a sendmail that is a folder or crashes.
@Suite(.serialized, .systemTier) struct DeliveryFaultTests {
    typealias Desk = DeliveryTests.Desk

    /// A full disk while queueing: 73 naming what could not be written (no Foundation error
    /// code), and each audience mailed to all its recipients or to none.
    @Test func aFullDiskWhileQueueingIsAllOrNothingPerAudience() throws {
        let desk = try Desk()
        let disk = desk.directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try Command.tool("mount", ["-t", "tmpfs", "-o", "size=1400k", "tmpfs", disk.path])
        try #require(mount.status == 0, "cannot mount a tmpfs (the tests run as root): \(mount.stderr)")
        defer { _ = try? Command.tool("umount", [disk.path]) }
        let output = disk.appendingPathComponent("briefing.pdf")
        let run = try Command.run(
            Command.briefing, ["generate", "--date", "2026-11-30", "--output", output.path, "--deliver", desk.plan.path])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Code="), "\(run.stderr)")
        #expect(run.stderr.contains("disk") || run.stderr.contains("No space left"), "\(run.stderr)")
        let received = try desk.server.messages().filter { $0.envelope.to != ["owner@example.org"] }
        let leadership = received.filter { $0.subject.hasPrefix("[Leadership]") }.count
        let defence = received.count - leadership
        #expect([0, 3].contains(leadership) && [0, 2].contains(defence), "leadership \(leadership) of 3, defence \(defence) of 2")
    }

    /// A sendmail wrapper that hangs, with a child of its own: the run ends after the
    /// delivery file's deadline, the message is a temporary failure, and nothing is left running.
    @Test func aHungSendmailIsStoppedWithItsChildren() throws {
        let marker = "briefing-hang-\(UUID().uuidString.prefix(8))"
        // The wrapper's child is a copy of sleep named after the marker, so it can be found.
        let sleeper = FileManager.default.temporaryDirectory.appendingPathComponent(marker)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "/bin/sleep"), to: sleeper)
        defer { try? FileManager.default.removeItem(at: sleeper) }
        let desk = try Desk.wrapped("'\(sleeper.path)' 1000", settings: "sendmail_timeout_seconds: 1\n")
        let started = Date()
        let run = try desk.generate()
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 failed-temporary") && run.stdout.contains("2 failed-temporary"), "\(run.stdout)")
        #expect(seconds < 60, "5 messages with a 1 s deadline took \(seconds) s")
        let outbox = try desk.outbox().stdout
        #expect(outbox.contains("did not finish in 1 s and was stopped"), "\(outbox)")
        let left = try Command.tool("pgrep", ["-f", marker])
        #expect(left.stdout.isEmpty, "still running: \(left.stdout)")
    }

    @Test func aSendmailThatIsAFolderOrCrashesIsNamedAndRetried() throws {
        let folder = try Desk { $0.replacingOccurrences(of: "sendmail: [msmtp, -C,", with: "sendmail: [/tmp, msmtp, -C,") }
        let refused = try folder.generate()
        #expect(refused.status == 66, "\(refused.stderr)")
        #expect(refused.stderr.contains("the sendmail program '/tmp' is a folder, not a program"), "\(refused.stderr)")

        let crash = try Desk.wrapped("kill -SEGV $$")
        let run = try crash.generate()
        #expect(run.status == 0, "a crash is not a refusal: \(run.stderr)")
        let outbox = try crash.outbox().stdout
        #expect(outbox.contains("failed-temporary") && outbox.contains("killed by signal 11"), "\(outbox)")
    }
}
