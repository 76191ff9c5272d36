import ArgumentParser
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

ProcessTimeline.markMain()

// The program's own variables for its libraries (cairo writes page content uncompressed,
// which the finisher deflates once): set before any thread exists, as setenv in a threaded
// process is not safe. The programs it runs do not get them (`OwnEnvironment`).
OwnEnvironment.set()

// A full disk or a file-size limit must fail a write with an error the program reports (73),
// not kill it with SIGXFSZ halfway through: ignore the signal and let write(2) return EFBIG.
signal(SIGXFSZ, SIG_IGN)
// A reader of `--output -` that goes away must not kill a run before it cleans up: EPIPE is
// seen where the PDF is written, and there the program ends as Unix tools do (`StandardOutput`).
signal(SIGPIPE, SIG_IGN)

/// Whether the command line is a `generate` that will draw PDF pages with the bundled fonts
/// and hyphenation (the default format), and not one that may stop before drawing
/// (`--if-changed`) or only prints help: its fonts start loading before it is even read
/// (`EarlyFonts`). Anything else starts its fonts as it always did.
func drawsPDFPages(_ arguments: [String]) -> Bool {
    guard let first = arguments.first, first == "generate" || (first.hasPrefix("-") && first != "-") else { return false }
    let stops: Set<String> = ["--help", "-h", "--version", "--if-changed", "help"]
    return !arguments.contains { stops.contains($0) || $0.hasPrefix("--format") || $0.hasPrefix("-f") || $0.hasPrefix("--help") }
}

if drawsPDFPages(Array(CommandLine.arguments.dropFirst())), let fonts = Resources.fonts,
    FileManager.default.fileExists(atPath: fonts.path)
{
    EarlyFonts.start(fontsDirectory: fonts, environment: ProcessInfo.processInfo.environment)
}

/// Parses the command line (a mistyped subcommand gets "did you mean" before `generate`,
/// the default, takes it for an argument), runs it, and prints every error in one voice.
/// Ends a run that failed: at once if fonts started early were never taken (a usage error,
/// a missing template), else as any exit does.
func fail(_ status: Int32) -> Never {
    if EarlyFonts.untaken { EarlyFonts.exitWithoutWaiting(status) }
    exit(status)
}

func main() -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // Down the tree of commands: `briefing shedule`, `briefing schedule lst`.
    var command: ParsableCommand.Type = BriefingCommand.self, path = "briefing"
    for word in arguments {
        let subcommands = command.configuration.subcommands
        guard !subcommands.isEmpty, !word.hasPrefix("-") else { break }
        if let next = subcommands.first(where: { $0._commandName == word }) {
            command = next
            path += " \(word)"
            continue
        }
        // A command whose default subcommand takes arguments (plain `briefing` runs generate)
        // gets nothing but subcommand names as its first word.
        let names = subcommands.map { $0._commandName } + (command == BriefingCommand.self ? ["help"] : [])
        guard !names.contains(word) else { break }
        let hint =
            Suggestion.closest(to: word, in: names).map { "did you mean '\(path) \($0)'?" } ?? "commands: \(names.joined(separator: ", "))"
        Console.standardError("briefing: error: unknown command '\(path) \(word)'\n    hint: \(hint)\n")
        fail(ExitStatus.usage)
    }
    do {
        var command = try BriefingCommand.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch let code as ExitCode {
        code.rawValue == 0 ? exit(0) : fail(code.rawValue)
    } catch {
        let status = BriefingCommand.exitCode(for: error)
        // Help and --version go to standard output as ArgumentParser prints them.
        guard status != .success else { BriefingCommand.exit(withError: error) }
        var text = BriefingCommand.fullMessage(for: error)
        if text.hasPrefix("Error: ") {
            let rest = text.dropFirst("Error: ".count)
            text = "briefing: error: " + rest.prefix(1).lowercased() + rest.dropFirst()
        }
        Console.standardError(text.hasSuffix("\n") ? text : text + "\n")
        fail(status.rawValue == 1 ? ExitStatus.usage : status.rawValue)
    }
}

main()
