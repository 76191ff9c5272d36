import Foundation
import TestSupport
import Testing

/// The HTML edition as readers open it: the installed command writes it, a real browser
/// (Debian's chromium through selenium) shows it at a phone's width, axe-core checks it, and
/// every internal link and every chart is checked in the page the browser built.
@Suite(.serialized, .systemTier) struct HTMLEditionBrowserTests {
    @Test func theDefaultAndTheChipsEditionsPassAxeAndFitAPhone() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, template) in [("default", "Templates/sino-pak"), ("chips", "Tests/Fixtures/chips")] {
            // Named .pdf as a desk's jobs are: the HTML edition takes the name with .html.
            let output = directory.appendingPathComponent("\(name).pdf")
            let run = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", TemplateFixture.repository.appendingPathComponent(template).path, "--date", "2026-11-30",
                    "--format", "html", "--output", output.path,
                ])
            #expect(run.status == 0, "\(run.stderr)")
            let html = directory.appendingPathComponent("\(name).html")
            #expect(run.stdout.contains("wrote \(html.path) ("), "\(run.stdout)")
            #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written under the .pdf name")
            files.append(html.path)
        }
        let script = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/browser/axe-check.py")
        let axe = try Command.tool("python3", [script.path] + files)
        #expect(axe.status == 0, "axe-core in chromium: \(axe.stdout)\(axe.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(axe.stdout.utf8)) as? [String: [String: Any]] ?? [:]
        for file in files {
            let page = try #require(report[file])
            #expect((page["violations"] as? [Any])?.isEmpty == true, "\(file): \(page)")
            #expect(page["scrollsSideways"] as? Bool == false && (page["brokenLinks"] as? [Any])?.isEmpty == true)
            #expect(page["unnamedDrawings"] as? Int == 0 && (page["charts"] as? Int ?? 0) >= 3, "\(file): \(page)")
        }
    }

    @Test func formatsThatCannotBeHTMLSaySo() throws {
        let chart = try Command.run(Command.briefing, ["chart", "1", "--format", "html", "-o", "/tmp/never.html"])
        #expect(chart.status == 64 && chart.stderr.contains("drawn as pdf, png or svg"), "\(chart.stderr)")
    }
}
