import Foundation
import Testing

@testable import BriefingRun

/// A watch starts building as soon as a save is seen and asks, before publishing, whether
/// anything changed while it built (`changes(within:)`); what it finds is where the next
/// `wait` starts. Driven by real inotify events in a temporary folder, with no timing the
/// assertions depend on: every event is made before the call that must see it.
@Suite struct FileWatcherSettleTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("watch-settle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func watcher(_ folder: URL) throws -> FileWatcher {
        let watcher = try FileWatcher()
        #expect(watcher.watch([FileWatcher.Scope(folder: folder, recursive: true)]).isEmpty)
        return watcher
    }

    @Test func aQuietBuildIsPublishedAndAChangeDuringItIsKeptForTheNextWait() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try watcher(root)

        try Data("one".utf8).write(to: root.appendingPathComponent("a.md"))
        #expect(watcher.wait(quiet: .zero) == .changed([root.path + "/a.md"]))
        // Nothing since: the build is published.
        #expect(!watcher.changes(within: .zero))
        #expect(!watcher.changes(within: .milliseconds(5)))

        // A save while the build ran: it is seen, and the next wait starts from it at once.
        try Data("two".utf8).write(to: root.appendingPathComponent("b.md"))
        #expect(watcher.changes(within: .zero))
        #expect(watcher.changes(within: .zero), "asked again, the change is still there")
        #expect(watcher.wait(quiet: .zero) == .changed([root.path + "/b.md"]))
        #expect(!watcher.changes(within: .zero), "the wait took it")
    }

    @Test func editorLitterDuringABuildDoesNotDropIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try watcher(root)
        try Data("swap".utf8).write(to: root.appendingPathComponent(".a.md.swp"))
        try Data("backup".utf8).write(to: root.appendingPathComponent("a.md~"))
        #expect(!watcher.changes(within: .milliseconds(5)))
    }

    /// A file renamed away during a build, and not back yet: the next wait still gives it
    /// its time to come back rather than reporting it at once.
    @Test func aFileGoneDuringABuildIsWaitedFor() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a.md"), backup = root.appendingPathComponent("a.md~")
        try Data("one".utf8).write(to: file)
        let watcher = try watcher(root)
        try FileManager.default.moveItem(at: file, to: backup)
        #expect(watcher.changes(within: .zero))
        let writer = Thread {
            Thread.sleep(forTimeInterval: 0.05)
            try? Data("two".utf8).write(to: file)
        }
        writer.start()
        let clock = ContinuousClock(), start = clock.now
        #expect(watcher.wait(quiet: .zero, reappear: .seconds(5)) == .changed([file.path, file.path]))
        // Back long before the five seconds it was given, and not before it was written.
        #expect(clock.now - start < .seconds(4))
        #expect(try String(contentsOf: file, encoding: .utf8) == "two")
    }
}
