import BriefingModel
import Foundation

/// Turns the options a user gives `schedule add` into the absolute `generate` command cron
/// will run.
struct JobArguments {
    var words: [String]
    var output: URL
    var log: URL

    /// This binary's absolute path (cron does not search PATH the way a shell does).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    static func build(from generate: Generate, keep: Int?, ifChanged: Bool) throws -> JobArguments {
        let output = URL(fileURLWithPath: generate.output).standardizedFileURL
        try AtomicFile.checkFolder(of: output)
        let template = try Resources.templateDirectory(generate.template).standardizedFileURL
        var words = ["generate", "--template", template.path, "--output", output.path]
        if let data = generate.data { words += ["--data", URL(fileURLWithPath: data).standardizedFileURL.path] }
        if let sections = generate.sections { words += ["--sections", sections] }
        if let skip = generate.skip { words += ["--skip", skip] }
        if let date = generate.date { words += ["--date", date] }
        if generate.format != .pdf { words += ["--format", generate.format.rawValue, "--dpi", String(generate.dpi)] }
        if ifChanged || generate.ifChanged { words.append("--if-changed") }
        if let keep = keep ?? generate.keep { words += ["--keep", String(keep)] }
        let log = output.deletingPathExtension().appendingPathExtension("cron.log")
        return JobArguments(words: words, output: output, log: log)
    }
}

/// Usage errors raised by the command line itself.
enum InputErrorFactory {
    static func usage(_ what: String, _ message: String, hint: String? = nil) -> InputError {
        InputError(kind: .usage, SourceLocation(file: what), message, hint: hint)
    }
}
