import Foundation
import TestSupport
import Testing

/// Claims on a real run: a sentence the data now contradicts stops the run at the sentence,
/// keeps the previous PDF and records `needs-review`; `--draft` writes it with a banner.
@Suite(.serialized, .systemTier) struct ClaimRunTests {
    @Test func aClaimTurningFalseStopsTheRunAndKeepsThePreviousPDF() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let pdf = fixture.directory.appendingPathComponent("briefing.pdf")
        let arguments = ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30", "-q"]
        #expect(try Command.run(Command.briefing, arguments).status == 0, "the default's claims hold")
        let good = try Data(contentsOf: pdf)

        // A new SIPRI period in which China's share falls below the first period's.
        try fixture.replace(
            "data.yaml",
            "      - period: 2021-25\n        shares: {China: 80, Türkiye: 7, Netherlands: 4.6}\n        source: sipri-2026\n        confidence: reported\n",
            with:
                "      - period: 2021-25\n        shares: {China: 80, Türkiye: 7, Netherlands: 4.6}\n        source: sipri-2026\n        confidence: reported\n      - period: 2022-26\n        shares: {China: 44, Türkiye: 20}\n        source: sipri-2026\n        confidence: reported\n"
        )
        let line = try fixture.line(of: "{{claim.china-share-rising}}", in: "sections/defence.md")
        let stopped = try Command.run(Command.briefing, arguments)
        #expect(stopped.status == 65)
        #expect(
            stopped.stderr.contains(
                "defence.md:\(line):18: error: claim 'china-share-rising' no longer holds: supply.pakistan-arms-imports.latest.china (44) > supply.pakistan-arms-imports.first.china (45) is false"
            ),
            "\(stopped.stderr)")
        #expect(stopped.stderr.contains("claim 'china-almost-only-supplier' no longer holds"), "\(stopped.stderr)")
        #expect(try Data(contentsOf: pdf) == good, "the previous PDF is kept")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: fixture.directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json"))) as? [String: Any]
        #expect((manifest?["lastRun"] as? [String: Any])?["result"] as? String == "needs-review")

        // A claim placed only in a section this run leaves out guards nothing printed.
        let selection = try Command.run(Command.briefing, arguments + ["--sections", "space"])
        #expect(selection.status == 65 && !selection.stderr.contains("china-share-rising"), "\(selection.stderr)")
        #expect(selection.stderr.contains("claim 'china-almost-only-supplier' no longer holds"), "the key judgements are always printed")

        // --draft writes it anyway, with the banner on every page, and records no edition.
        let draft = try Command.run(Command.briefing, arguments + ["--draft"])
        #expect(draft.status == 0 && draft.stderr.contains("warning: claim 'china-share-rising' no longer holds"), "\(draft.stderr)")
        let pages = Int(
            try Command.tool("pdfinfo", [pdf.path]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }!
                .split(separator: " ").last!)!
        for page in 1...pages {
            let text = try Command.tool("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).stdout
            #expect(text.contains("DRAFT: 2 claims need review"), "page \(page) has no banner")
        }
        let editions = try Command.run(Command.briefing, ["editions", "--output", pdf.path]).stdout
        #expect(editions.split(separator: "\n").count == 2, "only the first edition: \(editions)")
    }

    @Test func aClaimThatCannotBeReadIsALocatedTemplateError() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.replace(
            "briefing.yaml", "  students-above-essay: fig.students > fig.students-essay",
            with: "  students-above-essay: fig.students > fig.studnts-essay")
        let line = try fixture.line(of: "students-above-essay: fig.students > fig.studnts", in: "briefing.yaml")
        let result = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("briefing.yaml:\(line):40: error: claim 'students-above-essay': unknown fact 'fig.studnts-essay'"),
            "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'fig.students-essay'?"))
        try fixture.replace("briefing.yaml", "fig.students > fig.studnts-essay", with: "fig.students >> 2")
        let syntax = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(
            syntax.status == 65 && syntax.stderr.contains("briefing.yaml:\(line):39: error: claim 'students-above-essay': unexpected '>'"),
            "\(syntax.stderr)")
    }
}
