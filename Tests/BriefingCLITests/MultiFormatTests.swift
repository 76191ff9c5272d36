import Foundation
import TestSupport
import Testing

/// `--format pdf,html`: both from one load, each byte-identical to its format alone, published
/// and archived like the output, and `--if-changed` rewrites them when either is missing.
@Suite(.systemTier) struct MultiFormatTests {
    func generate(_ arguments: [String]) throws -> CommandResult {
        try Command.run(Command.briefing, ["generate", "--date", "2026-11-30"] + arguments)
    }

    @Test func pdfAndHTMLFromOneLoad() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let both = directory.appendingPathComponent("both.pdf"), html = directory.appendingPathComponent("both.html")
        let run = try generate(["--format", "pdf,html", "--keep", "2", "-o", both.path])
        #expect(run.status == 0 && run.stdout.contains("wrote \(both.path) and \(html.path) (10 pages"), "\(run.stdout)\(run.stderr)")

        let alone = directory.appendingPathComponent("alone.pdf")
        #expect(try generate(["-o", alone.path, "-q"]).status == 0)
        #expect(try generate(["--format", "html", "-o", alone.path, "-q"]).status == 0)
        #expect(try Data(contentsOf: both) == Data(contentsOf: alone), "the PDF is the PDF alone")
        #expect(
            try Data(contentsOf: html) == Data(contentsOf: directory.appendingPathComponent("alone.html")), "the HTML is the HTML alone")
        let archived = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("archive").path)
        #expect(archived.filter { $0.hasPrefix("both-") }.map { ($0 as NSString).pathExtension }.sorted() == ["html", "pdf"])

        let unchanged = try generate(["--format", "pdf,html", "--if-changed", "-o", both.path])
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("unchanged:"), "\(unchanged.stdout)")
        try FileManager.default.removeItem(at: html)
        let again = try generate(["--format", "pdf,html", "--if-changed", "-o", both.path])
        #expect(again.status == 0 && again.stdout.hasPrefix("wrote"), "a missing HTML edition is written again: \(again.stdout)")
        #expect(FileManager.default.fileExists(atPath: html.path))

        // The order is the reader's to choose: html,pdf is the same output, with one history.
        let swapped = try generate(["--format", "html,pdf", "--if-changed", "-o", html.path])
        #expect(swapped.status == 0 && swapped.stdout.hasPrefix("unchanged:"), "\(swapped.stdout)\(swapped.stderr)")
        let state = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(".briefing").path)
        #expect(!state.contains("both.html"), "no second state folder: \(state)")
    }

    /// An output named without an extension keeps its name for the first format; the second
    /// gets its extension added instead of writing over the first.
    @Test func anOutputWithoutAnExtensionKeepsBothFiles() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let brief = directory.appendingPathComponent("brief"), html = directory.appendingPathComponent("brief.html")
        let run = try generate(["--format", "pdf,html", "-o", brief.path])
        #expect(run.status == 0 && run.stdout.contains("wrote \(brief.path) and \(html.path) (10 pages"), "\(run.stdout)\(run.stderr)")
        #expect(try Data(contentsOf: brief).starts(with: Data("%PDF-".utf8)), "the PDF is not overwritten")
        #expect(try String(decoding: Data(contentsOf: html), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let unchanged = try generate(["--format", "pdf,html", "--if-changed", "-o", brief.path])
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("unchanged: \(brief.path) and \(html.path)"), "\(unchanged.stdout)")
        // The HTML alone is named so too: it never takes the PDF's name.
        let alone = try generate(["--format", "html", "-o", brief.path])
        #expect(alone.status == 0 && alone.stdout.hasPrefix("wrote \(html.path) "), "\(alone.stdout)\(alone.stderr)")
        #expect(try Data(contentsOf: brief).starts(with: Data("%PDF-".utf8)), "the PDF is still the PDF")
        // Copies are archived without a trailing dot.
        #expect(try generate(["--keep", "2", "-o", brief.path]).status == 0)
        let archived = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("archive").path)
        #expect(archived.count == 1 && archived[0].hasPrefix("brief-") && !archived[0].hasSuffix("."), "\(archived)")
        // A one-character name: the run used to end in SIGILL after publishing.
        for name in ["a", "é"] {
            let run = try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "-o", name], in: directory)
            #expect(run.status == 0 && run.stdout.hasPrefix("wrote \(name) (10 pages"), "\(name): \(run.status) \(run.stdout)\(run.stderr.prefix(300))")
        }
    }

    @Test func pageImagesGoAlone() throws {
        let run = try generate(["--format", "pdf,png", "-o", "/tmp/never.pdf"])
        #expect(run.status == 64 && run.stderr.contains("png and svg write one file per page and go alone"), "\(run.stderr)")
        let stream = try generate(["--format", "pdf,html", "-o", "-"])
        #expect(stream.status == 64 && stream.stderr.contains("several formats"), "\(stream.stderr)")
    }
}
