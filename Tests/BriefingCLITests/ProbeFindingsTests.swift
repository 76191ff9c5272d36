import Foundation
import TestSupport
import Testing

/// The outside probe's smaller findings, one check each: what used to crash or mislead now
/// gets a clear, located answer.
@Suite(.systemTier) struct ProbeFindingsTests {
    private func briefing(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandResult {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment ?? [:] { merged[key] = value }
        return try Command.run(Command.briefing, arguments, environment: merged)
    }

    /// A claim whose literal has 20 digits crashed (SIGILL), then compared a rounded number:
    /// 99999999999999999999 == 99999999999999999998 held. It is refused at the literal.
    @Test func aClaimLiteralPastExactDigitsIsRefused() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.replace(
            "briefing.yaml", "china-share-rising: supply.pakistan-arms-imports.latest.china > supply.pakistan-arms-imports.first.china",
            with: "china-share-rising: supply.pakistan-arms-imports.latest.china > 12345678901234567890")
        let check = try briefing(["check", "--template", fixture.directory.path])
        #expect(check.status == 65, "\(check.stderr)")
        #expect(
            check.stderr.contains("'12345678901234567890' has more digits than can be compared exactly (at most 15, and at most 10^15)"),
            "\(check.stderr)")
    }

    /// With standard error closed (a pipe into `head` that has gone), a failing run crashed
    /// at its last message (SIGILL, 132) and its exit status was lost.
    @Test func aClosedStandardErrorKeepsTheExitStatus() throws {
        let missing = try Command.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" check --template /nonexistent/template 2>&-", Command.briefing.path])
        #expect(missing.status == 66, "\(missing.status)")
        let usage = try Command.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" generate --jobs 2 2>&-", Command.briefing.path])
        #expect(usage.status == 64, "\(usage.status)")
    }

    @Test func aHugeAttachmentLimitIsALocatedError() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("d.yaml")
        try "from: a@example.org\nmax_attachment_mb: 1e19\naudiences:\n  - id: x\n    to: b@example.org\n".write(
            to: plan, atomically: true, encoding: .utf8)
        let run = try briefing(["generate", "--output", folder.appendingPathComponent("b.pdf").path, "--deliver", plan.path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("d.yaml:2:20: error: field 'max_attachment_mb': 1e19 is out of range"), "\(run.stderr)")
    }

    @Test func anOutOfRangeSourceDateEpochIsAUsageError() throws {
        let run = try briefing(["generate", "--output", "/tmp/never.pdf"], environment: ["SOURCE_DATE_EPOCH": "15927000000000"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "briefing: error: SOURCE_DATE_EPOCH: 15927000000000 seconds is outside the years a briefing may carry (1800-2200)"),
            "\(run.stderr)")
    }

    @Test func countMinusOneIsOutOfRangeNotMissing() throws {
        let run = try briefing(["schedule", "next", "0 6 * * mon", "--count", "-1"])
        #expect(run.status == 64 && run.stderr.contains("--count must be 1 to 1000"), "\(run.stderr)")
    }

    @Test func theMkdirHintQuotesAsTheShellReads() throws {
        let run = try briefing(["generate", "--output", "/tmp/it's missing/b.pdf"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("mkdir -p '/tmp/it'\\''s missing'"), "\(run.stderr)")
    }

    @Test func aPipeAsATemplateFileIsNamedAsOne() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let section = fixture.url("sections/it.md")
        try FileManager.default.removeItem(at: section)
        #expect(mkfifo(section.path, 0o644) == 0)
        let check = try briefing(["check", "--template", fixture.directory.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("sections/it.md: error: expected a file, found a named pipe"), "\(check.stderr)")
    }

    @Test func yamlSyntaxErrorsSayWhatIsWrongInPlainWords() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.write("data.yaml", try fixture.read("data.yaml") + "\nextra: [a, b\n")
        let check = try briefing(["check", "--template", fixture.directory.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("a list in [brackets] is not closed (libyaml: "), "\(check.stderr)")
    }

    @Test func aNonExecutableSendmailIsNamedAsSuch() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = folder.appendingPathComponent("sendmail")
        try "#!/bin/sh\n".write(to: program, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("d.yaml")
        try "from: a@example.org\nsendmail: \(program.path)\naudiences:\n  - id: x\n    to: b@example.org\n".write(
            to: plan, atomically: true, encoding: .utf8)
        let run = try briefing([
            "generate", "--date", "2026-11-30", "--output", folder.appendingPathComponent("b.pdf").path, "--deliver", plan.path,
        ])
        #expect(run.status == 66)
        #expect(run.stderr.contains("is not executable (chmod +x)"), "\(run.stderr)")
    }

    @Test func typosBelowTheTopLevelGetASuggestion() throws {
        let run = try briefing(["schedule", "lst"])
        #expect(run.status == 64 && run.stderr.contains("did you mean 'briefing schedule list'?"), "\(run.stderr)")
        let negative = try briefing(["generate", "--timeout", "-5"])
        #expect(negative.status == 64 && negative.stderr.contains("--timeout must be more than 0 seconds"), "\(negative.stderr)")
    }

    @Test func csvFilesPastTheirShapeAreRefusedBeforeParsing() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/csv")
        defer { fixture.remove() }
        try fixture.write("data/figures.csv", "Key,What,Amount,To,Unit,As of,Grade,Source\n" + String(repeating: "\n", count: 200_000))
        let blank = try briefing(["check", "--template", fixture.directory.path])
        #expect(
            blank.status == 65 && blank.stderr.contains("data/figures.csv:100001:1: error: the file has 200001 lines (at most 100000)"),
            "\(blank.stderr)")
        try fixture.write("data/figures.csv", String(repeating: ",", count: 5_000) + "\n")
        let wide = try briefing(["check", "--template", fixture.directory.path])
        #expect(
            wide.status == 65 && wide.stderr.contains("data/figures.csv:1:1: error: the header has 5001 columns (at most 1000)"),
            "\(wide.stderr)")
    }
}
