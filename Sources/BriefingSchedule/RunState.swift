import Foundation

/// Where the run contract keeps its files for one output: a hidden folder beside it,
/// `output/.briefing/briefing.pdf/` holding `lock`, `manifest.json`, `log` and the temporary
/// a run writes before it renames it over the output. The user's folder shows the PDF (and
/// `archive/` when asked) and nothing else; the edition store will live here too.
public struct RunState: Sendable {
    public let output: URL

    public init(output: URL) { self.output = output.standardizedFileURL }

    /// The name of the hidden folder beside every output.
    public static let folderName = ".briefing"

    public var folder: URL {
        output.deletingLastPathComponent().appendingPathComponent(Self.folderName).appendingPathComponent(output.lastPathComponent)
    }
    public var lock: URL { folder.appendingPathComponent("lock") }
    public var manifest: URL { folder.appendingPathComponent("manifest.json") }
    public var log: URL { folder.appendingPathComponent("log") }

    /// A temporary for `name` (the output or one of its pages) that this process writes.
    public func temporary(for name: String) -> URL {
        folder.appendingPathComponent("\(name).\(getpid()).tmp")
    }

    /// Creates the folder, and moves in the manifest and log an earlier version kept beside
    /// the output (`briefing.manifest.json`, `briefing.log`), deleting its old lock file, so
    /// `--if-changed` and the run history carry over.
    public func prepare() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = output.deletingPathExtension()
        let legacy = [
            (stem.appendingPathExtension("manifest.json"), manifest), (stem.appendingPathExtension("log"), log),
        ]
        for (old, new) in legacy where FileManager.default.fileExists(atPath: old.path) {
            if !FileManager.default.fileExists(atPath: new.path) { try? FileManager.default.moveItem(at: old, to: new) }
        }
        let oldLock = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
        unlink(oldLock.path)
    }

    /// Deletes temporaries left by a run that was killed (SIGKILL cannot be caught), and any
    /// an earlier version left beside the output. Only called under the lock.
    public func removeStaleTemporaries() {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".tmp") {
            try? fileManager.removeItem(at: folder.appendingPathComponent(name))
        }
        let beside = output.deletingLastPathComponent()
        let stem = "." + output.deletingPathExtension().lastPathComponent
        for name in (try? fileManager.contentsOfDirectory(atPath: beside.path)) ?? [] where name.hasPrefix(stem) && name.hasSuffix(".tmp") {
            try? fileManager.removeItem(at: beside.appendingPathComponent(name))
        }
    }
}

/// How a run ended, as the manifest, the log and `schedule list` record it.
public enum RunResult: String, Codable, Sendable {
    case success
    /// `--if-changed` found every input as at the last successful run.
    case unchanged
    case failed
    /// Published, but something needs a person to look (claims the data contradicts; later).
    case needsReview = "needs-review"
}
