import Foundation
import TestSupport
import Testing

/// `briefing site` over two real editions: every edition's page, PDF and HTML copied and
/// linked, an Atom feed Python's XML parser reads with two entries, pages axe-core finds
/// nothing wrong with, and `--keep`'s retention carried into the site.
@Suite(.serialized, .systemTier) struct SiteTests {
    @Test func twoEditionsMakeASiteAndAFeed() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out/chips.pdf"), site = directory.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        func generate(_ date: String, keep: String = "5") throws -> CommandResult {
            try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--date", date, "--format", "pdf,html", "--keep", keep, "-o",
                    output.path, "-q",
                ])
        }
        #expect(try generate("2026-11-23").status == 0)
        let data = fixture.directory.appendingPathComponent("data.yaml")
        let text = try String(contentsOf: data, encoding: .utf8)
        let first = try #require(text.firstMatch(of: /value: (\d+)/))
        try text.replacingCharacters(in: first.range, with: "value: \(Int(first.1)! + 1)").write(
            to: data, atomically: true, encoding: .utf8)
        #expect(try generate("2026-11-30").status == 0)

        let run = try Command.run(
            Command.briefing, ["site", "-o", output.path, "--to", site.path, "--base-url", "https://intra.example/chips"])
        #expect(run.status == 0 && run.stdout.contains("2 editions"), "\(run.stdout)\(run.stderr)")
        for path in ["index.html", "feed.xml", "editions/1.html", "editions/2.html", "editions/1/chips.pdf", "editions/2/chips.html"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(
            try Data(contentsOf: site.appendingPathComponent("editions/2/chips.pdf")) == Data(contentsOf: output),
            "the latest edition's PDF is the published one")
        let page = try String(contentsOf: site.appendingPathComponent("editions/2.html"), encoding: .utf8)
        #expect(page.contains("What changed since edition 1") && page.contains("<li>Revised: "), "\(page)")

        let atom = """
            import os, sys, xml.etree.ElementTree as ET
            ns = {"a": "http://www.w3.org/2005/Atom"}
            feed = ET.parse(sys.argv[1]).getroot()
            assert feed.tag == "{http://www.w3.org/2005/Atom}feed", feed.tag
            for field in ["id", "title", "updated"]: assert feed.find("a:" + field, ns).text, field
            entries = feed.findall("a:entry", ns)
            for e in entries:
                for field in ["id", "title", "updated"]: assert e.find("a:" + field, ns).text, field
                assert e.find("a:link[@rel='alternate']", ns).get("href").startswith("https://intra.example/chips/editions/")
                # The enclosure's length is the size of the PDF the site serves under its address.
                enclosure = e.find("a:link[@rel='enclosure']", ns)
                local = os.path.join(sys.argv[2], enclosure.get("href")[len("https://intra.example/chips/"):])
                assert int(enclosure.get("length")) == os.path.getsize(local), (enclosure.attrib, os.path.getsize(local))
            print(len(entries), len({e.find("a:id", ns).text for e in entries}))
            """
        let parsed = try Command.tool("python3", ["-c", atom, site.appendingPathComponent("feed.xml").path, site.path])
        #expect(parsed.status == 0 && parsed.stdout == "2 2\n", "\(parsed.stdout)\(parsed.stderr)")

        let script = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/browser/axe-check.py")
        let axe = try Command.tool(
            "python3", [script.path, site.appendingPathComponent("index.html").path, site.appendingPathComponent("editions/2.html").path])
        #expect(axe.status == 0, "axe-core in chromium: \(axe.stdout)\(axe.stderr)")

        // --keep 1: the store keeps one edition, the state folder its files, the site its page.
        #expect(try generate("2026-12-07", keep: "1").status == 0)
        #expect(try Command.run(Command.briefing, ["site", "-o", output.path, "--to", site.path, "-q"]).status == 0)
        let editions = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("editions").path).sorted()
        #expect(editions == ["3", "3.html"], "\(editions)")
    }

    @Test func anOutputWithNoEditionsIsNoInput() throws {
        let run = try Command.run(Command.briefing, ["site", "-o", "/tmp/never-made.pdf", "--to", "/tmp/never-site"])
        #expect(run.status == 66 && run.stderr.contains("no editions recorded"), "\(run.stderr)")
    }

    /// A base URL the feed's links would be wrong under is refused before anything is read.
    @Test func aBaseURLMustBeAWholeAddress() throws {
        for bad in [
            "https://", "https://ex ample.org/", "https://example.org/b/?q=1", "https://example.org/b#f", "ftp://example.org/",
            "example.org/b/", "javascript:alert(1)", "",
        ] {
            let run = try Command.run(Command.briefing, ["site", "--to", "/tmp/never-site", "--base-url", bad])
            #expect(run.status == 64 && run.stderr.contains("--base-url must be a whole http(s) address"), "'\(bad)': \(run.stderr)")
        }
    }

    @Test func aFileWhereTheSiteGoesIsNamed() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("c.pdf"), file = directory.appendingPathComponent("site")
        #expect(try Command.run(Command.briefing, ["generate", "--template", fixture.directory.path, "-o", output.path, "-q"]).status == 0)
        try "mine".write(to: file, atomically: true, encoding: .utf8)
        let run = try Command.run(Command.briefing, ["site", "-o", output.path, "--to", file.path])
        #expect(run.status == 73 && run.stderr.contains("\(file.path): it is a file, not a folder"), "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }
}
