import Foundation
import TestSupport
import Testing

/// An unattended job, set up as a user sets it up, fails loudly or not at all: `schedule
/// add` refuses what would fail, a job carries what it needs into cron's empty environment,
/// and every failure is on record and in the owner's mail.
@Suite(.serialized, .systemTier) struct UnattendedTests {
    typealias FakeCrontab = ScheduleTests.FakeCrontab

    private func starter(in folder: URL) throws -> URL {
        let template = folder.appendingPathComponent("tpl")
        let made = try Command.run(Command.briefing, ["new", template.path])
        try #require(made.status == 0, "\(made.stderr)")
        return template
    }

    @Test func scheduleAddRefusesWhatWouldFailAndTouchesNothing() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let template = try starter(in: fake.directory)
        let output = fake.directory.appendingPathComponent("b.pdf").path
        let hook = fake.directory.appendingPathComponent("notify")
        try "#!/bin/sh\n".write(to: hook, atomically: true, encoding: .utf8)  // not executable
        let plan = fake.directory.appendingPathComponent("deliver.yaml")
        try """
        from: briefings@example.org
        audiences:
          - id: all
            to: [a@example.org]
        sendmail: /bin/true
        on_success: [\(hook.path)]

        """.write(to: plan, atomically: true, encoding: .utf8)
        let base = ["schedule", "add", "w", "--cron", "0 6 * * mon", "--", "--template", template.path, "--output", output]
        let cases: [(extra: [String], status: Int32, says: String)] = [
            (["--sections", "nope"], 64, "unknown section 'nope'"),
            (["--deliver", "/nonexistent/deliver.yaml"], 66, "no such delivery file"),
            (["--outptu", "x.pdf"], 64, "unknown option '--outptu'"),
            (
                ["--deliver", plan.path], 66,
                "deliver.yaml:6:13: error: 'on_success' runs '\(hook.path)', which is not an executable program"
            ),
            (["--output", "-"], 64, "briefing: error: --output: a scheduled job writes a file: '-' is not one"),
        ]
        for (extra, status, says) in cases {
            let refused = try fake.run(base + extra)
            #expect(refused.status == status, "\(extra): \(refused.stderr)")
            #expect(refused.stderr.contains(says), "\(extra): \(refused.stderr)")
            #expect(!refused.stderr.contains("CommandError") && !refused.stderr.contains("Error("), "no Swift dump: \(refused.stderr)")
        }
        // NAME.outbox is a delivering job's retry line.
        let reserved = try fake.run(["schedule", "add", "weekly.outbox", "--cron", "0 6 * * mon", "--", "--template", template.path])
        #expect(reserved.status == 64 && reserved.stderr.contains("kept for the mail-retry line"), "\(reserved.stderr)")
        #expect(fake.table == nil, "the crontab was never written")
        #expect(!FileManager.default.fileExists(atPath: fake.jobs.appendingPathComponent("w.json").path))
    }

    /// A copied binary finds its fonts through BRIEFING_HOME; the job records it, so the
    /// crontab line works in cron's empty environment, and `run-job` ignores the caller's.
    @Test func aJobCarriesItsHomeIntoCronsEmptyEnvironment() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let template = try starter(in: fake.directory)
        let copy = fake.directory.appendingPathComponent("bin/briefing")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Command.briefing, to: copy)
        var environment = fake.environment
        environment["BRIEFING_HOME"] = TemplateFixture.repository.path
        let output = fake.directory.appendingPathComponent("out/b.pdf")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let add = try Command.run(
            copy, ["schedule", "add", "w", "--cron", "0 6 * * mon", "--", "--template", template.path, "--output", output.path],
            environment: environment)
        #expect(add.status == 0, "\(add.stderr)")
        let line = try #require(fake.table?.split(separator: "\n").first { $0.hasPrefix("0 6 * * mon ") })
        let command = String(line.dropFirst("0 6 * * mon ".count))
        // As cron runs it: sh -c with nothing in the environment but what cron sets.
        let cron = try Command.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["-i", "HOME=\(NSHomeDirectory())", "LOGNAME=root", "SHELL=/bin/sh", "PATH=/usr/bin:/bin", "/bin/sh", "-c", command])
        #expect(cron.status == 0, "\(cron.stderr)")
        let log = try String(contentsOf: fake.jobs.appendingPathComponent("w.log"), encoding: .utf8)
        #expect(log.hasPrefix("wrote \(output.path)"), "\(log)")
        #expect(FileManager.default.fileExists(atPath: output.path))
        // run-job by hand, from a shell whose BRIEFING_HOME is wrong: the job's own is used.
        environment["BRIEFING_HOME"] = "/nonexistent"
        let byHand = try Command.run(copy, ["run-job", "w", "--jobs", fake.jobs.path, "--check"], environment: environment)
        #expect(byHand.status == 0 && byHand.stdout.contains("ok    templates and fonts found"), "\(byHand.stdout)\(byHand.stderr)")
        let list = try Command.run(copy, ["schedule", "list"], environment: environment)
        #expect(list.stdout.contains("last run: ") && list.stdout.contains(" success (exit 0"), "\(list.stdout)")
    }

    /// Data that no longer loads, with a delivery file: the run that fails before the run
    /// contract starts (the audiences are checked against the template first) is on the
    /// output's record, in `schedule list`, and in the owner's mail.
    @Test func aFailureInAnyStageIsRecordedListedAndMailed() throws {
        let desk = try DeliveryTests.Desk()
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let add = try fake.run([
            "schedule", "add", "weekly", "--cron", "0 6 * * mon", "--", "--template", fixture.directory.path, "--date", "2026-11-30",
            "--output", desk.output.path, "--deliver", desk.plan.path,
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let first = try fake.run(["run-job", "weekly", "--jobs", fake.jobs.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try desk.server.messages().count == 5)

        try fixture.write("data.yaml", try fixture.read("data.yaml") + "\n  - oops: [\n")
        let broken = try fake.run(["run-job", "weekly", "--jobs", fake.jobs.path])
        #expect(broken.status == 65, "\(broken.stderr)")
        let manifest = try String(
            contentsOf: desk.directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"result\" : \"failed\"") && manifest.contains("\"exitCode\" : 65"), "\(manifest)")
        let list = try fake.run(["schedule", "list"])
        #expect(list.stdout.contains("failed (exit 65") && list.stdout.contains("data.yaml:"), "\(list.stdout)")
        #expect(
            list.stdout.contains("mail: undelivered messages retried when due, checked every minute ('weekly.outbox')"), "\(list.stdout)")
        #expect(!list.stdout.contains("weekly.outbox  * * * * *"), "the retry line is not a job of its own: \(list.stdout)")
        let owner = try desk.server.messages().filter { $0.envelope.to == ["owner@example.org"] }
        #expect(owner.count == 1 && owner[0].subject == "Briefing failed: briefing.pdf", "\(owner.map(\.subject))")
        #expect(owner.first?.text.contains("data.yaml:") == true)
        // A delivering job whose retry line was lost (edited away by hand) is a problem doctor names.
        let table = try #require(fake.table)
        try table.replacingOccurrences(of: "# job: weekly.outbox\n", with: "").split(separator: "\n").filter { !$0.contains("'--outbox'") }
            .joined(separator: "\n").appending("\n").write(to: fake.file, atomically: true, encoding: .utf8)
        let doctor = try fake.run(["doctor"])
        #expect(doctor.stdout.contains("its mail-retry line 'weekly.outbox' is missing from the crontab"), "\(doctor.stdout)")
        // A hand run of the same output is not the job's run.
        #expect(
            try Command.run(Command.briefing, ["generate", "--output", desk.output.path, "--date", "2026-11-30", "--quiet"]).status == 0)
        #expect(try fake.run(["schedule", "list"]).stdout.contains("failed (exit 65"))
    }

    /// An output made from another template is compared with its own template's data, not
    /// the bundled one's (which listed 188 wrong changes).
    @Test func diffReadsTheTemplateRecordedForTheOutput() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chips = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/chips")
        let output = folder.appendingPathComponent("chips.pdf").path
        let made = try Command.run(
            Command.briefing, ["generate", "--template", chips.path, "--date", "2026-11-30", "--quiet", "--output", output])
        #expect(made.status == 0, "\(made.stderr)")
        let diff = try Command.run(Command.briefing, ["diff", "--output", output], in: folder)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(
            diff.stdout.hasPrefix(
                "0 changes from edition 1 (2026-11-30) to the data on disk (template \(chips.path), as recorded for chips.pdf)"),
            "\(diff.stdout)")
    }

    /// `briefing new` used to suggest an output inside the template; with delivery, three
    /// identical runs then mailed "no changes" six times. Now: one edition, two "unchanged",
    /// one mail per recipient.
    @Test func threeIdenticalRunsInsideTheTemplateMailOnce() throws {
        let desk = try DeliveryTests.Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let output = fixture.directory.appendingPathComponent("briefing.pdf")
        var said: [String] = []
        for _ in 0..<3 {
            let run = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--if-changed", "--output", output.path,
                    "--deliver", desk.plan.path,
                ])
            #expect(run.status == 0, "\(run.stderr)")
            said.append(run.stdout)
        }
        #expect(said[0].hasPrefix("wrote") && said[1].hasPrefix("unchanged") && said[2].hasPrefix("unchanged"), "\(said)")
        let mail = try desk.server.messages()
        #expect(mail.count == 5 && Set(mail.flatMap(\.envelope.to)).count == 5, "\(mail.map(\.envelope.to))")
        let editions = try Command.run(Command.briefing, ["editions", "--output", output.path, "--format", "json"]).stdout
        #expect(editions.components(separatedBy: "\"number\"").count - 1 == 1, "\(editions)")
        // Without --if-changed each run is an edition, and nothing the audiences read changed.
        for _ in 0..<2 {
            _ = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", output.path, "--deliver",
                    desk.plan.path,
                ])
        }
        #expect(try desk.server.messages().count == 5)
    }

    /// An installed starter template belongs to root; `briefing new` by anyone else failed
    /// with "You don't have permission" (Foundation's copy tried to keep the owner).
    @Test func briefingNewWorksForAUserWhoDoesNotOwnTheInstalledFiles() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        chmod(folder.path, 0o777)
        let target = folder.appendingPathComponent("mine")
        let run = try Command.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid", "65534", "--regid", "65534", "--clear-groups", Command.briefing.path, "new", target.path],
            environment: ["BRIEFING_HOME": TemplateFixture.repository.path, "PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        let owner =
            try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("data.yaml").path)[.ownerAccountID] as? Int
        #expect(owner == 65534)
        // Into a folder that does not exist yet, as CI's new-user path does.
        let deeper = folder.appendingPathComponent("not/yet/there")
        let made = try Command.run(Command.briefing, ["new", deeper.path, "--quiet"])
        #expect(
            made.status == 0 && FileManager.default.fileExists(atPath: deeper.appendingPathComponent("briefing.yaml").path),
            "\(made.stderr)")
    }
}
