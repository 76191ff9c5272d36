import Foundation
import TestSupport
import Testing

/// `generate --deliver`: one PDF per audience, mailed through a real sendmail (msmtp) to a
/// real SMTP server (aiosmtpd), read back with Python's email package.
@Suite(.serialized, .systemTier) struct DeliveryTests {
    /// A working folder with a running server and a delivery file for two audiences.
    final class Desk {
        let directory: URL
        let server: MailServer
        let plan: URL
        var output: URL { directory.appendingPathComponent("briefing.pdf") }

        init(reject: [String] = [], deferred: [String] = [], edit: (String) -> String = { $0 }) throws {
            directory = try Command.temporaryDirectory()
            server = try MailServer(in: directory, reject: reject, deferred: deferred)
            plan = directory.appendingPathComponent("deliver.yaml")
            let text = """
                # Who gets the weekly briefing.
                from: "Briefing Desk <briefings@example.org>"
                failures_to: owner@example.org
                when: changed
                link: https://intranet.example.org/briefings/
                sendmail: [msmtp, -C, \(server.msmtprc.path)]
                audiences:
                  - id: leadership
                    to: [Director General <dg@example.org>, chief.of.staff@example.org]
                    cc: ["Zoë Ämter <zoe@example.org>"]
                    subject_prefix: "[Leadership]"
                  - id: defence
                    sections: [defence, strategic]
                    to: defence-desk@example.org
                    bcc: [archive@example.org]

                """
            try edit(text).write(to: plan, atomically: true, encoding: .utf8)
        }

        func generate(date: String = "2026-11-30", template: URL? = nil) throws -> CommandResult {
            try Command.run(
                Command.briefing,
                ["generate", "--date", date, "--output", output.path, "--deliver", plan.path]
                    + (template.map { ["--template", $0.path] } ?? []))
        }

        func outbox(_ extra: [String] = []) throws -> CommandResult {
            try Command.run(Command.briefing, ["outbox", "--output", output.path, "--deliver", plan.path] + extra)
        }

        func audience(_ id: String) -> URL { directory.appendingPathComponent("briefing-\(id).pdf") }

        /// A desk whose sendmail is `script` (a shell script, given msmtp's command line as
        /// "$@") in front of msmtp: a slow relay, a hang, a crash. `settings` go first in the
        /// delivery file.
        static func wrapped(_ script: String, settings: String = "") throws -> Desk {
            let desk = try Desk { $0.replacingOccurrences(of: "sendmail: [msmtp, -C,", with: settings + "sendmail: [WRAPPER, msmtp, -C,") }
            let wrapper = desk.directory.appendingPathComponent("sendmail-wrapper")
            try "#!/bin/sh\n\(script)\n".write(to: wrapper, atomically: true, encoding: .utf8)
            chmod(wrapper.path, 0o755)
            let plan = try String(contentsOf: desk.plan, encoding: .utf8).replacingOccurrences(of: "WRAPPER", with: wrapper.path)
            try plan.write(to: desk.plan, atomically: true, encoding: .utf8)
            return desk
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private func sha256(_ url: URL) throws -> String {
        String(try Command.tool("sha256sum", [url.path]).stdout.prefix(64))
    }

    @Test func eachAudienceGetsItsSectionsOnceAndOnlyWhenChanged() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let first = try desk.generate(template: fixture.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("leadership: \(desk.audience("leadership").path) (10 pages): 3 sent"), "\(first.stdout)")
        #expect(first.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 sent"), "\(first.stdout)")
        let mail = try desk.server.messages()
        #expect(mail.count == 5)
        let leadership = mail.filter { $0.subject.hasPrefix("[Leadership] ") }
        let defence = mail.filter { !$0.subject.hasPrefix("[Leadership] ") }
        #expect(Set(leadership.flatMap(\.envelope.to)) == ["dg@example.org", "chief.of.staff@example.org", "zoe@example.org"])
        #expect(Set(defence.flatMap(\.envelope.to)) == ["defence-desk@example.org", "archive@example.org"])
        for message in mail {
            #expect(message.defects.isEmpty, "\(message.defects)")
            #expect(message.from == "Briefing Desk <briefings@example.org>" && message.auto_submitted == "auto-generated")
            #expect(message.envelope.from == "briefings@example.org")
        }
        // Headers as a reader's mail program shows them: the audience, UTF-8 names decoded, no Bcc.
        let one = try #require(leadership.first)
        #expect(one.to == "Director General <dg@example.org>, chief.of.staff@example.org")
        #expect(one.cc == "Zoë Ämter <zoe@example.org>")
        #expect(
            one.subject == "[Leadership] Sino-Pak collaboration in science and technology \u{00B7} 30 November 2026 \u{00B7} first edition")
        #expect(defence.allSatisfy { $0.to == "defence-desk@example.org" && $0.cc.isEmpty }, "the Bcc recipient is in no header")
        // One Message-ID per edition, audience and recipient.
        #expect(Set(mail.map(\.message_id)).count == 5)
        #expect(mail.allSatisfy { $0.message_id.hasPrefix("<briefing.e1.") && $0.message_id.hasSuffix("@example.org>") })
        // Both parts, and the attachment is the audience's PDF to the byte.
        let desk1 = try #require(defence.first)
        #expect(desk1.text.contains("KEY JUDGEMENTS\n- China is now almost Pakistan"))
        #expect(
            desk1.text.contains("SECTIONS IN THIS EDITION\n1  Defence industry and arms supply\n2  Nuclear and strategic cooperation\n"))
        #expect(!desk1.text.contains("IT and connectivity"), "only the audience's sections")
        #expect(desk1.text.contains("It is also at https://intranet.example.org/briefings/briefing-defence.pdf"))
        #expect(desk1.html.contains("<h1") && desk1.html.contains("Defence industry and arms supply</li>"))
        #expect(desk1.html.contains("Pakistan&#39;s") || desk1.html.contains("Pakistan’s"), "HTML is escaped text")
        let attachment = try #require(desk1.attachments.first)
        #expect(attachment.name == "briefing-defence.pdf" && attachment.type == "application/pdf")
        #expect(attachment.sha256 == (try sha256(desk.audience("defence"))))
        #expect(try #require(one.attachments.first).sha256 == (try sha256(desk.audience("leadership"))))
        let text = try Command.tool("pdftotext", [desk.audience("defence").path, "-"]).stdout
        #expect(text.contains("Defence industry and arms supply") && !text.contains("IT and connectivity"))

        // Nothing changed: `when: changed` sends nothing.
        let unchanged = try desk.generate(template: fixture.directory)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 skipped-unchanged"))
        #expect(try desk.server.messages().count == 5)
        // A new week alone changes nothing a reader reads either.
        #expect(try desk.generate(date: "2026-12-07", template: fixture.directory).stdout.contains("3 skipped-unchanged"))
        #expect(try desk.server.messages().count == 5)

        // The relay is down: the PDFs are published, the run succeeds and the mail is queued.
        // The defence section's text changed: both audiences read it.
        desk.server.stop()
        try fixture.write("sections/defence.md", try fixture.read("sections/defence.md") + "\nOne more sentence for the desk.\n")
        let down = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("2 failed-temporary"), "\(down.stdout)")
        #expect(try Command.tool("pdftotext", [desk.audience("defence").path, "-"]).stdout.contains("7 December 2026"))
        let queued = try desk.outbox()
        #expect(
            queued.stdout.split(separator: "\n").count == 5 && queued.stdout.contains("failed-temporary  attempts 1"), "\(queued.stdout)")
        #expect(queued.stdout.contains("Connection refused"), "the relay's own words")

        // Back up: a retry sends each queued message once; another sends nothing.
        try desk.server.start()
        let retried = try desk.outbox(["--retry", "--now"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.split(separator: "\n").filter { $0.contains("  sent  attempts 2") }.count == 5, "\(retried.stdout)")
        #expect(try desk.outbox(["--retry", "--now"]).stdout == "nothing due\n")
        // Settled: no next attempt is listed for a message that was sent.
        let listed =
            try JSONSerialization.jsonObject(with: Data(try desk.outbox(["--all", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(
            listed?.filter { $0["state"] as? String == "sent" }.allSatisfy { ($0["nextAttempt"] as? String) == "" } == true,
            "\(listed ?? [])")
        let all = try desk.server.messages()
        #expect(all.count == 10 && Set(all.map(\.message_id)).count == 10, "each message once")
        #expect(all.suffix(5).allSatisfy { $0.subject.hasSuffix("7 December 2026 \u{00B7} no changes") }, "\(all.map(\.subject))")
        #expect(try desk.outbox().stdout == "the outbox is empty: every message is settled\n")

        // The IT section changed: the leadership reads it, the defence desk does not.
        try fixture.write("sections/it.md", try fixture.read("sections/it.md") + "\nA sentence only the IT readers see.\n")
        let partial = try desk.generate(date: "2026-12-14", template: fixture.directory)
        #expect(partial.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 skipped-unchanged"), "\(partial.stdout)")
        #expect(partial.stdout.contains("leadership: \(desk.audience("leadership").path) (10 pages): 3 sent"), "\(partial.stdout)")
    }

    @Test func badDeliveryFilesAreLocatedErrorsAndNothingIsMadeOrSent() throws {
        let address = try Desk { $0.replacingOccurrences(of: "chief.of.staff@example.org", with: "chief.of.staff@") }
        let bad = try address.generate()
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains("deliver.yaml:9:45: error: field 'audiences[0].to[1]': 'chief.of.staff@' is not a mail address"),
            "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: address.output.path), "nothing is made")

        let section = try Desk { $0.replacingOccurrences(of: "[defence, strategic]", with: "[defence, strategy]") }
        let unknown = try section.generate()
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("deliver.yaml:13:15: error: audience 'defence': unknown section 'strategy'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("did you mean 'strategic'?"))
        #expect(!FileManager.default.fileExists(atPath: section.output.path))
        // The template may have renamed the section under a scheduled job: the owner hears of it.
        #expect(try section.server.messages().map(\.envelope.to) == [["owner@example.org"]])

        // A state folder that cannot be made: 73, no briefing mailed; the owner hears of it.
        let blocked = try Desk()
        try Data("not a folder".utf8).write(to: blocked.directory.appendingPathComponent(".briefing"))
        let noState = try blocked.generate()
        #expect(noState.status == 73, "\(noState.stderr)")
        #expect(noState.stderr.contains("cannot create the state folder"), "\(noState.stderr)")
        #expect(try blocked.server.messages().map(\.envelope.to) == [["owner@example.org"]])

        let png = try Command.run(
            Command.briefing, ["generate", "--format", "png", "--output", blocked.output.path, "--deliver", blocked.plan.path])
        #expect(
            png.status == 64 && png.stderr.contains("--deliver: mails one PDF (and links one HTML edition) per audience")
                && png.stderr.contains("cannot be used with --format png"), "\(png.stderr)")
    }

    /// `--format pdf,html`: each audience's HTML edition is published beside its PDF and the
    /// mail links it under the delivery file's `link:`; `--format html` alone mails the link
    /// with nothing attached, and needs a `link:` to say where.
    @Test func theMailLinksEachAudiencesHTMLEdition() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let both = try Command.run(
            Command.briefing,
            [
                "generate", "--date", "2026-11-30", "--template", fixture.directory.path, "--output", desk.output.path, "--format",
                "pdf,html",
                "--deliver", desk.plan.path,
            ])
        #expect(both.status == 0, "\(both.stderr)")
        let page = desk.directory.appendingPathComponent("briefing-defence.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("Defence industry and arms supply</h2>") && !html.contains("IT and connectivity</h2>"), "its sections only")
        let mail = try desk.server.messages()
        #expect(mail.count == 5)
        let defence = try #require(mail.first { $0.envelope.to == ["defence-desk@example.org"] })
        #expect(
            defence.text.contains("Read it in your browser: https://intranet.example.org/briefings/briefing-defence.html"),
            "\(defence.text)")
        #expect(defence.text.contains("It is also at https://intranet.example.org/briefings/briefing-defence.pdf"))
        #expect(defence.html.contains("<a href=\"https://intranet.example.org/briefings/briefing-defence.html\""))
        let attachment = try #require(defence.attachments.first)
        #expect(try attachment.name == "briefing-defence.pdf" && attachment.sha256 == sha256(desk.audience("defence")))

        // The HTML edition alone: a link, nothing attached, no PDF made.
        let web = try Desk()
        let alone = try Command.run(
            Command.briefing,
            [
                "generate", "--date", "2026-11-30", "--template", fixture.directory.path, "--output", web.output.path, "--format", "html",
                "--deliver", web.plan.path,
            ])
        #expect(alone.status == 0, "\(alone.stderr)")
        let linked = try web.server.messages()
        #expect(linked.count == 5 && linked.allSatisfy { $0.attachments.isEmpty && $0.defects.isEmpty })
        let leadership = try #require(linked.first { $0.subject.hasPrefix("[Leadership] ") })
        #expect(leadership.text.contains("Read it in your browser: https://intranet.example.org/briefings/briefing-leadership.html"))
        #expect(!leadership.text.contains(".pdf") && !leadership.text.contains("attached"), "\(leadership.text)")
        #expect(FileManager.default.fileExists(atPath: web.directory.appendingPathComponent("briefing-leadership.html").path))
        #expect(!FileManager.default.fileExists(atPath: web.audience("leadership").path))

        // A name with a space and an accent stays one link: percent-encoded, in both parts.
        let spaced = try Desk()
        let odd = spaced.directory.appendingPathComponent("weekly brief \u{E9}.pdf")
        let encoded = try Command.run(
            Command.briefing,
            [
                "generate", "--date", "2026-11-30", "--template", fixture.directory.path, "--output", odd.path, "--format", "pdf,html",
                "--deliver", spaced.plan.path,
            ])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let desk2 = try #require(try spaced.server.messages().first { $0.envelope.to == ["defence-desk@example.org"] })
        let base = "https://intranet.example.org/briefings/weekly%20brief%20%C3%A9-defence"
        #expect(
            desk2.text.contains("Read it in your browser: \(base).html\n") && desk2.text.contains("It is also at \(base).pdf"),
            "\(desk2.text)")
        #expect(desk2.html.contains("href=\"\(base).html\""))
        // A link with a space in it is refused at its line.
        let badLink = try Desk {
            $0.replacingOccurrences(of: "link: https://intranet.example.org/briefings/", with: "link: https://intranet.example.org/a b/")
        }
        let refusedLink = try badLink.generate()
        #expect(refusedLink.status == 65 && refusedLink.stderr.contains("deliver.yaml:5:7: error: "), "\(refusedLink.stderr)")
        #expect(refusedLink.stderr.contains("a URL cannot hold a space") && refusedLink.stderr.contains("%20"))

        // Without a link the mail cannot say where the HTML edition is: refused, nothing made.
        let nowhere = try Desk { $0.replacingOccurrences(of: "link: https://intranet.example.org/briefings/\n", with: "") }
        let refused = try Command.run(
            Command.briefing, ["generate", "--output", nowhere.output.path, "--format", "html", "--deliver", nowhere.plan.path])
        #expect(
            refused.status == 65 && refused.stderr.contains("deliver.yaml: error: with --format html the mail links"), "\(refused.stderr)")
        #expect(refused.stderr.contains("add link: https://"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: nowhere.directory.path).filter { $0.hasPrefix("briefing") }.isEmpty)
        #expect(try nowhere.server.messages().isEmpty)
    }

    /// Delivery impossible, the briefings still published: the exit status and log say so.
    @Test func whenOnlyMailIsImpossibleTheBriefingsAreStillPublished() throws {
        let missing = try Desk { $0.replacingOccurrences(of: "sendmail: [msmtp, -C,", with: "sendmail: [/nonexistent/sendmail, -C,") }
        let run = try missing.generate()
        #expect(run.status == 66)
        #expect(
            run.stderr.contains("deliver.yaml:6:11: error: the sendmail program '/nonexistent/sendmail' is not found"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: missing.audience("defence").path))
        #expect(try missing.outbox().stdout.split(separator: "\n").filter { $0.contains("queued  attempts 0") }.count == 5)
        let log = try String(contentsOf: missing.directory.appendingPathComponent(".briefing/briefing-defence.pdf/log"), encoding: .utf8)
        #expect(log.contains("delivery: defence: edition 1: 2 queued, sendmail is missing"))

        let large = try Desk {
            $0.replacingOccurrences(of: "link: https://intranet.example.org/briefings/\n", with: "max_attachment_mb: 0.1\n")
        }
        let tooLarge = try large.generate()
        #expect(tooLarge.status == 65)
        #expect(
            tooLarge.stderr.contains("deliver.yaml:5:20: error: the leadership briefing is")
                && tooLarge.stderr.contains("over the attachment limit of 102 KiB, and no link is configured"), "\(tooLarge.stderr)")
        #expect(try large.server.messages().map(\.envelope.to) == [["owner@example.org"]], "only the owner hears of it")

        let linked = try Desk { $0.replacingOccurrences(of: "when: changed\n", with: "when: changed\nmax_attachment_mb: 0.1\n") }
        #expect(try linked.generate().status == 0)
        let message = try #require(try linked.server.messages().first)
        #expect(
            message.attachments.isEmpty && message.text.contains("Read the briefing at https://intranet.example.org/briefings/briefing-"))

        let refused = try Desk(reject: ["archive@example.org"])
        let run2 = try refused.generate()
        #expect(run2.status == 69, "\(run2.stderr)")
        #expect(run2.stderr.contains("1 message(s) refused, e.g. to archive@example.org") && run2.stderr.contains("550"), "\(run2.stderr)")
        // Four copies, and the owner hears that one was refused.
        let received = try refused.server.messages()
        #expect(
            received.count == 5 && received.filter { $0.envelope.to == ["owner@example.org"] }.count == 1, "\(received.map(\.envelope.to))")
        #expect(try refused.outbox(["--all"]).stdout.contains("archive@example.org  failed-permanent  attempts 1"))
        // Refused for good is not tried again while nothing the audience reads changes.
        let rerun = try refused.generate()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("defence: \(refused.audience("defence").path) (5 pages): 2 skipped-unchanged"), "\(rerun.stdout)")
        #expect(try refused.server.messages().count == 5)
        // Its record says it refused edition 1, not that it has had it.
        let skipped = try refused.outbox(["--all"]).stdout.split(separator: "\n").filter {
            $0.contains("archive@example.org  skipped-unchanged")
        }
        #expect(
            skipped.count == 1 && skipped[0].contains("since edition 1, which was refused (") && skipped[0].contains("550")
                && skipped[0].contains("not tried again until it changes"), "\(skipped)")

        // An audience every reader of which refused is not tried again either: no edition of
        // it was ever sent, and still the same edition is not refused run after run.
        let allRefused = try Desk(reject: ["defence-desk@example.org", "archive@example.org"])
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        #expect(try allRefused.generate(template: fixture.directory).status == 69)
        let beforeRerun = try allRefused.server.messages().count
        let quiet = try allRefused.generate(date: "2026-12-01", template: fixture.directory)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.contains("defence: \(allRefused.audience("defence").path) (5 pages): 2 skipped-unchanged"), "\(quiet.stdout)")
        #expect(try allRefused.server.messages().count == beforeRerun, "nobody is mailed: not the readers, not the owner")
        // Changed, it is tried again.
        try fixture.write("sections/defence.md", try fixture.read("sections/defence.md") + "\nOne more sentence for the desk.\n")
        let changed = try allRefused.generate(date: "2026-12-07", template: fixture.directory)
        #expect(changed.status == 69, "\(changed.stderr)")
    }

    /// `when: changed` holds back an unchanged edition only from readers who have it: an
    /// address added to an audience since is sent the current edition once.
    @Test func anAddedAddressGetsTheCurrentEditionOnce() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let first = try desk.generate(template: fixture.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try desk.server.messages().count == 5)
        let plan = try String(contentsOf: desk.plan, encoding: .utf8)
            .replacingOccurrences(of: "to: defence-desk@example.org", with: "to: [defence-desk@example.org, new.analyst@example.org]")
        try plan.write(to: desk.plan, atomically: true, encoding: .utf8)

        let added = try desk.generate(template: fixture.directory)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            added.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 1 sent, 2 skipped-unchanged"), "\(added.stdout)")
        #expect(added.stdout.contains("leadership: \(desk.audience("leadership").path) (10 pages): 3 skipped-unchanged"), "\(added.stdout)")
        let mail = try desk.server.messages()
        #expect(mail.count == 6)
        let newcomer = try #require(mail.first { $0.envelope.to == ["new.analyst@example.org"] })
        #expect(newcomer.message_id.hasPrefix("<briefing.e2."), "the current edition, \(newcomer.message_id)")
        #expect(newcomer.to == "defence-desk@example.org, new.analyst@example.org")
        #expect(try #require(newcomer.attachments.first).sha256 == (try sha256(desk.audience("defence"))))

        let again = try desk.generate(template: fixture.directory)
        #expect(again.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 3 skipped-unchanged"), "\(again.stdout)")
        #expect(try desk.server.messages().count == 6, "sent once")
    }

    /// Sections saved again with Windows line ends read the same: nobody is mailed again.
    @Test func lineEndsAloneMailNobodyAgain() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let first = try desk.generate(template: fixture.directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try desk.server.messages().count == 5)
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.url("sections").path) where file.hasSuffix(".md") {
            let text = try fixture.read("sections/\(file)")
            try fixture.write("sections/\(file)", text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
        let again = try desk.generate(template: fixture.directory)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("(10 pages): 3 skipped-unchanged"), "\(again.stdout)")
        #expect(again.stdout.contains("(5 pages): 2 skipped-unchanged"), "\(again.stdout)")
        #expect(try desk.server.messages().count == 5, "nobody mailed again")
    }

    /// A relay that answers 451 (greylisting) is tried again: msmtp exits 69 for it, as for a
    /// refusal, and the relay's own reply decides.
    @Test func aGreylistedReaderIsTriedAgain() throws {
        let desk = try Desk(deferred: ["archive@example.org"])
        let first = try desk.generate()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 1 failed-temporary, 1 sent"), "\(first.stdout)")
        #expect(try desk.outbox().stdout.contains("451 4.7.1"), "the relay's own words")
        desk.server.stop()
        try desk.server.start()
        let retried = try desk.outbox(["--retry", "--now"])
        #expect(retried.stdout.contains("archive@example.org  sent  attempts 2"), "\(retried.stdout)")
        #expect(try desk.server.messages().filter { $0.envelope.to == ["archive@example.org"] }.count == 1)
    }

    /// A reader who was out of the audience when it last changed, and is back, has an older
    /// edition: the unchanged one is sent. Addresses compare without case.
    @Test func aReaderBackAfterAChangeGetsTheCurrentEdition() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        #expect(try desk.generate(template: fixture.directory).status == 0)
        let original = try String(contentsOf: desk.plan, encoding: .utf8)
        // The archive copy is dropped; the defence section changes; the copy is back.
        try original.replacingOccurrences(of: "    bcc: [archive@example.org]\n", with: "")
            .write(to: desk.plan, atomically: true, encoding: .utf8)
        try fixture.write("sections/defence.md", try fixture.read("sections/defence.md") + "\nOne more sentence for the desk.\n")
        let changed = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(changed.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 1 sent"), "\(changed.stdout)")
        try original.replacingOccurrences(of: "bcc: [archive@example.org]", with: "bcc: [Archive@Example.org]")
            .write(to: desk.plan, atomically: true, encoding: .utf8)
        let back = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(back.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 1 sent, 1 skipped-unchanged"), "\(back.stdout)")
        let copies = try desk.server.messages().filter { $0.envelope.to.map { $0.lowercased() } == ["archive@example.org"] }
        #expect(copies.count == 2 && copies.last?.message_id.hasPrefix("<briefing.e3.") == true, "\(copies.map(\.message_id))")
        // The same reader spelt in capitals is the reader who has it.
        try original.replacingOccurrences(of: "to: defence-desk@example.org", with: "to: Defence-Desk@EXAMPLE.org")
            .write(to: desk.plan, atomically: true, encoding: .utf8)
        let respelt = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(respelt.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 skipped-unchanged"), "\(respelt.stdout)")
    }

    /// Senders work while the run goes on (the next message, the next audience): each
    /// sender here waits, up to five seconds, until another has started, and records how
    /// many it saw. Run one after another, the first would see only itself. Every message
    /// still arrives once, and is recorded as sent.
    @Test func sendersWorkWhileTheRunGoesOn() throws {
        let record = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: record) }
        let desk = try Desk.wrapped(
            """
            touch "\(record.path)/started.$$"
            i=0
            while [ "$(ls "\(record.path)" | grep -c '^started')" -lt 2 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
            ls "\(record.path)" | grep -c '^started' > "\(record.path)/saw.$$"
            exec "$@"
            """)
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let run = try desk.generate(template: fixture.directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(10 pages): 3 sent") && run.stdout.contains("(5 pages): 2 sent"), "\(run.stdout)")
        let saw = try FileManager.default.contentsOfDirectory(atPath: record.path).filter { $0.hasPrefix("saw.") }.map {
            Int(try String(contentsOf: record.appendingPathComponent($0), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        #expect(saw.count == 5 && saw.allSatisfy { $0 >= 2 }, "senders saw \(saw) started")
        #expect(try desk.server.messages().count == 5)
        let open = try desk.outbox().stdout
        #expect(!open.contains("  queued  ") && !open.contains("  sending  "), "\(open)")
    }

    /// A retry that a newer edition overtook is not sent: no reader gets an older edition
    /// after a newer one.
    @Test func aRetryOvertakenByANewerEditionIsNotSent() throws {
        let desk = try Desk()
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        desk.server.stop()
        let down = try desk.generate(template: fixture.directory)
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 failed-temporary"), "\(down.stdout)")
        try desk.server.start()
        try fixture.write("sections/defence.md", try fixture.read("sections/defence.md") + "\nOne more sentence for the desk.\n")
        let changed = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(changed.stdout.contains("defence: \(desk.audience("defence").path) (5 pages): 2 sent"), "\(changed.stdout)")
        let retried = try desk.outbox(["--retry", "--now"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.split(separator: "\n").filter { $0.contains("superseded") }.count == 5, "\(retried.stdout)")
        let mail = try desk.server.messages()
        #expect(mail.count == 5 && mail.allSatisfy { $0.message_id.hasPrefix("<briefing.e2.") }, "\(mail.map(\.message_id))")
        #expect(try desk.outbox().stdout == "the outbox is empty: every message is settled\n")
    }

    /// What changed is in the mail, hooks hear of every outcome, and a failing run mails the
    /// owner once a day with the error's place and the command that reproduces it.
    @Test func changesHooksAndFailuresReachPeople() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let events = try Command.temporaryDirectory().appendingPathComponent("hooks.txt")
        let desk = try Desk {
            $0.replacingOccurrences(
                of: "audiences:\n",
                with: """
                    on_success: [/bin/sh, -c, 'echo "ok $BRIEFING_AUDIENCE $BRIEFING_EDITION $BRIEFING_CHANGES $BRIEFING_STATUS" >> \(events.path)']
                    on_failure: [/bin/sh, -c, 'echo "failed $BRIEFING_STATUS $BRIEFING_ERROR" >> \(events.path)']
                    audiences:

                    """)
        }
        #expect(try desk.generate(template: fixture.directory).status == 0)
        try fixture.replace("data.yaml", "value: 28023", with: "value: 29410")
        let second = try desk.generate(date: "2026-12-07", template: fixture.directory)
        #expect(second.status == 0, "\(second.stderr)")
        let revised = try desk.server.messages().filter { $0.subject.hasSuffix("7 December 2026 \u{00B7} 1 change") }
        #expect(revised.count == 5)
        let leader = try #require(revised.first { $0.subject.hasPrefix("[Leadership]") })
        #expect(
            leader.text.contains(
                "WHAT CHANGED SINCE 30 NOVEMBER 2026 (EDITION 1)\n- Revised: Pakistani students in China: 28,023 students \u{2192} 29,410 students (cover, sections 1, 10)"
            ), "\(leader.text)")
        let hooks = try String(contentsOf: events, encoding: .utf8)
        #expect(
            hooks.contains("ok leadership 1  success\nok defence 1  success\nok leadership 2 1 success\nok defence 2 1 success\n"),
            "\(hooks)")

        // A broken data file: the owner hears of it once, with where and how to reproduce.
        try fixture.replace("data.yaml", "value: 29410", with: "value: many")
        for _ in 0..<2 { #expect(try desk.generate(date: "2026-12-14", template: fixture.directory).status == 65) }
        let failures = try desk.server.messages().filter { $0.envelope.to == ["owner@example.org"] }
        #expect(failures.count == 1, "the same failure is mailed once a day")
        let failure = try #require(failures.first)
        #expect(failure.subject == "Briefing failed: briefing.pdf")
        #expect(
            failure.text.contains("failed (exit 65)") && failure.text.contains("data.yaml:160:12: error: field 'figures["),
            "\(failure.text)")
        #expect(failure.text.contains("Last good edition: 2, printed 2026-12-07"))
        #expect(failure.text.contains("Reproduce:\n  cd ") && failure.text.contains("generate --date 2026-12-14"))
        #expect(try String(contentsOf: events, encoding: .utf8).contains("failed failed "))
        let log = try String(contentsOf: desk.directory.appendingPathComponent(".briefing/briefing.pdf/log"), encoding: .utf8)
        #expect(log.contains("failure mail: owner@example.org sent") && log.contains("not mailed again today"), "\(log)")
        #expect(log.contains("hook on_failure: exit 0"))
    }
}
