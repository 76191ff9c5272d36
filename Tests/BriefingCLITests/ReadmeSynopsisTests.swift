import Foundation
import TestSupport
import Testing

/// The README's synopses say what `--help` says: the "Use" block lists every option of every
/// command, and no synopsis anywhere in the README names an option its command lacks.
@Suite(.systemTier) struct ReadmeSynopsisTests {
    static let commands = [
        "generate", "new", "check", "sections", "watch", "chart", "editions", "diff", "data show", "outbox", "schedule add",
        "schedule list", "schedule remove", "schedule next", "run-job", "doctor",
    ]

    /// The long options `briefing COMMAND --help` lists (help and version aside).
    static func options(of command: String) throws -> Set<String> {
        let help = try Command.run(Command.briefing, command.split(separator: " ").map(String.init) + ["--help"]).stdout
        let pattern = try Regex("^\\s+(?:-[a-zA-Z], )?(--[a-z0-9-]+)")
        return Set(
            help.split(separator: "\n").compactMap { line in line.firstMatch(of: pattern).map { String($0.output[1].substring ?? "") } }
        )
        .subtracting(["--help", "--version"])
    }

    /// Synopsis lines (continuations joined) by command: longest command name first, so
    /// `schedule add` is not read as `schedule`.
    static func synopses(in text: String) -> [(command: String, line: String)] {
        var joined: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("briefing ") {
                joined.append(line)
            } else if line.hasPrefix("   "), let last = joined.last, line.trimmingCharacters(in: .whitespaces).hasPrefix("[") {
                joined[joined.count - 1] = last + " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        let names = commands.sorted { $0.count > $1.count }
        return joined.compactMap { line in
            names.first { line.hasPrefix("briefing \($0) ") || line == "briefing \($0)" }.map { ($0, line.components(separatedBy: "#")[0]) }
        }
    }

    static func mentioned(_ line: String, afterTerminator: Bool = false) -> Set<String> {
        let words = line.components(separatedBy: " -- ")[0]  // `schedule add ... -- generate's options`
        return Set(words.matches(of: try! Regex("--[a-z0-9-]+")).map { String(words[$0.range]) })
    }

    @Test func theUseBlockListsEveryOptionAndNoOther() throws {
        let readme = try String(contentsOf: TemplateFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let use = try #require(readme.components(separatedBy: "## Use\n").dropFirst().first?.components(separatedBy: "```")[1])
        let lines = Self.synopses(in: use)
        for command in Self.commands {
            let listed = lines.filter { $0.command == command }.reduce(into: Set<String>()) { $0.formUnion(Self.mentioned($1.line)) }
            let actual = try Self.options(of: command)
            #expect(lines.contains { $0.command == command }, "the Use block has no synopsis of 'briefing \(command)'")
            #expect(
                actual.subtracting(listed).isEmpty,
                "'briefing \(command)' takes \(actual.subtracting(listed).sorted()) the README does not list")
            #expect(
                listed.subtracting(actual).isEmpty,
                "the README lists \(listed.subtracting(actual).sorted()) that 'briefing \(command)' does not take")
        }
        // Anywhere else in the README, a synopsis or example names only real options.
        for (command, line) in Self.synopses(in: readme) {
            let unknown = Self.mentioned(line).subtracting(try Self.options(of: command))
            #expect(unknown.isEmpty, "README: '\(line)' names \(unknown.sorted())")
        }
    }
}
