import Foundation
import TestSupport
import Testing

/// The small frictions a new user met, each fixed: `check`, the default output folder, YAML
/// values with ': ', the key-judgements error's line, publisher names with commas, "1 events".
@Suite(.serialized, .systemTier) struct FrictionTests {
    private func text(_ pdf: URL) throws -> String {
        try Command.tool("pdftotext", [pdf.path, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func checkValidatesWithoutRendering() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let ok = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        // 27 cited by the text and 3 more by the supply chart's rows.
        #expect(ok.stdout.contains("10 sections, 3 charts, 30 sources cited, 0 warning(s)"))
        let partial = try Command.run(
            Command.briefing, ["check", "--template", fixture.directory.path, "--sections", "it,space", "--strict"])
        #expect(partial.status == 65 && partial.stderr.contains("reference to section 'strategic'"))
        try fixture.write("sections/it.md", try fixture.read("sections/it.md") + "\n{{fig.nope}}\n```chart pie\n```\n")
        let bad = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("unknown placeholder 'fig.nope'"), "\(bad.stderr)")
    }

    @Test func theDefaultOutputFolderIsMade() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A missing template is named first, and nothing is made for the output.
        let noTemplate = try Command.run(Command.briefing, ["generate", "--template", "/nonexistent/t"], in: directory)
        #expect(noTemplate.status == 66 && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("output").path))
        let result = try Command.run(Command.briefing, ["generate", "--date", "2026-11-30"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("output/briefing.pdf").path))
        // A folder the user names is not made, and the error says how to make it.
        let named = try Command.run(Command.briefing, ["generate", "--output", "elsewhere/b.pdf"], in: directory)
        #expect(named.status == 73 && named.stderr.contains("create it with: mkdir -p"))
    }

    @Test func yamlValuesWithAColonGetAHintAndKeyJudgementsTheirLine() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try fixture.replace("briefing.yaml", "    title: IT and connectivity\n", with: "    title: IT: and connectivity\n")
        let colon = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(colon.status == 65 && colon.stderr.contains("hint: if a value contains ': ', put it in quotes"), "\(colon.stderr)")
        try fixture.replace("briefing.yaml", "    title: IT: and connectivity\n", with: "    title: IT and connectivity\n")
        try fixture.replace("briefing.yaml", "key_judgements: sections/key-judgements.md", with: "key_judgements: sections/nope.md")
        let line = try fixture.line(of: "key_judgements:", in: "briefing.yaml")
        let missing = try Command.run(Command.briefing, ["check", "--template", fixture.directory.path])
        #expect(missing.stderr.contains("briefing.yaml:\(line):17: error: the file of key judgements does not exist"), "\(missing.stderr)")
    }

    @Test func publisherNamesKeepTheirCommasAndOneEventIsSingular() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let line = try fixture.line(of: "  - id: sipri-2026", in: "data.yaml")
        var lines = try fixture.read("data.yaml").components(separatedBy: "\n")
        lines[line] = "    publisher: Ministry of Economy, Trade and Industry (Japan)"
        try fixture.write("data.yaml", lines.joined(separator: "\n"))
        try fixture.write(
            "sections/space.md", try fixture.read("sections/space.md") + "\n```chart timeline\nevents: paksat-mm1\ntitle: One launch\n```\n"
        )
        let pdf = directory.appendingPathComponent("b.pdf")
        let result = try Command.run(
            Command.briefing, ["generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try text(pdf)
        #expect(text.contains("; Ministry of Economy, Trade and Industry (Japan) [1]."), "the whole name in the chart's source line")
        #expect(text.contains("1 event in 2024"))
        #expect(!text.contains("1 events"))
    }
}

/// A new user's path: `briefing new`, then check and generate it as it is.
@Suite(.serialized, .systemTier) struct NewTemplateTests {
    @Test func aStarterTemplateGeneratesAsItIs() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("mine").path
        let made = try Command.run(Command.briefing, ["new", folder])
        #expect(made.status == 0, "\(made.stderr)")
        let check = try Command.run(Command.briefing, ["check", "--template", folder, "--strict"])
        #expect(check.status == 0 && check.stdout.contains("2 sections, 5 charts"), "\(check.stdout)\(check.stderr)")
        let pdf = directory.appendingPathComponent("mine.pdf")
        let generated = try Command.run(Command.briefing, ["generate", "--template", folder, "--date", "2026-11-30", "--output", pdf.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout
        #expect(text.contains("Example briefing") && text.contains("Figure 5") && !text.contains("source essay"))
        // A folder that holds something is never written into.
        let again = try Command.run(Command.briefing, ["new", folder])
        #expect(again.status == 73 && again.stderr.contains("not an empty folder"))
    }
}
