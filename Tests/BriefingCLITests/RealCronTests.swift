import Foundation
import TestSupport
import Testing

/// Debian's real cron daemon runs a scheduled briefing, and its delivery reaches a real SMTP
/// server through msmtp. `.ci/run` and `make test` start cron; without it this test fails,
/// because a scheduler that cannot be shown to work is not done.
@Suite(.serialized, .systemTier) struct RealCronTests {
    @Test(.timeLimit(.minutes(4)))
    func cronRegeneratesTheBriefingAndTheCrontabIsRestored() throws {
        let before = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["crontab", "-l"])
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let name = "ci-\(ProcessInfo.processInfo.processIdentifier)"
        let server = try MailServer(in: directory)
        defer { server.stop() }
        let plan = directory.appendingPathComponent("deliver.yaml")
        try """
        from: briefings@example.org
        sendmail: [msmtp, -C, \(server.msmtprc.path)]
        audiences:
          - id: defence
            sections: [defence]
            to: defence-desk@example.org

        """.write(to: plan, atomically: true, encoding: .utf8)

        let add = try Command.run(
            Command.briefing,
            ["schedule", "add", name, "--cron", "* * * * *", "--", "--output", pdf.path, "--date", "2026-11-30", "--deliver", plan.path])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("outbox: undelivered mail retried when due, checked every minute ('\(name).outbox')"))
        let crontab = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["crontab", "-l"]).stdout
        #expect(crontab.contains("# job: \(name).outbox\n* * * * * ") && crontab.contains("'--outbox'"), "\(crontab)")
        defer { _ = try? Command.run(Command.briefing, ["schedule", "remove", name]) }

        let doctor = try Command.run(Command.briefing, ["doctor"])
        #expect(
            doctor.stdout.contains("ok    a cron daemon is running"),
            "cron is not running: start it with 'service cron start'\n\(doctor.stdout)")

        // Wait for cron's next minute and the run itself.
        let manifest = directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json")
        let deadline = Date().addingTimeInterval(150)
        while Date() < deadline, !FileManager.default.fileExists(atPath: manifest.path) { Thread.sleep(forTimeInterval: 2) }
        Thread.sleep(forTimeInterval: 1)
        #expect(FileManager.default.fileExists(atPath: manifest.path), "cron did not run the job within 150 s")
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        #expect(try Command.tool("pdftotext", [pdf.path, "-"]).stdout.contains("Sino-Pak collaboration"))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any]
        #expect((record?["lastRun"] as? [String: Any])?["result"] as? String == "success")
        // The delivery: the defence desk's PDF, mailed.
        let mailDeadline = Date().addingTimeInterval(30)
        while Date() < mailDeadline, try server.messages().isEmpty { Thread.sleep(forTimeInterval: 1) }
        let mail = try server.messages()
        #expect(mail.first?.envelope.to == ["defence-desk@example.org"], "cron's run mailed the audience")
        #expect(mail.first?.attachments.first?.name == "briefing-defence.pdf")
        let list = try Command.run(Command.briefing, ["schedule", "list"])
        #expect(list.stdout.contains(name) && list.stdout.contains("success"))

        let remove = try Command.run(Command.briefing, ["schedule", "remove", name])
        #expect(remove.status == 0)
        let after = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["crontab", "-l"])
        #expect(after.stdout == before.stdout && after.status == before.status, "the crontab changed")
    }
}
