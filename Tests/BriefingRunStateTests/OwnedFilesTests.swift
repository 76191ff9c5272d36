import Foundation
import Testing

@testable import BriefingRunState

/// Briefing recognises its own files by their whole names, never by a prefix.
@Suite struct OwnedFilesTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-owned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func namesAreRecognisedWhole() {
        #expect(OwnedFiles.isArchiveCopy("briefing-2026-11-30T060000Z.pdf", stem: "briefing", ext: "pdf"))
        #expect(OwnedFiles.archiveOrder("briefing-2026-11-30T060000Z-12.pdf", stem: "briefing", ext: "pdf")! == ("2026-11-30T060000Z", 12))
        for name in [
            "briefing-notes.pdf", "briefing-zzz.pdf", "briefing-2026-11-30T060000Z.pdf.bak", "briefing-2026-11-30.pdf",
            "briefing-2026-11-30T06000xZ.pdf", "briefing-x-2026-11-30T060000Z.pdf", "briefing-2026-11-30T060000Z-1.pdf",
            "briefing-2026-11-30T060000Z-02.pdf", "briefing-2026-11-30T060000Z-.pdf", "briefing-2026-11-30T060000Z-2a.pdf",
            "briefing-2026-11-30T060000Z copy.pdf",
        ] {
            #expect(!OwnedFiles.isArchiveCopy(name, stem: "briefing", ext: "pdf"), "\(name)")
        }
        // A name without an extension: copies have none (older ones end in a dot, still ours).
        let date = Date(timeIntervalSince1970: 1_796_018_400)
        #expect(OwnedFiles.archiveName(stem: "brief", ext: "", at: date) == "brief-2026-11-30T060000Z")
        #expect(OwnedFiles.archiveName(stem: "brief", ext: "", at: date, sequence: 2) == "brief-2026-11-30T060000Z-2")
        #expect(OwnedFiles.archiveOrder("brief-2026-11-30T060000Z-2", stem: "brief", ext: "")! == ("2026-11-30T060000Z", 2))
        #expect(OwnedFiles.isArchiveCopy("brief-2026-11-30T060000Z.", stem: "brief", ext: ""))
        #expect(!OwnedFiles.isArchiveCopy("brief-2026-11-30T060000Z.pdf", stem: "brief", ext: ""))
        #expect(OwnedFiles.isPageFile("report-01.png", stem: "report", format: "png"))
        #expect(
            OwnedFiles.isPageFile("report-2024.png", stem: "report", format: "png"), "it has the shape; only the manifest says it is ours")
        #expect(!OwnedFiles.isPageFile("report-1.png", stem: "report", format: "png"))
        #expect(!OwnedFiles.isPageFile("report-01a.png", stem: "report", format: "png"))
        #expect(OwnedFiles.temporaryPID(".briefing.pdf.4242.tmp", prefix: ".briefing.pdf.") == 4242)
        for name in [".briefing.tmp", ".briefing.pdf.tmp", ".briefing.pdf.x1.tmp", ".briefing.pdf.12.tmp.keep", ".bigproject.tmp"] {
            #expect(OwnedFiles.temporaryPID(name, prefix: ".briefing.pdf.") == nil, "\(name)")
        }
    }

    /// A killed run's temporary goes; a user's hidden files and folders that merely look
    /// alike stay, and so does a temporary whose writer is still running.
    @Test func onlyAbandonedTemporariesAreRemoved() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = RunState(output: directory.appendingPathComponent("briefing.pdf"))
        try state.prepare()
        func touch(_ url: URL) throws { try Data("x".utf8).write(to: url) }
        let gone = directory.appendingPathComponent(".briefing.pdf.2147483600.tmp")  // no such process
        let running = directory.appendingPathComponent(".briefing.pdf.1.tmp")  // init is always there
        let project = directory.appendingPathComponent(".bigproject.tmp/src")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try touch(project.appendingPathComponent("main.c"))
        let lookalikeFolder = directory.appendingPathComponent(".briefing.pdf.77.tmp")
        try FileManager.default.createDirectory(at: lookalikeFolder, withIntermediateDirectories: true)
        for file in [
            gone, running, directory.appendingPathComponent(".briefing.tmp"), directory.appendingPathComponent(".briefing-old.tmp"),
            state.folder.appendingPathComponent("briefing.pdf.2147483600.tmp"),
        ] {
            try touch(file)
        }
        state.removeStaleTemporaries()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(
            left == [".briefing", ".briefing.pdf.1.tmp", ".bigproject.tmp", ".briefing.pdf.77.tmp", ".briefing.tmp", ".briefing-old.tmp"])
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("main.c").path))
        #expect(!FileManager.default.fileExists(atPath: state.folder.appendingPathComponent("briefing.pdf.2147483600.tmp").path))
    }

    @Test func theArchiveDeletesOnlyItsOwnCopiesAndKeepsTheFileMode() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        try Data("x".utf8).write(to: pdf)
        chmod(pdf.path, 0o600)
        let archive = directory.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        // Sorts after every timestamp: with a prefix rule the fresh copy was the one deleted.
        for name in ["briefing-notes.pdf", "briefing-zzz.pdf"] { try Data("mine".utf8).write(to: archive.appendingPathComponent(name)) }
        let copy = try Archive.store(pdf, at: Date(timeIntervalSince1970: 86_400), keep: 1)
        try Archive.store(pdf, at: Date(timeIntervalSince1970: 0), keep: 1)  // a clock set back: the fresh copy still stays
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: archive.path))
        #expect(names == ["briefing-notes.pdf", "briefing-zzz.pdf", "briefing-1970-01-01T000000Z.pdf"])
        #expect(!FileManager.default.fileExists(atPath: copy.path))
        let mode =
            try FileManager.default.attributesOfItem(atPath: archive.appendingPathComponent("briefing-1970-01-01T000000Z.pdf").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func outputsInAFolderAreThoseWithAStateFolder() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("briefing.pdf")
        try RunState(output: output).prepare()
        var manifest = RunManifest(program: "p", output: output.path)
        manifest.lastSuccess = .init(
            finished: "", inputDigest: "", inputs: [], flags: [], sections: [], pages: 2, bytes: 0, outputSHA256: "",
            files: ["briefing-01.png", "briefing-02.png", "../escape.png"])
        try manifest.write(for: output)
        let archive = directory.appendingPathComponent("archive")
        let owned = OwnedFiles.outputs(in: directory)
        #expect(
            owned == [
                output.path, directory.appendingPathComponent("briefing-01.png").path,
                directory.appendingPathComponent("briefing-02.png").path,
            ])
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Data().write(to: archive.appendingPathComponent("briefing-2026-11-30T060000Z.pdf"))
        #expect(OwnedFiles.outputs(in: directory).contains(archive.appendingPathComponent("briefing-2026-11-30T060000Z.pdf").path))
        #expect(!OwnedFiles.isOutput(directory.appendingPathComponent("data.yaml")))
    }

    /// The kernel follows `link` before `..` climbs; text-standardising a path does not.
    @Test func dotDotThroughALinkResolvesAsTheKernelDoes() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = directory.appendingPathComponent("real/deep")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("x"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("x/sl").path, withDestinationPath: "../real/deep")
        let resolved = KernelPath.absolute(directory.appendingPathComponent("x").path + "/sl/../y.pdf")
        let real = KernelPath.resolved(directory)!
        #expect(resolved.path == real.appendingPathComponent("real/y.pdf").path)
        // A folder that does not exist stays as written, for the run to report.
        #expect(KernelPath.absolute("/nonexistent-briefing/a/../b.pdf").path == "/nonexistent-briefing/b.pdf")
    }
}
