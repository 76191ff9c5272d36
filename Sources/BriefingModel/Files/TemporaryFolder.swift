import Foundation

/// Where temporary files go: `TMPDIR` when it is set and not empty, else /tmp. Foundation's
/// `temporaryDirectory` turns an empty `TMPDIR` into `/`, where mktemp, Python and the shell
/// take an empty one as unset; a cron line or service file that clears it would otherwise
/// send spilled PDFs, a sender's error capture and failure mail to the root folder.
public enum TemporaryFolder {
    public static var url: URL { URL(fileURLWithPath: path(ProcessInfo.processInfo.environment), isDirectory: true) }

    public static func path(_ environment: [String: String]) -> String {
        guard let folder = environment["TMPDIR"], !folder.isEmpty else { return "/tmp" }
        return folder
    }
}
