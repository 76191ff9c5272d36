import Foundation
import TestSupport
import Testing

/// The run contract: locks, atomic replacement, manifest, log, --if-changed, --keep.
@Suite(.serialized, .systemTier) struct RunContractTests {
    /// A data file big enough that a run takes a second or more in a debug build.
    /// Data with `events` generated events. 3,000 keep a debug run busy for about a second,
    /// 15,000 for about five: a run to be killed must outlast the latest kill by a margin, or
    /// it publishes its (complete) PDF first and the test mistakes that for damage.
    static func slowData(in directory: URL, events: Int = 3_000) throws -> URL {
        let script = TemplateFixture.repository.appendingPathComponent("benchmarks/make-timeline-data.py")
        let result = try Command.tool("python3", [script.path, String(events)])
        let url = directory.appendingPathComponent("slow.yaml")
        try result.data.write(to: url)
        return url
    }

    @Test func aKilledRunLeavesThePreviousPDFAndTheNextRunCleansUp() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", pdf.path, "-q"]).status == 0)
        let good = try Data(contentsOf: pdf)
        let slow = try Self.slowData(in: directory, events: 15_000)

        // Random points across the run (reported on failure, so a failing point can be replayed).
        for delay in [0.05, 0.4, 0.9].map({ $0 + Double.random(in: 0...0.3) }) {
            let process = Process()
            process.executableURL = Command.briefing
            process.arguments = ["--date", "2026-11-30", "--data", slow.path, "--output", pdf.path, "-q"]
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
            #expect(try Data(contentsOf: pdf) == good, "the previous PDF was damaged (killed after \(delay) s)")
            #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        }
        // The next run removes what the killed ones left and publishes a complete file.
        #expect(try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", pdf.path, "-q"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func twoRunsAtOnceOneSucceedsTheOtherExits75() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let slow = try Self.slowData(in: directory)
        let first = Process(), second = Process()
        for process in [first, second] {
            process.executableURL = Command.briefing
            process.arguments = ["--date", "2026-11-30", "--data", slow.path, "--output", pdf.path, "-q"]
            process.standardError = Pipe()
        }
        try first.run()
        Thread.sleep(forTimeInterval: 0.1)
        try second.run()
        second.waitUntilExit()
        first.waitUntilExit()
        #expect(Set([first.terminationStatus, second.terminationStatus]) == [0, 75])
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json")))
            as? [String: Any]
        #expect((manifest?["lastRun"] as? [String: Any])?["result"] as? String == "success")
    }

    @Test func manifestLogIfChangedAndKeep() throws {
        let directory = try Command.temporaryDirectory()
        let fixture = try TemplateFixture()
        defer {
            try? FileManager.default.removeItem(at: directory)
            fixture.remove()
        }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let run = { (extra: [String]) in
            try Command.run(
                Command.briefing,
                ["--date", "2026-11-30", "--template", fixture.directory.path, "--output", pdf.path, "--keep", "2"] + extra)
        }
        #expect(try run([]).status == 0)
        let unchanged = try run(["--if-changed"])
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("unchanged"))
        // An edit to the data is a change.
        try fixture.replace("data.yaml", "    value: 820\n", with: "    value: 821\n")
        let changed = try run(["--if-changed"])
        #expect(changed.status == 0 && changed.stdout.hasPrefix("wrote"))
        #expect(try Command.tool("pdftotext", [pdf.path, "-"]).stdout.contains("821 km"))
        // A failing run records its failure and keeps the PDF.
        try fixture.replace("data.yaml", "    value: 821\n", with: "    value: lots\n")
        #expect(try run([]).status == 65)

        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json")))
        #expect(manifest.lastRun.result == "failed" && manifest.lastRun.exitCode == 65)
        #expect(
            manifest.lastSuccess.inputs.contains { $0.path.hasSuffix("data.yaml") }
                && manifest.lastSuccess.inputs.contains { $0.path.hasSuffix(".otf") })
        #expect(manifest.lastSuccess.inputDigest.count == 64 && manifest.lastSuccess.pages > 5)
        let log = try String(contentsOf: directory.appendingPathComponent(".briefing/briefing.pdf/log"), encoding: .utf8).split(
            separator: "\n")
        #expect(log.map { $0.split(separator: " ")[1] } == ["success", "unchanged", "success", "failed"])
        // Two successful runs archived, the oldest dropped beyond --keep 2.
        let archive = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("archive").path)
        #expect(archive.count <= 2 && !archive.isEmpty && archive.allSatisfy { $0.hasPrefix("briefing-") && $0.hasSuffix(".pdf") })
        // What the user sees: the PDF and archive/; lock, manifest and log are in .briefing/.
        let visible = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
        #expect(Set(visible) == ["briefing.pdf", "archive"])
    }

    /// An output folder written by the earlier layout (lock, manifest and log beside the PDF)
    /// is tidied on the next run, and its manifest carries over so --if-changed still works.
    @Test func runFilesOfTheEarlierLayoutMoveIntoTheStateFolder() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let run = { (extra: [String]) in try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", pdf.path] + extra) }
        #expect(try run([]).status == 0)
        let state = directory.appendingPathComponent(".briefing/briefing.pdf")
        // Put the files back where the earlier version kept them.
        try FileManager.default.moveItem(
            at: state.appendingPathComponent("manifest.json"), to: directory.appendingPathComponent("briefing.manifest.json"))
        try FileManager.default.moveItem(at: state.appendingPathComponent("log"), to: directory.appendingPathComponent("briefing.log"))
        FileManager.default.createFile(atPath: directory.appendingPathComponent(".briefing.pdf.lock").path, contents: nil)
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".briefing"))

        let unchanged = try run(["--if-changed"])
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("unchanged"), "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == [".briefing", "briefing.pdf"])
        let log = try String(contentsOf: state.appendingPathComponent("log"), encoding: .utf8).split(separator: "\n")
        #expect(log.map { $0.split(separator: " ")[1] } == ["success", "unchanged"])
    }

    struct Manifest: Decodable {
        struct Run: Decodable {
            var result: String
            var exitCode: Int32
        }
        struct Input: Decodable { var path: String }
        struct Success: Decodable {
            var inputDigest: String
            var inputs: [Input]
            var pages: Int
        }
        var lastRun: Run
        var lastSuccess: Success
    }
}

/// Faults from outside: a full disk, a crowd of simultaneous runs.
@Suite(.serialized, .systemTier) struct FaultTests {
    @Test func aFullDiskFailsWith73AndKeepsThePreviousPDF() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", pdf.path, "-q"]).status == 0)
        let good = try Data(contentsOf: pdf)
        // A 64 KiB file-size limit makes every write past it fail as a full disk would.
        let result = try Command.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit -f 64; exec \"$0\" --date 2026-11-29 --output \"$1\"", Command.briefing.path, pdf.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(pdf.path): the disk may be full"))
        #expect(try Data(contentsOf: pdf) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func tenRunsAtOnceLeaveAValidPDFAndAConsistentManifest() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let processes = (0..<10).map { _ in Process() }
        for process in processes {
            process.executableURL = Command.briefing
            process.arguments = ["--date", "2026-11-30", "--output", pdf.path, "-q"]
            process.standardError = Pipe()
            try process.run()
        }
        for process in processes { process.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 }, "\(statuses)")
        #expect(statuses.contains(0))
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: directory.appendingPathComponent(".briefing/briefing.pdf/manifest.json")))
            as? [String: Any]
        let success = manifest?["lastSuccess"] as? [String: Any]
        // The manifest describes the file on disk: its SHA-256, not just its size.
        let onDisk = try Command.tool("sha256sum", [pdf.path]).stdout.prefix(64)
        #expect(success?["outputSHA256"] as? String == String(onDisk))
        #expect(success?["bytes"] as? Int == (try Data(contentsOf: pdf)).count)
        let log = try String(contentsOf: directory.appendingPathComponent(".briefing/briefing.pdf/log"), encoding: .utf8).split(
            separator: "\n")
        #expect(log.count == statuses.filter { $0 == 0 }.count, "one log line per run that held the lock")
    }
}

@Suite(.serialized, .systemTier) struct ReadOnlyOutputTests {
    /// Permission bits do not stop root, so the folder is a read-only filesystem (CI runs as root).
    @Test func aReadOnlyFolderFailsWith73() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = try Command.tool("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder.path])
        try #require(mount.status == 0, "cannot mount a read-only tmpfs (run the tests as root): \(mount.stderr)")
        defer { _ = try? Command.tool("umount", [folder.path]) }
        let result = try Command.run(Command.briefing, ["--date", "2026-11-30", "--output", folder.appendingPathComponent("b.pdf").path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is not writable"))
    }
}
