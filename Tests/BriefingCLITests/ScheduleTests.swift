import Foundation
import TestSupport
import Testing

/// `briefing schedule` against a stand-in crontab program (so the real crontab is untouched).
@Suite(.serialized, .systemTier) struct ScheduleTests {
    /// A fake `crontab` with cron's interface, storing the table in a file.
    struct FakeCrontab {
        let directory: URL
        var file: URL { directory.appendingPathComponent("table") }
        var jobs: URL { directory.appendingPathComponent("jobs") }
        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["BRIEFING_CRONTAB"] = directory.appendingPathComponent("crontab").path
            environment["FAKE_CRONTAB_FILE"] = file.path
            environment["TZ"] = "Europe/London"
            environment["BRIEFING_JOBS"] = jobs.path
            return environment
        }

        init() throws {
            directory = try Command.temporaryDirectory()
            let script = """
                #!/bin/sh
                case "$1" in
                  -l) if [ -f "$FAKE_CRONTAB_FILE" ]; then cat "$FAKE_CRONTAB_FILE"; else echo "no crontab for tester" >&2; exit 1; fi ;;
                  -r) rm -f "$FAKE_CRONTAB_FILE" ;;
                  -) cat > "$FAKE_CRONTAB_FILE" ;;
                esac

                """
            let path = directory.appendingPathComponent("crontab")
            try script.write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        }

        func run(_ arguments: [String]) throws -> CommandResult {
            try Command.run(Command.briefing, arguments, environment: environment)
        }

        var table: String? { try? String(contentsOf: file, encoding: .utf8) }
    }

    @Test func addListAndRemoveKeepForeignLinesByteForByte() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let original = "MAILTO=me@example.org\n# nightly backup\n0 2 * * * /usr/bin/backup 50%"  // no final newline
        try original.write(to: fake.file, atomically: true, encoding: .utf8)
        let output = fake.directory.appendingPathComponent("out/brief ing's.pdf")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)

        let add = try fake.run([
            "schedule", "add", "weekly", "--cron", "0 6 * * mon", "--keep", "4", "--if-changed", "--",
            "--output", output.path, "--sections", "it,space",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let table = try #require(fake.table)
        #expect(table.hasPrefix(original + "\n"))
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("0 6 * * mon ") })
        // The crontab runs the job file by name, with absolute paths and cron's environment
        // fixed; its output goes to a log beside the job file, not beside the PDF.
        #expect(line.contains("LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin '/"))
        #expect(line.contains("'run-job' 'weekly' '--jobs' '\(fake.jobs.path)'"))
        #expect(line.hasSuffix("> '\(fake.jobs.path)/weekly.log' 2>&1"))
        // The job file holds every generate option, paths absolute.
        let job =
            try JSONSerialization.jsonObject(with: Data(contentsOf: fake.jobs.appendingPathComponent("weekly.json"))) as? [String: Any]
        let arguments = try #require(job?["arguments"] as? [String])
        #expect(arguments.contains(output.path) && arguments.contains("--template"))
        #expect(arguments.first { $0.hasPrefix("/") && $0.hasSuffix("sino-pak") } != nil)
        #expect(arguments.contains("--if-changed") && arguments.contains("4") && arguments.contains("it,space"))
        #expect(job?["schedule"] as? String == "0 6 * * mon" && job?["output"] as? String == output.path)

        // Adding the same name replaces the job.
        #expect(try fake.run(["schedule", "add", "weekly", "--cron", "@daily", "--", "--output", output.path]).status == 0)
        #expect(fake.table?.components(separatedBy: "# job: weekly").count == 2)
        #expect(fake.table?.contains("\n@daily ") == true)

        let list = try fake.run(["schedule", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("weekly  @daily"))
        #expect(list.stdout.contains("next: ") && list.stdout.components(separatedBy: "; ").count == 3)
        #expect(list.stdout.contains("last run: none yet"))

        #expect(try fake.run(["schedule", "remove", "weekly"]).status == 0)
        #expect(fake.table == original)
        #expect(!FileManager.default.fileExists(atPath: fake.jobs.appendingPathComponent("weekly.json").path))
    }

    @Test func removeAllRestoresNoCrontab() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let output = fake.directory.appendingPathComponent("briefing.pdf")
        #expect(try fake.run(["schedule", "add", "a", "--cron", "@hourly", "--", "--output", output.path]).status == 0)
        #expect(try fake.run(["schedule", "add", "b", "--cron", "0 6 * * 1-5", "--", "--output", output.path]).status == 0)
        #expect(try fake.run(["schedule", "remove", "--all"]).status == 0)
        #expect(fake.table == nil, "a user with no crontab is left with none")
    }

    @Test func badInputIsAUsageError() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let bad = try fake.run(["schedule", "add", "x", "--cron", "0 6 * * funday", "--", "--output", "/tmp/x.pdf"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("field 5 (day of week): 'funday' is not a number or a day name (sun…sat)"))
        let name = try fake.run(["schedule", "add", "two words", "--cron", "@daily"])
        #expect(name.status == 64)
        let missing = try fake.run(["schedule", "remove", "nope"])
        #expect(missing.status == 64 && missing.stderr.contains("no scheduled job named 'nope'"))
        let folder = try fake.run(["schedule", "add", "x", "--cron", "@daily", "--", "--output", "/nonexistent/dir/b.pdf"])
        #expect(folder.status == 73)
        #expect(fake.table == nil, "nothing was written")
    }

    @Test func nextPrintsRunTimesInTheLocalZone() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let result = try fake.run(["schedule", "next", "30 1 * * *", "--count", "2", "--from", "2027-03-27T12:00:00Z"])
        #expect(result.status == 0)
        #expect(
            result.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) } == [
                "2027-03-28T02:00:00+01:00", "2027-03-29T01:30:00+01:00",
            ])
    }

    /// The whole generate command lives in the job file, so an option like --strict reaches
    /// the scheduled run (it was once dropped when the command was rebuilt from the crontab).
    @Test func aStrictJobRunsStrict() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let pdf = fake.directory.appendingPathComponent("x.pdf")
        // Leaving out 'strategic' makes the space section's reference to it a warning.
        let add = try fake.run([
            "schedule", "add", "x", "--cron", "0 6 * * mon", "--", "--strict", "--sections", "it,space", "--output", pdf.path,
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let line = try #require(fake.table?.split(separator: "\n").first { $0.hasPrefix("0 6 * * mon ") })
        #expect(line.contains("'run-job' 'x'"))
        let job = try JSONSerialization.jsonObject(with: Data(contentsOf: fake.jobs.appendingPathComponent("x.json"))) as? [String: Any]
        #expect((job?["arguments"] as? [String])?.contains("--strict") == true)

        let run = try fake.run(["run-job", "x", "--jobs", fake.jobs.path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("--strict: ") && run.stderr.contains("(above) made this run fail: nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))

        // The same job without --strict publishes the briefing.
        #expect(
            try fake.run(["schedule", "add", "x", "--cron", "0 6 * * mon", "--", "--sections", "it,space", "--output", pdf.path]).status
                == 0)
        let relaxed = try fake.run(["run-job", "x"])
        #expect(relaxed.status == 0, "\(relaxed.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        #expect(try fake.run(["run-job", "nope"]).status == 66)
    }

    /// A scheduled batch: `schedule add` takes --each like any generate option, and run-job
    /// makes every row, each into its own output, and records the batch.
    @Test func aScheduledBatchMakesEveryRow() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let template = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/partners")
        let pattern = fake.directory.appendingPathComponent("{partner}.pdf").path
        let add = try fake.run([
            "schedule", "add", "partners", "--cron", "0 6 * * mon", "--", "--template", template.path, "--each",
            template.appendingPathComponent("partners.csv").path, "--output", pattern,
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let run = try fake.run(["run-job", "partners", "--jobs", fake.jobs.path])
        #expect(run.status == 0, "\(run.stderr)")
        for partner in ["Pakistan", "Bangladesh", "Myanmar", "Nepal", "Sri Lanka", "Maldives"] {
            #expect(FileManager.default.fileExists(atPath: fake.directory.appendingPathComponent("\(partner).pdf").path), "\(partner)")
        }
        let last =
            try JSONSerialization.jsonObject(with: Data(contentsOf: fake.jobs.appendingPathComponent("partners.last-run.json")))
            as? [String: Any]
        #expect(last?["exitCode"] as? Int == 0 && last?["result"] as? String == "success", "\(String(describing: last))")

        // A delivering batch's mail retry (the job's .outbox line) looks in every row's outbox:
        // a message queued for Nepal, whose relay was down, is sent by the retry.
        let server = try MailServer(in: fake.directory)
        defer { server.stop() }
        let plan = fake.directory.appendingPathComponent("deliver.yaml")
        try """
        from: briefings@example.org
        sendmail: [\(fake.directory.appendingPathComponent("relay").path)]
        retry_every_minutes: 0
        audiences:
          - id: desk
            to: "{{param.partner}}-desk@example.org"

        """.write(to: plan, atomically: true, encoding: .utf8)
        let relay = fake.directory.appendingPathComponent("relay")
        // Down for Nepal on the first run, then up: msmtp to the real server.
        try """
        #!/bin/sh
        case "$*" in *Nepal*) [ -e \(fake.directory.path)/relay-up ] || exit 75;; esac
        exec msmtp -C \(server.msmtprc.path) "$@"

        """.write(to: relay, atomically: true, encoding: .utf8)
        chmod(relay.path, 0o755)
        let two = fake.directory.appendingPathComponent("two.csv")
        try "partner\nPakistan\nNepal\n".write(to: two, atomically: true, encoding: .utf8)
        let mailed = try fake.run([
            "schedule", "add", "mailed", "--cron", "0 6 * * mon", "--", "--template", template.path, "--each", two.path,
            "--output", fake.directory.appendingPathComponent("mailed-{partner}.pdf").path, "--deliver", plan.path,
        ])
        #expect(mailed.status == 0, "\(mailed.stdout)\(mailed.stderr)")
        let first = try fake.run(["run-job", "mailed", "--jobs", fake.jobs.path])
        #expect(first.status == 69 || first.status == 75 || first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try server.messages().filter { $0.envelope.to.contains("Nepal-desk@example.org") }.isEmpty)
        #expect(try server.messages().filter { $0.envelope.to.contains("Pakistan-desk@example.org") }.count == 1)
        FileManager.default.createFile(atPath: fake.directory.appendingPathComponent("relay-up").path, contents: nil)
        let retry = try fake.run(["run-job", "mailed", "--outbox", "--jobs", fake.jobs.path])
        #expect(retry.status == 0, "\(retry.stdout)\(retry.stderr)")
        #expect(
            try server.messages().filter { $0.envelope.to.contains("Nepal-desk@example.org") }.count == 1, "retried from Nepal's outbox")

        // schedule add (and doctor) check the parameter file like the rest: a bad row is
        // found before the job is installed.
        let bad = fake.directory.appendingPathComponent("bad.csv")
        try "partner\nPakistan\nMyanmr\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try fake.run([
            "schedule", "add", "bad", "--cron", "0 6 * * mon", "--", "--template", template.path, "--each", bad.path, "--output", pattern,
        ])
        #expect(refused.status == 65, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("bad.csv:3:1: error: parameter 'partner': 'Myanmr' is not one of its values"), "\(refused.stderr)")
    }

    /// A crontab block written by the earlier format (the whole command in the crontab) is
    /// reported by doctor with the command that migrates it.
    @Test func doctorReportsJobsOfTheEarlierFormat() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let old = """
            # >>> briefing schedule: managed by `briefing schedule`, do not edit by hand >>>
            # job: weekly
            0 6 * * mon LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin '/usr/local/bin/briefing' 'generate' '--template' '/t' \
            '--output' '/tmp/w.pdf' '--strict' > '/tmp/w.cron.log' 2>&1
            # <<< briefing schedule <<<

            """
        try old.write(to: fake.file, atomically: true, encoding: .utf8)
        let doctor = try fake.run(["doctor"])
        #expect(doctor.stdout.contains("job 'weekly': stored in the crontab in the earlier format"), "\(doctor.stdout)")
        #expect(
            doctor.stdout.contains(
                "fix: briefing schedule add weekly --cron '0 6 * * mon' -- '--template' '/t' '--output' '/tmp/w.pdf' '--strict'"))
        let list = try fake.run(["schedule", "list"])
        #expect(list.stdout.contains("earlier format") && list.stdout.contains("output: /tmp/w.pdf"))
    }

    /// A path with a line break is refused before the crontab is touched.
    @Test func aLineBreakInAPathIsRefused() throws {
        let fake = try FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let result = try fake.run(["schedule", "add", "x", "--cron", "@daily", "--", "--output", "/tmp/a\nb.pdf"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot contain a line break"), "\(result.stderr)")
        #expect(fake.table == nil)
    }

    @Test func fromWithoutAZoneIsLocalTime() throws {
        let fake = try FakeCrontab()  // TZ=Europe/London
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let result = try fake.run(["schedule", "next", "0 6 * * *", "--count", "1", "--from", "2026-07-01T05:30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-07-01T06:00:00+01:00"))
        let leap = try fake.run(["schedule", "next", "0 0 29 2 *", "--count", "5", "--from", "2026-02-27T10:07:00"])
        #expect(leap.stdout.split(separator: "\n").count == 5 && leap.stdout.contains("2044-02-29"))
    }
}
