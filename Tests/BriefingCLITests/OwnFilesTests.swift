import Foundation
import TestSupport
import Testing

/// A run changes only what it owns: never a template's files, a user's look-alike files
/// beside the output, or a file's permissions; and its outputs are never its inputs.
@Suite(.systemTier) struct OwnFilesTests {
    /// A starter template in a temporary folder (its own fixture, made by `briefing new`).
    private func starter() throws -> (folder: URL, template: URL) {
        let folder = try Command.temporaryDirectory()
        let template = folder.appendingPathComponent("T")
        let made = try Command.run(Command.briefing, ["new", template.path])
        try #require(made.status == 0, "\(made.stderr)")
        return (folder, template)
    }

    private func generate(_ template: URL, _ output: String, _ extra: [String] = [], in folder: URL? = nil) throws -> CommandResult {
        try Command.run(
            Command.briefing, ["generate", "--template", template.path, "--date", "2026-11-30", "--quiet", "--output", output] + extra,
            in: folder)
    }

    @Test func anOutputThatIsAnInputIsRefusedAndNothingIsWritten() throws {
        let (folder, template) = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = template.appendingPathComponent("data.yaml"), section = template.appendingPathComponent("sections/outlook.md")
        let before = try Data(contentsOf: data), sectionBefore = try Data(contentsOf: section)
        for target in [data.path, section.path] {
            let refused = try generate(template, target)
            #expect(refused.status == 65, "\(refused.stderr)")
            #expect(refused.stderr.contains("refusing to write \(target): it is a file of the template folder"), "\(refused.stderr)")
        }
        // Through a link, and as the --data file named outside the template.
        let link = folder.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: data.path)
        #expect(try generate(template, link.path).status == 65)
        let outside = folder.appendingPathComponent("facts.yaml")
        try FileManager.default.copyItem(at: data, to: outside)
        let named = try generate(template, outside.path, ["--data", outside.path])
        #expect(named.status == 65 && named.stderr.contains("it is the data file the briefing is made from"), "\(named.stderr)")
        #expect(try Data(contentsOf: data) == before && Data(contentsOf: section) == sectionBefore)
        #expect(!FileManager.default.fileExists(atPath: template.appendingPathComponent(".briefing").path), "no state folder either")
        // A page image would land on a picture of the template's.
        let images = template.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Data("picture".utf8).write(to: images.appendingPathComponent("map-01.png"))
        let pages = try generate(template, images.appendingPathComponent("map.pdf").path, ["--format", "png"])
        #expect(pages.status == 65, "\(pages.stderr)")
        #expect(try Data(contentsOf: images.appendingPathComponent("map-01.png")) == Data("picture".utf8))
    }

    /// `briefing new` used to suggest an output inside the template: its PDF and state were
    /// then inputs, so nothing was ever unchanged.
    @Test func anOutputInsideItsTemplateIsNotAnInput() throws {
        let (folder, template) = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = template.appendingPathComponent("briefing.pdf").path
        var results: [String] = []
        for _ in 0..<3 {
            let run = try Command.run(
                Command.briefing, ["generate", "--template", template.path, "--date", "2026-11-30", "--if-changed", "--output", output])
            #expect(run.status == 0, "\(run.stderr)")
            results.append(run.stdout)
        }
        #expect(results[0].hasPrefix("wrote"))
        #expect(results[1].hasPrefix("unchanged") && results[2].hasPrefix("unchanged"), "\(results)")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: template.appendingPathComponent(".briefing/briefing.pdf/manifest.json"))) as? [String: Any]
        let inputs = ((manifest?["lastSuccess"] as? [String: Any])?["inputs"] as? [[String: Any]] ?? []).compactMap {
            $0["path"] as? String
        }
        #expect(inputs.contains { $0.hasSuffix("/data.yaml") })
        #expect(!inputs.contains(output), "the output is not an input")
        #expect(!inputs.contains { $0.contains("/.briefing/") }, "nor its state (editions, lock, log): \(inputs)")
        let editions = try Command.run(Command.briefing, ["editions", "--output", output, "--format", "json"])
        #expect(editions.stdout.components(separatedBy: "\"number\"").count - 1 == 1, "\(editions.stdout)")
        // A second briefing of the same template kept there is not an input of the first.
        #expect(try generate(template, template.appendingPathComponent("other.pdf").path).status == 0)
        let again = try Command.run(
            Command.briefing, ["generate", "--template", template.path, "--date", "2026-11-30", "--if-changed", "--output", output])
        #expect(again.stdout.hasPrefix("unchanged"), "\(again.stdout)")
    }

    @Test func pageImagesDeleteOnlyThePagesTheyWrote() throws {
        let (folder, template) = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out/report.pdf")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let mine = output.deletingLastPathComponent().appendingPathComponent("report-2024.png")
        try Data("a photo".utf8).write(to: mine)
        #expect(try generate(template, output.path, ["--format", "png"]).status == 0)
        let all = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter {
            $0.hasSuffix(".png")
        }
        #expect(try generate(template, output.path, ["--format", "png", "--sections", "background"]).status == 0)
        let fewer = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter {
            $0.hasSuffix(".png")
        }
        #expect(fewer.count < all.count, "the longer run's extra pages are gone: \(all) -> \(fewer)")
        #expect(try Data(contentsOf: mine) == Data("a photo".utf8))
    }

    @Test func aRegeneratedBriefingKeepsItsPermissions() throws {
        let (folder, template) = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("private.pdf")
        #expect(try generate(template, output.path).status == 0)
        chmod(output.path, 0o600)
        #expect(try generate(template, output.path, ["--keep", "2", "--sections", "background"]).status == 0)
        func mode(_ url: URL) throws -> Int? { try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int }
        #expect(try mode(output) == 0o600)
        let archive = folder.appendingPathComponent("archive")
        let copies = try FileManager.default.contentsOfDirectory(atPath: archive.path)
        #expect(try copies.allSatisfy { try mode(archive.appendingPathComponent($0)) == 0o600 }, "\(copies)")
    }

    /// `x/sl/../y.pdf` where `sl` links elsewhere: the shell (and the kernel) mean the folder
    /// above the link's target.
    @Test func dotDotAfterALinkedFolderMeansWhatTheShellMeans() throws {
        let (folder, template) = try starter()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real/deep"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("x/sl").path, withDestinationPath: "../real/deep")
        #expect(try generate(template, "x/sl/../y.pdf", in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("real/y.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x/y.pdf").path))
    }
}
