/// Edits this program's entries in a crontab. They live in one marked block; every other
/// byte of the crontab (foreign jobs, comments, variables, a missing final newline) is kept
/// exactly, so adding and then removing every job gives back the original text.
public enum CrontabBlock {
    public struct Job: Sendable, Hashable {
        public var name: String
        /// The cron expression as written (five fields or an @ shorthand).
        public var schedule: String
        public var command: String

        public init(name: String, schedule: String, command: String) {
            self.name = name
            self.schedule = schedule
            self.command = command
        }

        var lines: [String] { ["# job: \(name)", "\(schedule) \(command)"] }
    }

    static let beginPrefix = "# >>> briefing schedule: managed by `briefing schedule`, do not edit by hand"
    static let end = "# <<< briefing schedule <<<"
    /// Notes in the begin line that let removal restore the crontab exactly: the block added a
    /// newline the crontab lacked, or the user had no crontab at all.
    static let addedNewlineNote = " (newline added)"
    static let createdNote = " (crontab created)"

    static func beginLine(addedNewline: Bool, created: Bool) -> String {
        beginPrefix + (addedNewline ? addedNewlineNote : "") + (created ? createdNote : "") + " >>>"
    }

    /// Job names may not break the block's line structure.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// The jobs in the block, in order.
    public static func jobs(in crontab: String) -> [Job] {
        guard let block = locate(crontab) else { return [] }
        var jobs: [Job] = []
        var pendingName: String?
        for line in block.inner {
            if line.hasPrefix("# job: ") {
                pendingName = String(line.dropFirst(7))
            } else if let name = pendingName, let job = parseJobLine(line, name: name) {
                jobs.append(job)
                pendingName = nil
            }
        }
        return jobs
    }

    /// The crontab with `job` added, or replacing the job of the same name. A nil crontab means
    /// the user has none yet.
    public static func setting(_ job: Job, in crontab: String?) -> String {
        let text = crontab ?? ""
        var jobs = jobs(in: text)
        if let index = jobs.firstIndex(where: { $0.name == job.name }) {
            jobs[index] = job
        } else {
            jobs.append(job)
        }
        return replacingBlock(in: text, with: jobs, creating: crontab == nil)
    }

    /// The crontab without the named job (nil name: without every job of this program); nil
    /// when the block created the crontab and nothing else is left in it, so it should go.
    public static func removing(_ name: String?, in crontab: String) -> String? {
        let jobs = name.map { name in Self.jobs(in: crontab).filter { $0.name != name } } ?? []
        let created = locate(crontab)?.created ?? false
        let result = replacingBlock(in: crontab, with: jobs, creating: false)
        return created && result.isEmpty ? nil : result
    }

    // MARK: - Block handling

    private struct Located {
        /// Character range of the whole block, including its last line's newline if any.
        var range: Range<String.Index>
        var inner: [String]
        var addedNewline: Bool
        var created: Bool
    }

    private static func locate(_ crontab: String) -> Located? {
        var index = crontab.startIndex
        var start: String.Index?
        var addedNewline = false, created = false
        var inner: [String] = []
        while index < crontab.endIndex {
            let lineEnd = crontab[index...].firstIndex(of: "\n") ?? crontab.endIndex
            let line = String(crontab[index..<lineEnd])
            let next = lineEnd < crontab.endIndex ? crontab.index(after: lineEnd) : lineEnd
            if start == nil, line.hasPrefix(beginPrefix), line.hasSuffix(" >>>") {
                start = index
                addedNewline = line.contains(addedNewlineNote)
                created = line.contains(createdNote)
            } else if let blockStart = start {
                if line == end { return Located(range: blockStart..<next, inner: inner, addedNewline: addedNewline, created: created) }
                inner.append(line)
            }
            index = next
        }
        return nil
    }

    private static func replacingBlock(in crontab: String, with jobs: [Job], creating: Bool) -> String {
        let located = locate(crontab)
        let created = located?.created ?? creating
        var before = located.map { String(crontab[..<$0.range.lowerBound]) } ?? crontab
        let after = located.map { String(crontab[$0.range.upperBound...]) } ?? ""
        var addedNewline = located?.addedNewline ?? false
        if located == nil, !before.isEmpty, !before.hasSuffix("\n") {
            before += "\n"
            addedNewline = true
        }
        guard !jobs.isEmpty else {
            // No jobs left: the block goes, and so does any newline it added.
            if addedNewline, after.isEmpty, before.hasSuffix("\n") { before.removeLast() }
            return before + after
        }
        let lines = [beginLine(addedNewline: addedNewline, created: created)] + jobs.flatMap(\.lines) + [end]
        return before + lines.joined(separator: "\n") + "\n" + after
    }

    /// Splits "0 6 * * 1 command" (or "@weekly command") into schedule and command.
    static func parseJobLine(_ line: String, name: String) -> Job? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let fieldCount = trimmed.hasPrefix("@") ? 1 : 5
        var rest = Substring(trimmed)
        var fields: [Substring] = []
        for _ in 0..<fieldCount {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
            fields.append(rest[..<end])
            rest = rest[end...]
        }
        let command = rest.drop { $0 == " " || $0 == "\t" }
        guard !command.isEmpty else { return nil }
        return Job(name: name, schedule: fields.joined(separator: " "), command: String(command))
    }
}
