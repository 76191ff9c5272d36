/// A word quoted for the shell, whatever it holds: how a path reaches a crontab line or a
/// hint a user pastes into a terminal.
public enum ShellWord {
    public static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
