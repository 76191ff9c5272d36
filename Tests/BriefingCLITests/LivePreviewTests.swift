import Foundation
import TestSupport
import Testing

/// `briefing watch --serve` as an author uses it, in a real browser: a sentence appended to a
/// section appears in the open page within 2 s without a reload and at the same scroll
/// position; broken YAML shows its located error over the page, which keeps its content;
/// the fix takes the error away. And the server answers only its own paths.
@Suite(.serialized, .systemTier) struct LivePreviewTests {
    @Test func anEditAppearsInTheOpenPageAndAnErrorOverIt() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let watch = try BackgroundCommand(
            Command.briefing,
            [
                "watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", out.appendingPathComponent("b.pdf").path,
                "--serve", "0",
            ],
            logs: out)
        defer { _ = watch.stop(with: SIGTERM) }
        #expect(watch.waitFor("built "), "first build: \(watch.stdout) \(watch.stderr)")
        let url = try #require(watch.stdout.firstMatch(of: /serving (http:\/\/127\.0\.0\.1:\d+\/)/).map { String($0.1) })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("b.html").path), "the HTML edition is written too")

        let script = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/browser/live-preview.py")
        let browser = try Command.tool(
            "python3",
            [
                script.path, url, fixture.directory.appendingPathComponent("sections/space.md").path,
                fixture.directory.appendingPathComponent("data.yaml").path,
            ])
        #expect(browser.status == 0, "\(browser.stdout)\(browser.stderr)\nwatch: \(watch.stdout)")
        #expect(browser.stdout.contains("\"notReloaded\": true") && browser.stdout.contains("data.yaml:"), "\(browser.stdout)")

        // Only the page, the PDF and the events answer: no file is reachable by its path.
        for (path, status) in [("", 200), ("b.pdf", 200), ("../../etc/passwd", 404), ("%2e%2e/%2e%2e/etc/passwd", 404), ("data.yaml", 404)]
        {
            let curl = try Command.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", url + path])
            #expect(curl.stdout == "\(status)", "\(path): \(curl.stdout)")
        }
        #expect(watch.stop(with: SIGTERM) == 0)
    }

    /// A watch whose first build fails still serves a page: it shows the error, then the
    /// briefing once the fix is saved.
    @Test func aFirstBuildThatFailsShowsItsErrorUntilTheFix() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let data = fixture.directory.appendingPathComponent("data.yaml")
        let good = try String(contentsOf: data, encoding: .utf8)
        try (good + "\nfigures: [\n").write(to: data, atomically: true, encoding: .utf8)
        let watch = try BackgroundCommand(
            Command.briefing,
            [
                "watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output",
                out.appendingPathComponent("b.pdf").path, "--serve", "0",
            ],
            logs: out)
        defer { _ = watch.stop(with: SIGTERM) }
        #expect(watch.waitFor("failed "), "\(watch.stdout) \(watch.stderr)")
        let url = try #require(watch.stdout.firstMatch(of: /serving (http:\/\/127\.0\.0\.1:\d+\/)/).map { String($0.1) })
        let script = """
            import sys, time
            from pathlib import Path
            sys.path.insert(0, sys.argv[4])
            import chromium
            d = chromium.driver()
            def until(f, s):
                end = time.monotonic() + s
                while time.monotonic() < end:
                    if f(): return True
                    time.sleep(0.02)
                return False
            text = lambda: d.execute_script("return document.body.innerText")
            try:
                d.get(sys.argv[1])
                print("error", until(lambda: "data.yaml:" in text(), 5))
                Path(sys.argv[2]).write_text(Path(sys.argv[3]).read_text())
                print("briefing", until(lambda: "Sino-Pak collaboration" in text() and "data.yaml:" not in text(), 10))
            finally:
                d.quit()
            """
        let goodCopy = out.appendingPathComponent("good.yaml")
        try good.write(to: goodCopy, atomically: true, encoding: .utf8)
        let browser = try Command.tool(
            "python3",
            ["-c", script, url, data.path, goodCopy.path, TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/browser").path])
        #expect(browser.stdout == "error True\nbriefing True\n", "\(browser.stdout)\(browser.stderr)\nwatch: \(watch.stdout)")
    }

    @Test func theAddressIsCheckedBeforeAnythingRuns() throws {
        let bad = try Command.run(Command.briefing, ["watch", "--serve", "localhost:99999"])
        #expect(bad.status == 64 && bad.stderr.contains("--serve takes PORT, HOST:PORT or [IPv6]:PORT"), "\(bad.stderr)")
        // An IPv6 address goes in brackets; without them the colons cannot be told apart.
        for address in ["::1", "127.0.0.1:0:0", "[::1", "::1]:0"] {
            let run = try Command.run(Command.briefing, ["watch", "--serve", address])
            #expect(run.status == 64 && run.stderr.contains("not '\(address)'"), "\(address): \(run.status) \(run.stderr)")
        }
        let png = try Command.run(Command.briefing, ["watch", "--serve", "0", "--format", "png"])
        #expect(png.status == 64 && png.stderr.contains("cannot be used with --format png"), "\(png.stderr)")
    }
}
