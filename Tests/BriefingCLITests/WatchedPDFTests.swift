import Foundation
import TestSupport
import Testing

/// The watch draws only the pages an edit changed and joins them with the kept ones
/// (`PagewisePDF`). Read back by tools that did not write it, its file after an edit says
/// what `generate` makes of the same template: the same structure tree, links,
/// destinations, bookmarks, labels and metadata (scripts/pdf-equivalence.py, pikepdf), the
/// same pixels on every page, a parent tree whose every entry resolves, and every rule of
/// PDF/UA that pdfua checks.
@Suite(.serialized, .systemTier) struct WatchedPDFTests {
    @Test(arguments: ["ua-1", "ua-1,a-2b"]) func theWatchedFileReadsAsTheGeneratedOne(standard: String) throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        // Notes on two pages, one running over a page break: one note, numbered through the document.
        let long = (1...110).map { "Filler sentence \($0) makes this footnote long enough to run over the page break." }
        try fixture.write("sections/it.md", try fixture.read("sections/it.md") + "\nA noted sentence.[^a]\n\n[^a]: \(long.joined(separator: " "))\n")
        try fixture.write("sections/energy.md", try fixture.read("sections/energy.md") + "\nAnother.[^b]\n\n[^b]: Second note.\n")
        let watched = out.appendingPathComponent("watched.pdf"), generated = out.appendingPathComponent("generated.pdf")
        let options = ["--template", fixture.directory.path, "--date", "2026-11-30", "--pdf-standard", standard]
        let watch = try BackgroundCommand(Command.briefing, ["watch"] + options + ["--output", watched.path], logs: out)
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        try fixture.replace("sections/space.md", "Space is the most visible civilian success", with: "Space is, by some way, the most visible success")
        #expect(watch.waitFor("built ", count: 2), "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stop(with: SIGTERM) == 0)
        let made = try Command.run(Command.briefing, ["generate"] + options + ["--quiet", "--output", generated.path])
        #expect(made.status == 0, "\(made.stderr)")

        let script = TemplateFixture.repository.appendingPathComponent("scripts/pdf-equivalence.py")
        let compared = try Command.tool("python3", [script.path, generated.path, watched.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any], "\(compared.stderr)")
        #expect((report["differences"] as? [Any])?.isEmpty == true, "\(compared.stdout)")
        #expect((report["mismatches"] as? [String: Int])?.values.allSatisfy { $0 == 0 } == true, "\(compared.stdout)")

        #expect(try Command.tool("qpdf", ["--check", watched.path]).status == 0)
        let checked = try Command.tool("python3", ["-m", "pdfua", "check", watched.path])
        #expect(checked.status == 0, "\(checked.stdout)")
        let ghostscript = try Command.tool("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", watched.path])
        #expect(ghostscript.status == 0 && ghostscript.stdout.isEmpty && ghostscript.stderr.isEmpty, "\(ghostscript.stderr)")

        for (pdf, prefix) in [(generated, "g"), (watched, "w")] {
            #expect(try Command.tool("pdftoppm", ["-r", "40", "-png", pdf.path, out.appendingPathComponent(prefix).path]).status == 0)
        }
        let images = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("g-") && $0.hasSuffix(".png") }.sorted()
        #expect(images.count == 11)
        for image in images {
            let other = "w" + image.dropFirst()
            #expect(try Data(contentsOf: out.appendingPathComponent(image)) == Data(contentsOf: out.appendingPathComponent(other)), "\(image)")
        }
    }
}
