import Foundation
import TestSupport
import Testing

/// `briefing watch` end to end, as an author uses it: start it, edit a section, break and fix
/// the template, remove a section file, then stop it; and the page images of a png watch.
@Suite(.serialized, .systemTier) struct WatchTests {
    /// The PDF's text, as a reader sees it.
    private func text(_ pdf: URL) throws -> String {
        try Command.tool("pdftotext", [pdf.path, "-"]).stdout.replacingOccurrences(of: "\n", with: " ")
    }

    @Test func rebuildsOnEveryChangeKeepsTheLastGoodPDFAndStopsCleanly() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let pdf = out.appendingPathComponent("b.pdf")
        let watch = try BackgroundCommand(
            Command.briefing, ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path],
            logs: out)
        #expect(watch.waitFor("built "), "first build: \(watch.stdout) \(watch.stderr)")
        #expect(try text(pdf).contains("Sino-Pak collaboration"))

        // Edit one sentence of one section: the next PDF has it.
        try fixture.replace("sections/space.md", "Space is the most visible civilian success", with: "Space is the watched success")
        #expect(watch.waitFor("built ", count: 2), "\(watch.stdout) \(watch.stderr)")
        #expect(try text(pdf).contains("Space is the watched success"))
        let good = try Data(contentsOf: pdf)

        // A broken YAML line: a located error, the PDF untouched, the watch goes on.
        let spec = try fixture.read("briefing.yaml")
        try fixture.write("briefing.yaml", spec.replacingOccurrences(of: "sections:\n", with: "sections: [\n"))
        #expect(watch.waitFor("failed "), "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stderr.contains(try Regex(#"briefing\.yaml:\d+:\d+: error: YAML syntax error"#)), "\(watch.stderr)")
        #expect(try Data(contentsOf: pdf) == good, "the last good PDF stays")

        // Fixed: the next build publishes again.
        try fixture.write("briefing.yaml", spec)
        #expect(watch.waitFor("built ", count: 3), "\(watch.stdout) \(watch.stderr)")

        // A save as vim makes it: the file renamed to a backup, written again in two parts,
        // closed, the backup deleted. One build, of the whole new file; no failure between.
        let space = fixture.url("sections/space.md"), backup = fixture.url("sections/space.md~")
        let saved = try fixture.read("sections/space.md").replacingOccurrences(of: "the watched success", with: "the saved success")
        try FileManager.default.moveItem(at: space, to: backup)
        Thread.sleep(forTimeInterval: 0.05)
        let descriptor = open(space.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let bytes = Array(saved.utf8)
        #expect(write(descriptor, bytes, 40) == 40)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(bytes[40...].withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) } == bytes.count - 40)
        close(descriptor)
        try FileManager.default.removeItem(at: backup)
        #expect(watch.waitFor("built ", count: 4), "\(watch.stdout) \(watch.stderr)")
        #expect(try text(pdf).contains("Space is the saved success"))

        // A fact changed in data.yaml: every section that prints it shows the new value (the
        // sections parsed before are not reused in another context).
        try fixture.replace("data.yaml", "value: 28023", with: "value: 29117")
        #expect(watch.waitFor("built ", count: 5), "\(watch.stdout) \(watch.stderr)")
        // The vim save was one build: had it made two, this change would be the sixth. The
        // next event shows what did not happen, with no sleep to wait for it.
        let lines = watch.stdout.components(separatedBy: "\n")
        #expect(lines.filter { $0.contains("built ") }.count == 5 && lines.filter { $0.contains("failed ") }.count == 1, "\(watch.stdout)")
        let updated = try text(pdf)
        #expect(updated.contains("29,117") && !updated.contains("28,023"), "\(updated.prefix(300))")

        // A section file removed: its error, located in the spec that names it.
        try FileManager.default.removeItem(at: fixture.url("sections/space.md"))
        #expect(watch.waitFor("failed ", count: 2), "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stderr.contains("space.md"), "\(watch.stderr)")
        #expect(try text(pdf).contains("Space is the saved success"), "the last good PDF stays")

        // SIGTERM ends it with status 0 and leaves no temporary file.
        #expect(watch.stop(with: SIGTERM) == 0, "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stdout.contains("stopped (terminate)"))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A first build that fails on the options themselves ends the watch with generate's
    /// status (found by helper-31: it printed the error and went on watching, failing every
    /// build); a first build that fails on the template's files goes on watching.
    @Test func optionsNoEditCanMendEndTheWatch() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let pdf = out.appendingPathComponent("b.pdf").path
        let cases: [([String], Int32, String)] = [
            (["--date", "2026-13-40", "--output", pdf], 64, "month 13 does not exist"),
            (["--sections", "nope", "--output", pdf], 64, "unknown section 'nope'"),
            (["--sections", "space", "--skip", "energy", "--output", pdf], 64, "cannot be used together"),
            (["--output", fixture.url("sections/space.md").path], 65, "refusing to write"),
        ]
        for (options, status, message) in cases {
            let watch = try BackgroundCommand(Command.briefing, ["watch", "--template", fixture.directory.path] + options, logs: out)
            let deadline = Date().addingTimeInterval(60)
            while watch.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            let ended = !watch.process.isRunning
            if !ended { _ = watch.stop(with: SIGKILL) }
            #expect(ended && watch.process.terminationStatus == status, "\(options): \(watch.stdout) \(watch.stderr)")
            #expect(watch.stderr.contains(message), "\(watch.stderr)")
        }
        #expect(try fixture.read("sections/space.md").contains("Space is the most visible civilian success"), "the template file is untouched")

        // A section that does not build is the author's to mend: the watch goes on.
        let section = try fixture.read("sections/space.md")
        try fixture.write("sections/space.md", section + "\nA note nobody wrote.[^nowhere]\n")
        let watch = try BackgroundCommand(
            Command.briefing, ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf], logs: out)
        #expect(watch.waitFor("failed "), "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stdout.contains("nothing is written to \(pdf) yet"), "\(watch.stdout)")
        try fixture.write("sections/space.md", section)
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        #expect(watch.stop(with: SIGTERM) == 0)
    }

    /// With png, an edit rewrites only the pages it changed; SIGINT stops it.
    @Test func pngWatchWritesOnlyTheChangedPages() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let target = out.appendingPathComponent("b.pdf")
        let watch = try BackgroundCommand(
            Command.briefing,
            [
                "watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--format", "png", "--dpi", "40", "--output",
                target.path,
            ],
            logs: out)
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(pages.count == 10 && watch.stdout.contains("built 10 of 10 pages"), "\(pages) \(watch.stdout)")
        let before = try Dictionary(uniqueKeysWithValues: pages.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) })

        // A word changed on the space page (without changing its line breaks much).
        try fixture.replace(
            "sections/space.md", "Space is the most visible civilian success", with: "Space is the most visible civil success")
        #expect(watch.waitFor("built ", count: 2), "\(watch.stdout) \(watch.stderr)")
        let changed = try pages.filter { try Data(contentsOf: out.appendingPathComponent($0)) != before[$0] }
        let line = watch.stdout.components(separatedBy: "\n").last { $0.contains("built ") } ?? ""
        #expect(!changed.isEmpty && changed.count < pages.count, "\(changed)")
        #expect(line.contains("built \(changed.count) of 10 pages"), "\(line)")
        #expect(watch.stop(with: SIGINT) == 0)
    }

    /// A data file kept outside the template folder is watched too, by name: a change to it
    /// rebuilds, a change to a file beside it does not.
    @Test func anOutsideDataFileIsWatched() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let data = out.appendingPathComponent("facts.yaml")
        try FileManager.default.copyItem(at: fixture.url("data.yaml"), to: data)
        let pdf = out.appendingPathComponent("b.pdf")
        let watch = try BackgroundCommand(
            Command.briefing,
            ["watch", "--template", fixture.directory.path, "--data", data.path, "--date", "2026-11-30", "--output", pdf.path],
            logs: out)
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        try Data("unrelated\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let text = try String(contentsOf: data, encoding: .utf8)
        try text.replacingOccurrences(of: "value: 28023", with: "value: 29117").write(to: data, atomically: true, encoding: .utf8)
        #expect(watch.waitFor("built ", count: 2), "\(watch.stdout) \(watch.stderr)")
        // Had the file beside it counted, it would have been a change of its own, before this one.
        #expect(!watch.stdout.contains("notes.txt"), "a file beside the data file is not watched: \(watch.stdout)")
        #expect(try Command.tool("pdftotext", [pdf.path, "-"]).stdout.contains("29,117"))
        #expect(watch.stop(with: SIGTERM) == 0)
    }

    /// A warning is printed when it appears, not again after every build while it stays,
    /// and again when it comes back after a build without it.
    @Test func aWarningIsPrintedWhenItAppearsAndWhenItComesBack() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let pdf = out.appendingPathComponent("b.pdf")
        let watch = try BackgroundCommand(
            Command.briefing, ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path],
            logs: out)
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        let space = try fixture.read("sections/space.md")
        func printed() -> Int { watch.stderr.components(separatedBy: "raw HTML is not rendered").count - 1 }
        try fixture.write("sections/space.md", space + "\n<div>x</div>\n")
        #expect(watch.waitFor("1 warning", count: 1), "\(watch.stdout) \(watch.stderr)")
        #expect(printed() == 1)
        try fixture.write("sections/space.md", space + "\n<div>x</div>\n\nAnother sentence.\n")
        #expect(watch.waitFor("1 warning", count: 2), "\(watch.stdout) \(watch.stderr)")
        #expect(printed() == 1, "not again while it stays: \(watch.stderr)")
        try fixture.write("sections/space.md", space)
        #expect(watch.waitFor("0 warnings", count: 2), "\(watch.stdout) \(watch.stderr)")
        try fixture.write("sections/space.md", space + "\n<div>x</div>\n")
        #expect(watch.waitFor("1 warning", count: 3), "\(watch.stdout) \(watch.stderr)")
        #expect(printed() == 2, "again when it comes back: \(watch.stderr)")
        #expect(watch.stop(with: SIGTERM) == 0)
    }

    /// A PDF over a megabyte spills to the temporary folder while it is made. With that
    /// folder inside the template, watch must not take its own spill files for edits (it
    /// rebuilt forever).
    @Test func itsOwnSpillFilesAreNotEdits() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        // Every section five more times, under other ids: about 40 pages, over a megabyte.
        var lines = try fixture.read("briefing.yaml").components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "sections:")) + 1
        var end = start
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        let copies = (2...6).flatMap { copy in
            lines[start..<end].map { line in
                line.hasPrefix("  - id: ") ? line + "-\(copy)" : line.hasPrefix("    title: ") ? line + " (\(copy))" : line
            }
        }
        lines.insert(contentsOf: copies, at: end)
        try fixture.write("briefing.yaml", lines.joined(separator: "\n"))

        let pdf = out.appendingPathComponent("b.pdf")
        let watch = try BackgroundCommand(
            Command.briefing, ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path],
            logs: out, environment: ["TMPDIR": fixture.directory.path])
        #expect(watch.waitFor("built ", timeout: 120), "\(watch.stdout) \(watch.stderr)")
        #expect(try Data(contentsOf: pdf).count > 1 << 20, "large enough to spill")
        Thread.sleep(forTimeInterval: 3)
        #expect(!watch.stdout.contains("changed:"), "its own files are not edits: \(watch.stdout)")
        #expect(watch.stdout.components(separatedBy: "built ").count == 2, "\(watch.stdout)")
        #expect(watch.stop(with: SIGTERM) == 0)
    }

    /// The HTML edition written beside a PDF inside the template folder (`--format pdf,html`,
    /// as `--serve` writes it) is the watch's own output, not an edit (it rebuilt forever).
    @Test func itsOwnHTMLBesideThePDFIsNotAnEdit() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let watch = try BackgroundCommand(
            Command.briefing,
            ["watch", "--template", fixture.directory.path, "--date", "2026-11-30", "--format", "pdf,html", "--output", out.appendingPathComponent("draft.pdf").path],
            logs: try Command.temporaryDirectory())
        #expect(watch.waitFor("built "), "\(watch.stdout) \(watch.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("draft.html").path))
        Thread.sleep(forTimeInterval: 2)
        #expect(!watch.stdout.contains("changed:"), "its own files are not edits: \(watch.stdout)")
        #expect(watch.stdout.components(separatedBy: "built ").count == 2, "\(watch.stdout)")
        #expect(watch.stop(with: SIGTERM) == 0)
    }
}
