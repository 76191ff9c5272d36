import Foundation
import TestSupport
import Testing

/// Editions: every publish is recorded with its fact base; `diff` names what changed between
/// two of them; the store survives runs killed while writing it.
@Suite(.serialized, .systemTier) struct EditionTests {
    private func generate(_ fixture: TemplateFixture, _ pdf: URL, date: String) throws -> Int32 {
        try Command.run(Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", date, "-q"])
            .status
    }

    /// The edits a week brings: a revised value, a new and a removed figure, a new supply
    /// period, a new event, and a figure whose source and grade changed. (The new period keeps
    /// China above the default's "almost the only supplier" claim, so the run publishes.)
    private func editData(_ fixture: TemplateFixture) throws {
        try fixture.replace("data.yaml", "    value: 28023\n", with: "    value: 28100\n")
        try fixture.replace(
            "data.yaml",
            "  - id: china-share-of-imports\n    label: China's share of Pakistan's major arms imports, 2021-25\n    value: 80\n    unit: \"%\"\n    as_of: 2025\n    source: sipri-2026\n    confidence: reported\n",
            with:
                "  - id: satellites\n    label: Pakistani satellites built with China\n    value: 3\n    unit: satellites\n    source: xinhua-paksat\n    confidence: reported\n"
        )
        try fixture.replace(
            "data.yaml", "    value: 820\n    unit: km\n    as_of: 2017\n    source: toi-fibre\n    confidence: reported\n",
            with: "    value: 820\n    unit: km\n    as_of: 2017\n    source: dawn-fibre\n    confidence: confirmed\n")
        try fixture.replace(
            "data.yaml",
            "      - period: 2021-25\n        shares: {China: 80, Türkiye: 7, Netherlands: 4.6}\n        source: sipri-2026\n        confidence: reported\n",
            with:
                "      - period: 2021-25\n        shares: {China: 80, Türkiye: 7, Netherlands: 4.6}\n        source: sipri-2026\n        confidence: reported\n      - period: 2022-26\n        shares: {China: 78, Türkiye: 9}\n        source: sipri-2026\n        confidence: unconfirmed\n"
        )
        try fixture.replace(
            "data.yaml", "events:\n",
            with:
                "events:\n  - id: remote-sensing-2026\n    title: Second remote-sensing satellite launched\n    date: 2026-07\n    domain: space\n    source: xinhua-paksat\n    confidence: reported\n"
        )
    }

    @Test func diffNamesEveryChangeBetweenTwoEditions() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let pdf = fixture.directory.appendingPathComponent("out/briefing.pdf")
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try generate(fixture, pdf, date: "2026-11-23") == 0)
        try editData(fixture)
        // Before publishing: the data on disk against the latest edition.
        let pending = try Command.run(Command.briefing, ["diff", "--output", pdf.path, "--template", fixture.directory.path])
        #expect(
            pending.status == 0 && pending.stdout.hasPrefix("8 changes from edition 1 (2026-11-23) to the data on disk"),
            "\(pending.stdout)\(pending.stderr)")
        #expect(try generate(fixture, pdf, date: "2026-11-30") == 0)

        let json = try Command.run(
            Command.briefing, ["diff", "--output", pdf.path, "--from", "2026-11-23", "--to", "2", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        let summary = changes.map { "\($0["kind"]!) \($0["key"]!)" }
        #expect(
            summary == [
                "revised fig.students",
                "source fig.fibre-length",
                "added fig.satellites",
                "added supply.pakistan-arms-imports.2022-26.china",
                "added supply.pakistan-arms-imports.2022-26.others",
                "added supply.pakistan-arms-imports.2022-26.turkiye",
                "event event.remote-sensing-2026",
                "removed fig.china-share-of-imports",
            ], "\(summary)")
        // Numbers as numbers beside their unit and the printed text; every field one type.
        let students = try #require(changes.first)
        let was = try #require(students["old"] as? [String: Any]), now = try #require(students["new"] as? [String: Any])
        #expect(was["value"] as? Double == 28023 && now["value"] as? Double == 28100 && now["unit"] as? String == "students")
        #expect(was["text"] as? String == "28,023 students" && now["text"] as? String == "28,100 students")
        let fibre = try #require(changes.first { $0["key"] as? String == "fig.fibre-length" })
        #expect((fibre["old"] as? [String: Any])?["grade"] as? String == "reported")
        #expect((fibre["new"] as? [String: Any])?["grade"] as? String == "confirmed")
        let added = try #require(changes.first { $0["key"] as? String == "fig.satellites" })
        #expect(added["old"] is NSNull && added["new"] is [String: Any], "an absent side is null")
        #expect((report["from"] as? [String: Any])?["edition"] as? Int == 1 && (report["to"] as? [String: Any])?["edition"] as? Int == 2)
        #expect(changes.first { ($0["key"] as? String)?.hasSuffix(".others") == true }?["derived"] as? Bool == true)

        let list = try Command.run(Command.briefing, ["editions", "--output", pdf.path])
        let rows = list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map { $0[0] } == ["1", "2"] && rows.map { $0[1] } == ["2026-11-23", "2026-11-30"], "\(list.stdout)")
        #expect(rows[1][5] == "8", "edition 2 lists its 8 changes: \(list.stdout)")
        let missing = try Command.run(Command.briefing, ["diff", "--output", pdf.path, "--from", "7"])
        #expect(
            missing.status == 66 && missing.stderr.contains("no edition '7'")
                && missing.stderr.contains("editions: 1 (2026-11-23), 2 (2026-11-30)"))
    }

    /// The second edition opens with a "What changed" panel; revised values carry a marker;
    /// `--changes none` and a first edition print none; `--since` picks the edition.
    @Test func theBriefingSaysWhatChanged() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let pdf = fixture.directory.appendingPathComponent("briefing.pdf")
        func text() throws -> String {
            try Command.tool("pdftotext", [pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(try generate(fixture, pdf, date: "2026-11-23") == 0)
        #expect(try !text().contains("What changed"), "a first edition has no panel")
        try editData(fixture)
        #expect(try generate(fixture, pdf, date: "2026-11-30") == 0)
        let second = try text()
        for needle in [
            "What changed since 23 November 2026 (8)",
            "Revised Pakistani students in China: 28,023 students \u{2192} 28,100 students",
            "New source Khunjerab-Rawalpindi optical fibre cable: 820 km; source Pak-China optical fiber project underway",
            "reported \u{2192} confirmed",
            "New Pakistani satellites built with China: 3 satellites",
            "New event Second remote-sensing satellite launched: July 2026",
            "Removed China's share of Pakistan's major arms imports, 2021-25 (80%)",
            "(derived)", "rev marks a number revised since that edition.",
        ] {
            #expect(second.contains(needle), "missing '\(needle)'")
        }
        #expect(second.contains("28,100 students") && second.contains("rev"))

        // Compared with edition 1 again, the same panel; with --changes none, none.
        let again = try Command.run(
            Command.briefing,
            ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30", "--since", "1", "-q"])
        let againText = try text()
        #expect(again.status == 0 && againText.contains("What changed since 23 November 2026 (8)"))
        let none = try Command.run(
            Command.briefing,
            ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30", "--changes", "none", "-q"])
        let noneText = try text()
        #expect(none.status == 0 && !noneText.contains("What changed"))
        // A selection still lists changes its sections do not show, marked as such.
        let selection = try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.directory.path, "--output", pdf.path, "--date", "2026-11-30", "--since", "1",
                "--sections", "space", "-q",
            ])
        let selectionText = try text()
        #expect(selection.status == 0 && selectionText.contains("not shown in this selection"))
        // The cover is in every selection: a change its key judgements or figures show says so.
        #expect(selectionText.contains("28,100 students \u{00B7} cover"), "\(selectionText)")
        let missing = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--output", pdf.path, "--since", "2020-01-01", "-q"])
        #expect(missing.status == 66 && missing.stderr.contains("no edition '2020-01-01'"), "\(missing.stderr)")
    }
}
