import Foundation
import TestSupport
import Testing

/// A template reads only files inside its folder, judged by resolved path: a link out of it is
/// a located error (65) and nothing of the linked file reaches the PDF or the terminal.
@Suite(.serialized, .systemTier) struct ConfinementTests {
    private func generate(_ fixture: TemplateFixture, in directory: URL) throws -> CommandResult {
        try Command.run(
            Command.briefing,
            [
                "generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output",
                directory.appendingPathComponent("b.pdf").path,
            ])
    }

    private func link(_ fixture: TemplateFixture, _ name: String, to destination: String) throws {
        let url = fixture.url(name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    @Test func aSectionLinkedToAFileOutsideIsRefused() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let line = try fixture.line(of: "file: sections/space.md", in: "briefing.yaml")
        try link(fixture, "sections/space.md", to: "/etc/passwd")
        let result = try generate(fixture, in: directory)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("briefing.yaml:\(line - 3):"), "\(result.stderr)")  // the section entry starts at '- id:'
        #expect(result.stderr.contains("'sections/space.md' is a link to /etc/passwd, outside the template folder"))
        #expect(!result.stderr.contains("root:"), "nothing of the linked file is printed")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.pdf").path))
    }

    @Test func linksThroughParentsAndChainsAreRefused() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        // A relative link climbing out, a chain of links ending outside, and a folder link to '..'.
        try "# Outside\n\nsecret text\n".write(to: directory.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        try link(fixture, "sections/space.md", to: "../../\(directory.lastPathComponent)/outside.md")
        try link(fixture, "sections/c.md", to: "/etc/passwd")
        try link(fixture, "sections/b.md", to: "c.md")
        try link(fixture, "sections/it.md", to: "b.md")
        try link(fixture, "sections/up", to: "..")
        try fixture.replace("briefing.yaml", "file: sections/ai.md", with: "file: sections/up/sections/ai.md")
        let result = try generate(fixture, in: directory)
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("'sections/space.md' is a link to \(directory.resolvingSymlinksInPath().path)/outside.md"),
            "\(result.stderr)")
        #expect(result.stderr.contains("'sections/it.md' is a link to /etc/passwd"))
        // 'up' is '..' of the sections folder: the template folder itself, so that one is inside and allowed.
        #expect(!result.stderr.contains("sections/up/sections/ai.md"))
        #expect(!result.stderr.contains("secret text"))
    }

    @Test func linksThatStayInsideAreFine() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        try FileManager.default.moveItem(at: fixture.url("sections/space.md"), to: fixture.url("space-text.md"))
        try link(fixture, "sections/space.md", to: "../space-text.md")
        let result = try generate(fixture, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aDataFileLinkedOutsideIsRefusedWithoutPrintingIt() throws {
        let fixture = try TemplateFixture()
        let directory = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        try link(fixture, "data.yaml", to: "/etc/passwd")
        let result = try generate(fixture, in: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("data.yaml is a link to /etc/passwd, outside the template folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("root:"))
    }

    /// The template is checked before the output: a missing template is 66 even when the
    /// output folder is missing too.
    @Test func aMissingTemplateIsReportedBeforeTheOutput() throws {
        let result = try Command.run(
            Command.briefing, ["generate", "--template", "/nonexistent/template", "--output", "/nonexistent/out/b.pdf"])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("no such template folder"))
        let data = try Command.run(
            Command.briefing, ["generate", "--data", "/nonexistent/data.yaml", "--output", "/nonexistent/out/b.pdf"])
        #expect(data.status == 66, "\(data.stderr)")
    }
}
