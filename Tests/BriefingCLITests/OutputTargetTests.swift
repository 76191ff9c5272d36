import Foundation
import TestSupport
import Testing

/// Outputs that are not plain files: standard output, devices, pipes and links. Device nodes
/// are made with mknod in a temporary folder (the tests run as root, as CI does), never in /dev.
@Suite(.serialized, .systemTier) struct OutputTargetTests {
    private func generate(_ output: String, _ extra: [String] = []) throws -> CommandResult {
        try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "--output", output] + extra)
    }

    private func fileType(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    private func mknod(_ path: String, major: Int, minor: Int) throws {
        let made = try Command.tool("mknod", [path, "c", "\(major)", "\(minor)"])
        try #require(made.status == 0, "mknod failed (the tests run as root): \(made.stderr)")
    }

    @Test func devicesAreWrittenToNeverReplaced() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let null = directory.appendingPathComponent("null").path, full = directory.appendingPathComponent("full").path
        try mknod(null, major: 1, minor: 3)
        try mknod(full, major: 1, minor: 7)

        let written = try generate(null)
        #expect(written.status == 0, "\(written.stderr)")
        let failed = try generate(full)
        #expect(failed.status == 73)
        #expect(failed.stderr.contains("cannot write \(full): No space left on device"))
        #expect(fileType(null) == .typeCharacterSpecial && fileType(full) == .typeCharacterSpecial)
        // No lock, state folder or temporary beside a device.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["null", "full"])
        // A device is a stream: --keep, --if-changed and page images need a file.
        let keep = try generate(null, ["--keep", "2"])
        #expect(keep.status == 64 && keep.stderr.contains("--keep needs a file"))
    }

    @Test func aNamedPipeGetsThePDF() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.pdf").path, copy = directory.appendingPathComponent("read.pdf").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "timeout 30 cat \"$0\" > \"$1\"", fifo, copy]  // a regression must not hang the suite
        try reader.run()
        let result = try generate(fifo)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(fifo) != .typeRegular, "the pipe is still a pipe")
        #expect(try Command.tool("qpdf", ["--check", copy]).status == 0)
    }

    @Test func aLinkIsFollowedAndKept() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = directory.appendingPathComponent("link.pdf").path, chain = directory.appendingPathComponent("chain.pdf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/briefing.pdf")  // dangling at first
        try FileManager.default.createSymbolicLink(atPath: chain, withDestinationPath: "link.pdf")
        #expect(try generate(chain).status == 0)
        #expect(try generate(link, ["--keep", "1"]).status == 0)
        #expect(fileType(link) == .typeSymbolicLink && fileType(chain) == .typeSymbolicLink)
        let target = real.appendingPathComponent("briefing.pdf").path
        #expect(fileType(target) == .typeRegular)
        #expect(try Command.tool("qpdf", ["--check", target]).status == 0)
        // Run state and archive sit beside the target, not beside the link.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["real", "link.pdf", "chain.pdf"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: real.path)) == [".briefing", "archive", "briefing.pdf"])
        // A loop of links is refused.
        let loop = directory.appendingPathComponent("loop.pdf").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.pdf")
        let looped = try generate(loop)
        #expect(looped.status == 73 && looped.stderr.contains("more than 40 links"))
    }

    @Test func aDashIsStandardOutput() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "--output", "-"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.data.starts(with: Data("%PDF-1.7".utf8)) && result.data.count > 100_000)
        let file = directory.appendingPathComponent("stdout.pdf")
        try result.data.write(to: file)
        #expect(try Command.tool("qpdf", ["--check", file.path]).status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["stdout.pdf"], "no file named '-', no state")
        let png = try Command.run(Command.briefing, ["generate", "--output", "-", "--format", "png"], in: directory)
        #expect(png.status == 64 && png.stderr.contains("--format png (one file per page) needs a file"))
        let chart = try Command.run(Command.briefing, ["chart", "timeline", "--format", "svg", "--output", "-"], in: directory)
        #expect(chart.status == 0 && chart.stdout.contains("<svg"))
    }

    /// A folder on a read-only file system (a tmpfs mounted read-only; the tests run as root)
    /// fails with 73 before any work, and names the folder.
    @Test func aReadOnlyFileSystemIsRefusedFirst() throws {
        let directory = try Command.temporaryDirectory()
        defer {
            _ = try? Command.tool("umount", [directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
        let mounted = try Command.tool("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", directory.path])
        try #require(mounted.status == 0, "mount failed (the tests run as root): \(mounted.stderr)")
        let result = try generate(directory.appendingPathComponent("b.pdf").path)
        #expect(result.status == 73)
        #expect(result.stderr.contains("the folder \(directory.path) is not writable"), "\(result.stderr)")
        let chart = try Command.run(Command.briefing, ["chart", "timeline", "--output", directory.appendingPathComponent("t.pdf").path])
        #expect(chart.status == 73)
    }
}
