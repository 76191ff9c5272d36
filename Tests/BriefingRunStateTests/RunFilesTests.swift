import Foundation
import Testing

@testable import BriefingRunState

@Suite struct RunFilesTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-runfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theLogNeverGrowsPastItsBound() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("briefing.log")
        for run in 1...250 { try RunLog.append("run \(run)", to: log, limit: 100) }
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 100)
        #expect(lines.first == "run 151" && lines.last == "run 250")
    }

    /// A run moves in the log and manifest an earlier version kept beside the output, and
    /// nothing else: `report.log` and `report.manifest.json` of the user's stay where they are.
    @Test func onlyTheEarlierLayoutsOwnFilesMoveIn() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        try write("report.log", "compiled the report\nsent it to Ann\n")
        try write("report.manifest.json", "{\"pages\": 3}")
        try RunState(output: directory.appendingPathComponent("report.pdf")).prepare()
        #expect(try String(contentsOf: directory.appendingPathComponent("report.log"), encoding: .utf8) == "compiled the report\nsent it to Ann\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.manifest.json").path))

        let output = directory.appendingPathComponent("briefing.pdf")
        try write("briefing.log", "2026-11-30T12:00:00Z success 0.41s 10 pages\n2026-12-01T06:00:00Z failed 0.10s exit 65: bad data\n")
        try Data(try JSONEncoder().encode(RunManifest(program: "briefing", output: output.path)))
            .write(to: directory.appendingPathComponent("briefing.manifest.json"))
        let state = RunState(output: output)
        try state.prepare()
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("briefing.log").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("briefing.manifest.json").path))
        #expect(try String(contentsOf: state.log, encoding: .utf8).hasPrefix("2026-11-30T12:00:00Z success"))
        #expect(RunManifest.read(for: output)?.output == output.path)
    }

    /// UTC, to the second, rounded down; read back as the same second.
    @Test func timestampsAreUTCSeconds() {
        let date = Date(timeIntervalSince1970: 1_796_040_000.7)
        #expect(RunManifest.timestamp(date) == "2026-11-30T12:00:00Z")
        #expect(RunManifest.date(RunManifest.timestamp(date)) == Date(timeIntervalSince1970: 1_796_040_000))
        #expect(RunManifest.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func theArchiveKeepsTheNewestCopies() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        try Data("x".utf8).write(to: pdf)
        for day in 1...5 { try Archive.store(pdf, at: Date(timeIntervalSince1970: Double(day) * 86_400), keep: 3) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("archive").path).sorted()
        #expect(names == ["briefing-1970-01-04T000000Z.pdf", "briefing-1970-01-05T000000Z.pdf", "briefing-1970-01-06T000000Z.pdf"])
    }

    /// Runs in quick succession archive in the same second: each keeps its own copy (never
    /// replacing the one before), and `--keep` keeps the newest, by sequence within a second.
    @Test func copiesMadeInOneSecondAreAllKeptInOrder() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let second = Date(timeIntervalSince1970: 86_400)
        for edition in 1...12 {
            try Data("edition \(edition)".utf8).write(to: pdf)
            try Archive.store(pdf, at: second, keep: 3)
        }
        let archive = directory.appendingPathComponent("archive")
        let names = try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted()
        #expect(
            names == ["briefing-1970-01-02T000000Z-10.pdf", "briefing-1970-01-02T000000Z-11.pdf", "briefing-1970-01-02T000000Z-12.pdf"])
        let contents = try names.map { try String(contentsOf: archive.appendingPathComponent($0), encoding: .utf8) }
        #expect(contents == ["edition 10", "edition 11", "edition 12"])
        // The next second's copy is newer than every one of them.
        try Data("edition 13".utf8).write(to: pdf)
        try Archive.store(pdf, at: second.addingTimeInterval(1), keep: 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted() == [
                "briefing-1970-01-02T000000Z-12.pdf", "briefing-1970-01-02T000001Z.pdf",
            ])
    }

    @Test func digestsChangeWithAnyInput() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a".utf8).write(to: directory.appendingPathComponent("data.yaml"))
        let first = InputDigest.combine(inputs: try InputDigest.inputs(folders: [directory], files: []), flags: ["x"], program: "p 1")
        #expect(first == InputDigest.combine(inputs: try InputDigest.inputs(folders: [directory], files: []), flags: ["x"], program: "p 1"))
        #expect(first != InputDigest.combine(inputs: try InputDigest.inputs(folders: [directory], files: []), flags: ["y"], program: "p 1"))
        #expect(first != InputDigest.combine(inputs: try InputDigest.inputs(folders: [directory], files: []), flags: ["x"], program: "p 2"))
        try Data("b".utf8).write(to: directory.appendingPathComponent("data.yaml"))
        #expect(first != InputDigest.combine(inputs: try InputDigest.inputs(folders: [directory], files: []), flags: ["x"], program: "p 1"))
        #expect(InputDigest.sha256(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite struct DigestCacheTests {
    @Test func unchangedFilesKeepTheirHashAndChangedOnesAreReread() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.yaml")
        try Data("one".utf8).write(to: file)
        let first = try InputDigest.inputs(folders: [directory], files: [])
        // A planted stale hash with the same size and time is reused (the cache is used)...
        var planted = first
        planted[0].sha256 = "cached"
        #expect(try InputDigest.inputs(folders: [directory], files: [], previous: planted)[0].sha256 == "cached")
        // ...but any change of size or time rereads the file.
        try Data("three".utf8).write(to: file)
        #expect(
            try InputDigest.inputs(folders: [directory], files: [], previous: planted)[0].sha256
                == InputDigest.sha256(of: Data("three".utf8)))
    }

    /// Stamped folders (the fonts) are never read: a file there counts by size and time, so
    /// replacing it changes the digest and an unreadable one does not stop the run.
    @Test func stampedFilesAreNotReadButStillCount() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let font = directory.appendingPathComponent("Font.otf")
        try Data("glyphs".utf8).write(to: font)
        chmod(font.path, 0)  // unreadable: hashing it would fail (root reads it anyway)
        let first = try InputDigest.inputs(folders: [], files: [], stamped: [directory])
        #expect(first.count == 1 && first[0].sha256.hasPrefix("stamp:6:"), "\(first)")
        chmod(font.path, 0o644)
        try Data("other glyphs".utf8).write(to: font)
        let second = try InputDigest.inputs(folders: [], files: [], stamped: [directory])
        #expect(second[0].sha256 != first[0].sha256)
    }
}

/// What the digest walks: regular files, links as what they point to, each folder once.
@Suite struct DigestWalkTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A data file kept with an analyst's exports and linked in: its size and time are the
    /// target's, so an edit there is not hidden behind the link's unchanged ones (it was:
    /// `--if-changed` then skipped the run as unchanged).
    @Test func aLinkedDataFileCountsAsWhatItPointsTo() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("exports-data.yaml"), link = directory.appendingPathComponent("data.yaml")
        try Data("one".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let first = try InputDigest.inputs(folders: [], files: [link])
        #expect(first.count == 1 && first[0].size == 3 && first[0].path == link.path)
        try Data("three".utf8).write(to: target)
        let second = try InputDigest.inputs(folders: [], files: [link], previous: first)
        #expect(second[0].sha256 == InputDigest.sha256(of: Data("three".utf8)))
    }

    /// Links inside the template count as what they point to; links that leave it (to a
    /// folder elsewhere, to `/`) cannot be inputs (the loader refuses such files) and are not
    /// followed; nor are hidden files, loops and links to nothing.
    @Test func linksInsideTheTemplateCountAndLinksOutOfItDoNot() throws {
        let outside = try folder(), template = try folder()
        defer {
            try? FileManager.default.removeItem(at: outside)
            try? FileManager.default.removeItem(at: template)
        }
        let manager = FileManager.default
        try Data("elsewhere".utf8).write(to: outside.appendingPathComponent("elsewhere.md"))
        try Data("spec".utf8).write(to: template.appendingPathComponent("briefing.yaml"))
        try manager.createDirectory(at: template.appendingPathComponent("shared/images"), withIntermediateDirectories: true)
        try Data("section".utf8).write(to: template.appendingPathComponent("shared/common.md"))
        try Data("png".utf8).write(to: template.appendingPathComponent("shared/images/map.png"))
        try manager.createDirectory(at: template.appendingPathComponent("sections"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            at: template.appendingPathComponent("sections/common.md"), withDestinationURL: template.appendingPathComponent("shared/common.md"))
        try manager.createSymbolicLink(at: template.appendingPathComponent("images"), withDestinationURL: template.appendingPathComponent("shared/images"))
        try manager.createSymbolicLink(
            at: template.appendingPathComponent("sections/elsewhere.md"), withDestinationURL: outside.appendingPathComponent("elsewhere.md"))
        try manager.createSymbolicLink(at: template.appendingPathComponent("root"), withDestinationURL: URL(fileURLWithPath: "/"))
        // A link into a hidden folder (a run's own state beside an output kept in the template).
        try manager.createDirectory(at: template.appendingPathComponent("build/.briefing/a.pdf"), withIntermediateDirectories: true)
        try Data("log".utf8).write(to: template.appendingPathComponent("build/.briefing/a.pdf/log"))
        try manager.createSymbolicLink(
            at: template.appendingPathComponent("last-run.log"), withDestinationURL: template.appendingPathComponent("build/.briefing/a.pdf/log"))
        try manager.createSymbolicLink(at: template.appendingPathComponent("sections/up"), withDestinationURL: template)
        try manager.createSymbolicLink(at: template.appendingPathComponent("gone.md"), withDestinationURL: outside.appendingPathComponent("gone"))
        try Data("swap".utf8).write(to: template.appendingPathComponent(".briefing.yaml.swp"))
        try manager.createDirectory(at: template.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: template.appendingPathComponent(".git/HEAD"))
        let root = template.standardizedFileURL.path
        let inputs = try InputDigest.inputs(folders: [template], files: [])
        // The images folder, reached as itself and through its link, is walked once.
        let paths = inputs.map(\.path).filter { !$0.hasSuffix("/map.png") }
        #expect(paths == [root + "/briefing.yaml", root + "/sections/common.md", root + "/shared/common.md"])
        #expect(inputs.filter { $0.path.hasSuffix("/map.png") }.count == 1)
        #expect(inputs.first { $0.path.hasSuffix("sections/common.md") }?.sha256 == InputDigest.sha256(of: Data("section".utf8)))
    }
}
