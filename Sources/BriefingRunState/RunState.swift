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
        folder.appendingPathComponent(OwnedFiles.temporaryName(for: name))
    }

    /// Creates the folder, and moves in the manifest and log an earlier version kept beside
    /// the output (`briefing.manifest.json`, `briefing.log`), deleting its old lock file, so
    /// `--if-changed` and the run history carry over. Only files that read as a run manifest
    /// or a run log move: `report.log` beside `report.pdf` may be the user's own.
    public func prepare() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = output.deletingPathExtension()
        let legacy = [
            (stem.appendingPathExtension("manifest.json"), manifest, Self.isRunManifest),
            (stem.appendingPathExtension("log"), log, Self.isRunLog),
        ]
        for (old, new, isOurs) in legacy where FileManager.default.fileExists(atPath: old.path) {
            guard !FileManager.default.fileExists(atPath: new.path), let data = try? Data(contentsOf: old), isOurs(data) else { continue }
            try? FileManager.default.moveItem(at: old, to: new)
        }
        let oldLock = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
        unlink(oldLock.path)
    }

    /// A manifest as runs write it.
    static func isRunManifest(_ data: Data) -> Bool { (try? JSONDecoder().decode(RunManifest.self, from: data)) != nil }

    /// A log as runs write it: every line a UTC timestamp and a result
    /// (`2026-11-30T12:00:00Z success 0.41s 10 pages`).
    static func isRunLog(_ data: Data) -> Bool {
        guard let text = String(data: data, encoding: .utf8) else { return false }
        let lines = text.split(separator: "\n")
        return !lines.isEmpty
            && lines.allSatisfy { line in
                let fields = line.split(separator: " ", maxSplits: 2)
                return fields.count >= 2 && RunManifest.date(String(fields[0])) != nil && RunResult(rawValue: String(fields[1])) != nil
            }
    }

    /// Deletes temporaries left by a run that was killed (SIGKILL cannot be caught): in the
    /// state folder every `NAME.PID.tmp` file, and beside the output only
    /// `.OUTPUT.PID.tmp` (what an earlier version or a `chart`/`watch` publish writes) whose
    /// process is gone. Exact names, regular files only: nothing else is ours to delete.
    /// Only called under the lock.
    public func removeStaleTemporaries() {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let dot = name.dropLast(4).lastIndex(of: "."),
                let pid = OwnedFiles.temporaryPID(name, prefix: String(name[...dot]))
            else { continue }
            OwnedFiles.removeIfAbandoned(folder, name, pid: pid)
        }
        let beside = output.deletingLastPathComponent()
        let prefix = "." + output.lastPathComponent + "."
        for name in (try? fileManager.contentsOfDirectory(atPath: beside.path)) ?? [] {
            guard let pid = OwnedFiles.temporaryPID(name, prefix: prefix) else { continue }
            OwnedFiles.removeIfAbandoned(beside, name, pid: pid)
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
