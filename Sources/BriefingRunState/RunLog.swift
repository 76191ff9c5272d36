import Foundation

/// One line per run beside the briefing (time, result, duration, pages), kept to the last
/// `limit` lines so a job that runs every minute for years never fills the disk.
public enum RunLog {
    public static let limit = 1000

    public static func append(_ line: String, to url: URL, limit: Int = limit) throws {
        var lines =
            (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) ?? []
        lines.append(line)
        if lines.count > limit { lines.removeFirst(lines.count - limit) }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
