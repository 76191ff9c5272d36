import Foundation
import TestSupport
import Testing

/// `briefing schedule` against a stand-in crontab program (so the real crontab is untouched).
@Suite(.serialized) struct ScheduleTests {
    /// A fake `crontab` with cron's interface, storing the table in a file.
    struct FakeCrontab {
        let directory: URL
        var file: URL { directory.appendingPathComponent("table") }
        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["BRIEFING_CRONTAB"] = directory.appendingPathComponent("crontab").path
            environment["FAKE_CRONTAB_FILE"] = file.path
            environment["TZ"] = "Europe/London"
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
        // Absolute paths, quoted; % escaped; cron's environment fixed; output to a log beside the PDF.
        #expect(line.contains("LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin '/"))
        #expect(line.contains("'--output' '\(output.path.replacingOccurrences(of: "'", with: "'\\''"))'"))
        #expect(line.contains("'--template' '/"))
        #expect(line.contains("'--if-changed'") && line.contains("'--keep' '4'") && line.contains("'--sections' 'it,space'"))
        #expect(line.hasSuffix("> '\(fake.directory.path)/out/brief ing'\\''s.cron.log' 2>&1"))

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
}
