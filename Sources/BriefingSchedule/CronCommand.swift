import BriefingRunState
/// Builds the command line cron runs: absolute paths, every argument single-quoted for the
/// shell, `%` escaped (cron turns a bare `%` into a newline), a sane environment for cron's
/// minimal one, and output sent to a file beside the briefing.
public enum CronCommand {
    /// The PATH a job gets: cron's default lacks /usr/local/bin.
    public static let path = "/usr/local/bin:/usr/bin:/bin"

    public static func line(executable: String, arguments: [String], log: String) -> String {
        let words = ["LANG=C.UTF-8", "PATH=\(path)", quote(executable)] + arguments.map(quote)
        return escapePercent(words.joined(separator: " ") + " > \(quote(log)) 2>&1")
    }

    /// Single-quotes for sh: `it's` becomes `'it'\''s'`.
    public static func quote(_ word: String) -> String { ShellWord.quoted(word) }

    public static func escapePercent(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "\\%")
    }

    /// The words of a command line written by `line(...)` (undoing quoting and `%` escapes), for
    /// `schedule list` and `doctor`.
    public static func words(of line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuote = false, hasWord = false
        var iterator = line.replacingOccurrences(of: "\\%", with: "%").makeIterator()
        while let character = iterator.next() {
            if inQuote {
                if character == "'" { inQuote = false } else { current.append(character) }
            } else if character == "'" {
                inQuote = true
                hasWord = true
            } else if character == "\\" {
                if let next = iterator.next() { current.append(next) }
                hasWord = true
            } else if character == " " {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}
