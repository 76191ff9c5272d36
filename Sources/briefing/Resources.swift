import BriefingModel
import Foundation

/// Finds the bundled templates and fonts wherever the program runs from: cron starts jobs in
/// `$HOME`, so nothing may depend on the working directory.
///
/// Looked up in order: `$BRIEFING_HOME`; `<prefix>/share/briefing` for an installed binary in
/// `<prefix>/bin`; the source tree the binary was built in (walking up from `.build/...`);
/// the working directory.
enum Resources {
    static func home() -> URL? {
        let fileManager = FileManager.default
        func isHome(_ url: URL) -> Bool {
            fileManager.fileExists(atPath: url.appendingPathComponent("Templates").path)
                && fileManager.fileExists(atPath: url.appendingPathComponent("Fonts").path)
        }
        if let explicit = ProcessInfo.processInfo.environment["BRIEFING_HOME"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let executable = URL(
            fileURLWithPath: CommandLine.arguments[0].contains("/")
                ? CommandLine.arguments[0] : (Bundle.main.executablePath ?? CommandLine.arguments[0])
        ).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/briefing")
        if isHome(installed) { return installed }
        for _ in 0..<6 {
            if isHome(directory) { return directory }
            directory = directory.deletingLastPathComponent()
        }
        let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        return isHome(cwd) ? cwd : nil
    }

    static var defaultTemplate: URL? { home()?.appendingPathComponent("Templates/sino-pak") }
    static var fonts: URL? { home()?.appendingPathComponent("Fonts") }

    /// The template folder to use: the one given, or the bundled default.
    static func templateDirectory(_ given: String?) throws -> URL {
        if let given { return URL(fileURLWithPath: given) }
        guard let url = defaultTemplate else {
            throw InputError(
                kind: .missingInput, SourceLocation.program, "cannot find the bundled templates",
                hint: "pass --template DIR, or set BRIEFING_HOME to the folder holding Templates/ and Fonts/")
        }
        return url
    }

    static func fontsDirectory() throws -> URL {
        guard let url = fonts else {
            throw InputError(
                kind: .missingInput, SourceLocation.program, "cannot find the bundled fonts",
                hint: "set BRIEFING_HOME to the folder holding Templates/ and Fonts/")
        }
        return url
    }
}
