import Foundation
import TestSupport
import Testing

/// `generate --each FILE.csv`: a briefing per row in one process, a bad row failing alone,
/// and `--shard K/N` in separate processes making exactly the rows of one run.
@Suite(.serialized, .systemTier) struct BatchTests {
    let fixture = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/partners")
    static let students = [
        "Pakistan": "28,023", "Bangladesh": "10,735", "Myanmar": "6,290", "Nepal": "6,400", "Sri Lanka": "2,450", "Maldives": "300",
    ]

    private func batch(_ csv: URL, into folder: URL, _ extra: [String] = [], template: URL? = nil) throws -> CommandResult {
        try Command.run(
            Command.briefing,
            [
                "generate", "--template", (template ?? fixture).path, "--each", csv.path, "-o",
                folder.appendingPathComponent("{partner}.pdf").path,
            ]
                + extra)
    }

    @Test func everyRowIsMadeAndABadRowFailsAlone() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("partners.csv")
        let rows = try String(contentsOf: fixture.appendingPathComponent("partners.csv"), encoding: .utf8)
        try (rows.replacingOccurrences(of: "Nepal\n", with: "Nepal\nMyanmr\n")).write(to: csv, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        let run = try batch(csv, into: out)
        #expect(run.status == 65, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains("partners.csv:6:1: error: parameter 'partner': 'Myanmr' is not one of its values; did you mean 'Myanmar'?"),
            "\(run.stderr)")
        #expect(run.stderr.contains("1 of 7 rows failed (line 6 of"), "\(run.stderr)")
        #expect(run.stdout.contains("line 6  partner=Myanmr  -  failed (65)"), "\(run.stdout)")
        for (partner, students) in Self.students {
            let pdf = out.appendingPathComponent("\(partner).pdf")
            #expect(run.stdout.contains("partner=\(partner)  \(pdf.path)  published"), "\(partner): \(run.stdout)")
            let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout
            #expect(text.contains("China and \(partner)") && text.contains("\(students) students"), "\(partner)")
            for (other, number) in Self.students where other != partner && !number.contains(students) && !students.contains(number) {
                #expect(!text.contains("\(number) students"), "\(partner)'s briefing has \(other)'s figure")
            }
        }
        let states = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".briefing").path)
        #expect(states.count == 6, "each row its own state folder: \(states)")
    }

    /// Both fixtures: a data file per partner, and shared CSV files read with `where:`.
    @Test(arguments: ["partners", "recipients"]) func shardsTogetherMakeExactlyTheRowsOfOneRun(_ name: String) throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/\(name)")
        func batch(_ csv: URL, into folder: URL, _ extra: [String] = []) throws -> CommandResult {
            try self.batch(csv, into: folder, extra, template: fixture)
        }
        let csv = fixture.appendingPathComponent("partners.csv")
        let whole = directory.appendingPathComponent("whole"), sharded = directory.appendingPathComponent("sharded")
        for folder in [whole, sharded] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let one = try batch(csv, into: whole, ["-q"])
        #expect(one.status == 0, "\(one.stderr)")
        var made: [String] = []
        for index in 1...3 {
            // Each shard spells the folder its own way: the rows are split by their values.
            let folder = index == 2 ? sharded.appendingPathComponent("../sharded/.") : sharded
            let shard = try batch(csv, into: folder, ["--shard", "\(index)/3"])
            #expect(shard.status == 0, "\(shard.stderr)")
            made += shard.stdout.split(separator: "\n").filter { $0.hasSuffix("  published") && $0.contains("  line ") }.map(String.init)
        }
        #expect(made.count == 6, "every row exactly once across the shards: \(made)")
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(names.count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sharded.path).filter { $0.hasSuffix(".pdf") }.sorted() == names)
        for name in names {
            #expect(
                try Data(contentsOf: whole.appendingPathComponent(name)) == Data(contentsOf: sharded.appendingPathComponent(name)),
                "\(name) is byte-identical made alone or in a shard")
        }
    }

    @Test func aBatchThatCannotRunIsRefusedBeforeAnythingIsMade() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("twice.csv")
        try "partner\nPakistan\nNepal\nPakistan\n".write(to: csv, atomically: true, encoding: .utf8)
        let clash = try batch(csv, into: directory)
        #expect(clash.status == 64 && clash.stderr.contains("rows on lines 2 and 4 of"), "\(clash.stderr)")
        let header = directory.appendingPathComponent("header.csv")
        try "country\nPakistan\n".write(to: header, atomically: true, encoding: .utf8)
        let unknown = try batch(header, into: directory)
        #expect(
            unknown.status == 65 && unknown.stderr.contains("header.csv:1:1: error: column 'country' names no parameter"),
            "\(unknown.stderr)")
        let both = try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.path, "--each", fixture.appendingPathComponent("partners.csv").path, "--param",
                "partner=Nepal",
                "-o", directory.appendingPathComponent("{partner}.pdf").path,
            ])
        #expect(both.status == 64 && both.stderr.contains("'partner' is both given with --param and a column of"), "\(both.stderr)")
        let plain = try Command.run(
            Command.briefing,
            ["generate", "--template", fixture.path, "--each", csv.path, "-o", directory.appendingPathComponent("b.pdf").path])
        #expect(plain.status == 64 && plain.stderr.contains("--each makes a file per row"), "\(plain.stderr)")
        // A negative count is a value out of range, not a missing one.
        let negative = try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.path, "--each", fixture.appendingPathComponent("partners.csv").path, "--jobs", "-1",
                "-o", directory.appendingPathComponent("{partner}.pdf").path,
            ])
        #expect(
            negative.status == 64 && negative.stderr.contains("--jobs takes a number of workers from 1 to 256, found -1"),
            "\(negative.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".pdf") }.isEmpty)
    }

    /// The recipients fixture draws every partner's facts from shared CSV files with `where:`.
    /// Two workers make the same files, byte for byte, and print the same lines in the same
    /// order as one; each briefing has its own partner's figures and no other's.
    @Test func twoWorkersMakeWhatOneMakes() throws {
        let recipients = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/recipients")
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let students = [
            "Pakistan": "28,023", "Bangladesh": "9,800", "Myanmar": "6,700", "Nepal": "6,400", "Sri Lanka": "3,100", "Maldives": "410",
        ]
        var printed: [String] = []
        for jobs in [1, 2] {
            let out = directory.appendingPathComponent("jobs\(jobs)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let run = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", recipients.path, "--each", recipients.appendingPathComponent("partners.csv").path,
                    "-o", out.appendingPathComponent("{partner}.pdf").path, "--jobs", "\(jobs)", "--date", "2026-11-30",
                ])
            #expect(run.status == 0, "\(run.stderr)")
            // The lines name the folder and the time each row took: compare the rest.
            printed.append(
                run.stdout.replacingOccurrences(of: out.path, with: "OUT")
                    .replacingOccurrences(of: #"in \d+\.\d\d s"#, with: "in T s", options: .regularExpression))
        }
        #expect(printed[0] == printed[1], "the same lines in the same order:\n\(printed[0])\n---\n\(printed[1])")
        #expect(printed[0].components(separatedBy: "\n").filter { $0.hasPrefix("wrote OUT/") }.count == 6, "\(printed[0])")
        for (partner, number) in students {
            let one = directory.appendingPathComponent("jobs1/\(partner).pdf"),
                two = directory.appendingPathComponent("jobs2/\(partner).pdf")
            #expect(try Data(contentsOf: one) == Data(contentsOf: two), "\(partner) is the same made by one worker or two")
            let text = try Command.tool("pdftotext", [two.path, "-"]).stdout
            #expect(text.contains("China and \(partner)") && text.contains("\(number) students"), "\(partner)")
            for (other, figure) in students where other != partner {
                #expect(!text.contains(other) && !text.contains("\(figure) students"), "\(partner)'s briefing names \(other)")
            }
        }
    }

    /// The default briefing, with a parameter it does not print, made eight times in one batch:
    /// two workers must make eight identical files, identical to the briefing made alone. Its
    /// justified lines broken at soft hyphens are what two workers loading fonts at once set
    /// 3 pt past the margin (see `PangoTextMeasurer.fontLoading`); two rounds, as that race
    /// did not show in every batch.
    @Test func twoWorkersSetEveryLineAsOneProcessDoes() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.replace("briefing.yaml", "\nsections:", with: "\nparameters:\n  - id: copy\n    label: Copy\nsections:")
        try fixture.write("copies.csv", "copy\n" + (1...8).map(String.init).joined(separator: "\n") + "\n")
        // A character no bundled font has: every copy is warned about it, whichever worker
        // laid the paragraph out first, and --strict fails every copy.
        let section = try fixture.read("sections/defence.md")
        try fixture.write("sections/defence.md", section + "\nThe desk's Hindi name is हिन्दी.\n")
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let alone = directory.appendingPathComponent("alone.pdf")
        let one = try Command.run(
            Command.briefing,
            ["generate", "--template", fixture.directory.path, "--param", "copy=0", "-o", alone.path, "--date", "2026-11-30", "-q"])
        #expect(one.status == 0, "\(one.stderr)")
        let expected = try Data(contentsOf: alone)
        for round in 1...2 {
            let out = directory.appendingPathComponent("round\(round)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let run = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--each", fixture.url("copies.csv").path,
                    "-o", out.appendingPathComponent("{copy}.pdf").path, "--jobs", "2", "--date", "2026-11-30", "-q",
                ])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.components(separatedBy: "no bundled font can draw U+0939").count - 1 == 8, "\(run.stderr)")
            let differing = try (1...8).filter { try Data(contentsOf: out.appendingPathComponent("\($0).pdf")) != expected }
            #expect(differing.isEmpty, "round \(round): copies \(differing) differ from the briefing made alone")
        }
        let strict = try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.directory.path, "--each", fixture.url("copies.csv").path,
                "-o", directory.appendingPathComponent("{copy}.pdf").path, "--jobs", "2", "--strict", "-q",
            ])
        #expect(strict.status == 65 && strict.stderr.contains("8 of 8 rows failed"), "\(strict.stderr)")
    }

    /// A weekly batch with delivery, addresses from the parameter file: each partner's desk
    /// (a `desk` column the template does not declare, used as `{{param.desk}}` in the
    /// delivery file) gets its own partner's briefing through a real sendmail and SMTP
    /// server; a cell with two addresses mails both; a bad address fails its row alone.
    @Test func eachRowsDeskIsMailedItsOwnPartner() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try MailServer(in: directory)
        defer { server.stop() }
        let plan = directory.appendingPathComponent("deliver.yaml")
        try """
        from: "Briefing Desk <briefings@example.org>"
        sendmail: [msmtp, -C, \(server.msmtprc.path)]
        audiences:
          - id: desk
            subject_prefix: "[{{param.partner}} desk]"
            to: "{{param.desk}}"
          - id: leadership
            sections: [overview]
            to: chief@example.org

        """.write(to: plan, atomically: true, encoding: .utf8)
        let csv = directory.appendingPathComponent("desks.csv")
        try """
        partner,desk
        Pakistan,pk-desk@example.org
        Nepal,"np-desk@example.org; Analyst <analyst@example.org>"
        Myanmar,not-an-address
        Maldives,mv-desk@example.org

        """.write(to: csv, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let run = try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.path, "--each", csv.path, "-o", out.appendingPathComponent("{partner}.pdf").path,
                "--deliver", plan.path, "--jobs", "2",
            ])
        #expect(run.status == 65, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains("deliver.yaml:6:9: error: field 'audiences[0].to': 'not-an-address' is not a mail address"), "\(run.stderr)"
        )
        #expect(run.stdout.contains("line 4  partner=Myanmar  \(out.path)/Myanmar.pdf  failed (65)"), "\(run.stdout)")
        let mails = try server.messages()
        func to(_ address: String) -> [ReceivedMail] { mails.filter { $0.envelope.to.contains(address) } }
        #expect(to("chief@example.org").count == 3, "leadership gets each published partner once")
        for (partner, desk) in [("Pakistan", "pk-desk@example.org"), ("Nepal", "np-desk@example.org"), ("Maldives", "mv-desk@example.org")]
        {
            let mail = try #require(to(desk).first, "\(desk)")
            #expect(mail.subject.hasPrefix("[\(partner) desk] China and \(partner)"), "\(mail.subject)")
            #expect(mail.attachments.first?.name == "\(partner)-desk.pdf", "\(mail.attachments.map(\.name))")
        }
        #expect(to("analyst@example.org").first?.subject.hasPrefix("[Nepal desk]") == true, "both addresses of a cell")
        #expect(!mails.contains { $0.subject.contains("Myanmar") }, "the failed row mails nobody")
        // The mail retry of a scheduled batch looks in every row's outbox.
        let outbox = try Command.run(
            Command.briefing, ["outbox", "--output", out.appendingPathComponent("Nepal.pdf").path, "--deliver", plan.path])
        #expect(outbox.status == 0 && outbox.stdout.contains("the outbox is empty"), "\(outbox.stdout)\(outbox.stderr)")
    }

    /// A batch told to stop (SIGTERM, as at shutdown) finishes the row it is making, makes
    /// no more, and says which rows were not made (75: try again); a second signal ends it at
    /// once. The first row's delivery hook is the pause point: it waits for a file the test
    /// makes after the signal, so the signal always comes mid-row.
    @Test(arguments: [1, 2]) func aSignalStopsTheBatchBetweenRows(signals: Int) throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let go = directory.appendingPathComponent("go")
        defer { FileManager.default.createFile(atPath: go.path, contents: nil) }  // frees a hook left waiting
        let plan = directory.appendingPathComponent("deliver.yaml")
        try """
        from: desk@example.org
        sendmail: [/bin/sh, -c, "cat > /dev/null"]
        on_success: [/bin/sh, -c, "while [ ! -e '\(go.path)' ]; do sleep 0.05; done"]
        audiences:
          - id: desk
            to: desk@example.org

        """.write(to: plan, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let batch = try BackgroundCommand(
            Command.briefing,
            [
                "generate", "--template", fixture.path, "--each", fixture.appendingPathComponent("partners.csv").path, "-o",
                out.appendingPathComponent("{partner}.pdf").path, "--jobs", "1", "--deliver", plan.path,
            ], logs: directory)
        // The first row's output appears (its lines are printed only when the batch ends).
        let first = out.appendingPathComponent("Pakistan.pdf")
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: first.path) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(FileManager.default.fileExists(atPath: first.path), "\(batch.stderr)")
        for _ in 0..<signals {
            kill(batch.process.processIdentifier, SIGTERM)
            Thread.sleep(forTimeInterval: 0.2)
        }
        FileManager.default.createFile(atPath: go.path, contents: nil)
        batch.process.waitUntilExit()
        let made = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.sorted()
        if signals == 2 {
            #expect(batch.process.terminationReason == .uncaughtSignal && batch.process.terminationStatus == SIGTERM)
            #expect(!made.contains("Bangladesh.pdf"), "\(made)")
            return
        }
        #expect(batch.process.terminationStatus == 75, "\(batch.stdout)\(batch.stderr)")
        #expect(made == ["Pakistan-desk.pdf", "Pakistan.pdf"], "only the row being made is finished: \(made)")
        #expect(
            batch.stdout.contains("line 2  partner=Pakistan  \(out.appendingPathComponent("Pakistan.pdf").path)  published"),
            "\(batch.stdout)")
        #expect(batch.stdout.components(separatedBy: "not made (stopped)").count - 1 == 5, "\(batch.stdout)")
        #expect(
            batch.stderr.contains("SIGTERM received: the rows being made were finished; 5 of 6 not made (lines 3, 4, 5, 6, 7 of"),
            "\(batch.stderr)")
        #expect(try Command.tool("qpdf", ["--check", out.appendingPathComponent("Pakistan.pdf").path]).status == 0)
    }
}
