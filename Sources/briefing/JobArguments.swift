import ArgumentParser
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// Turns what a user gives `schedule add` after `--` into the `generate` arguments a job file
/// stores: every option kept as typed (`--strict`, `--format`, `--quiet`, ...), the paths
/// made absolute (cron runs jobs from `$HOME`), and the template and output always named.
enum JobArguments {
    /// This binary's absolute path (cron does not search PATH the way a shell does).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Options whose value is a path.
    private static let pathOptions: Set<String> = ["--template", "--data", "--output", "-o", "--deliver"]

    static func build(_ words: [String], keep: Int?, ifChanged: Bool) throws -> (arguments: [String], output: URL) {
        // A line break would end the crontab line and the log lines; refuse it before the
        // crontab is touched, naming the argument.
        if let bad = words.first(where: { $0.contains(where: \.isNewline) || $0.contains("\0") }) {
            throw InputErrorFactory.usage(
                "--", "a scheduled job's arguments cannot contain a line break: \(bad.debugDescription)",
                hint: "rename the file or folder, or pass a path without line breaks")
        }
        let generate = try Generate.parsed(words)  // rejects what generate would reject, now
        // Under cron, standard output is the job's log and a device is nobody's briefing.
        if case .file = try OutputTarget.resolve(generate.output) {
        } else {
            throw InputErrorFactory.usage(
                "--output", "a scheduled job writes a file: '\(generate.output)' is not one",
                hint: "give --output the path of the briefing to keep, e.g. /srv/briefings/briefing.pdf")
        }
        var arguments: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let equals = word.firstIndex(of: "="), pathOptions.contains(String(word[..<equals])) {
                arguments += [String(word[..<equals]), absolute(String(word[word.index(after: equals)...]))]
            } else if pathOptions.contains(word), index + 1 < words.count {
                arguments += [word, absolute(words[index + 1])]
                index += 1
            } else {
                arguments.append(word)
            }
            index += 1
        }
        let output = KernelPath.absolute(generate.output)
        try AtomicFile.checkFolder(of: output)
        if generate.input.template == nil { arguments += ["--template", try generate.input.templateURL().path] }
        if !arguments.contains(where: { ["--output", "-o"].contains($0) }) { arguments += ["--output", output.path] }
        if ifChanged && !generate.contract.ifChanged { arguments.append("--if-changed") }
        if let keep { arguments += ["--keep", String(keep)] }
        return (arguments, output)
    }

    private static func absolute(_ path: String) -> String { KernelPath.absolute(path).path }

    /// The environment a job's run depends on beyond cron's: where this binary finds its
    /// templates and fonts now (`BRIEFING_HOME` set or not, so a copied binary keeps working
    /// under cron), and `TZ` when set (the day "today" means).
    static func environment(_ current: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment: [String: String] = [:]
        if let home = Resources.home() { environment["BRIEFING_HOME"] = home.path }
        if let zone = current["TZ"], !zone.isEmpty { environment["TZ"] = zone }
        return environment
    }
}

/// Usage errors raised by the command line itself.
enum InputErrorFactory {
    static func usage(_ what: String, _ message: String, hint: String? = nil) -> InputError {
        InputError(kind: .usage, .argument(what), message, hint: hint)
    }
}
