import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingTemplate
import Foundation
import TestSupport
import Testing

/// Feeds mutated YAML, Markdown and Mustache through load, validate, expand, parse and
/// layout. Every input must end in an `InputError` (a clear message) or a laid-out document,
/// within a time bound; a crash fails the run. Cases are generated from a fixed seed, so a
/// failure names a case that reproduces. `BRIEFING_FUZZ_CASES` runs a longer campaign.
@Suite(.systemTier) struct PipelineFuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["BRIEFING_FUZZ_CASES"] ?? "") ?? 600
    static let seed = UInt64(ProcessInfo.processInfo.environment["BRIEFING_FUZZ_SEED"] ?? "") ?? 20_261_130

    typealias Random = SeededRandom

    static let fragments = [
        "{{", "}}", "{{#", "{{/", "{{^", "{{!", "{{>", "{{=", "{{{", "}}}", "{{fig.", "{{event.paksat-mm1.", "{{ref.section.", "{{supply.",
        "[", "]", "{", "}", ":", ": ", "- ", "&a ", "*a", "!!binary ", "|", ">", "\"", "'", "#", "%", "@", "`", "```", "```chart ",
        "```chart timeline\n", "![x](chart:", "](", "*", "**", "_", "<", "&", "\\", "\n", "\t", "  ", "\u{0}", "\u{7}", "\u{E000}",
        "\u{202E}", "😀", "پاکستان", "中国", "9999999999999999999999", "-1", "1e309", "2024-02-30", "1970s", "0000-00-00", "~", "null",
        String(repeating: "[", count: 300), String(repeating: "> ", count: 40), String(repeating: "- ", count: 40),
        // GFM and the template's own vocabularies
        "| a | b |\n|---|--:|\n| 1 | 2 |\n", "|", "[^1]", "[^1]: a note\n", "[^", "![alt](images/x.png)", "![](x.svg)", "<div>", "</span>",
        "```chart bar\nfigures: students\n", "```chart line\n", "```chart timeline\naxis: 2020..2026\n", "2025-Q1", "Q3 2025", "1Q25",
        "2025-H2", "domains:\n  - {id: x, label: X}\n", "grades:\n  - id: a\n", "qualifier: up to", "value: [1, 2]",
    ]

    /// Numbers at and past the edges of what a briefing prints, put where the template has a
    /// number (figure values, ranges, growth, projections, series, shares, years).
    static let extremes = [
        "1e15", "-1e15", "999999999999999.99", "1000000000000001", "9.3e18", "9223372036854775807", "-9223372036854775808",
        "1e300", "1e-300", "4.9e-324", "1.7976931348623157e308", "0.0000001", "-0.0", "0", "1e16", "12345678901234567890",
    ]

    static func mutate(_ text: String, _ random: inout Random) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0...random.below(4) {
            let position = random.below(scalars.count + 1)
            switch random.below(7) {
            case 6:  // a number from here on becomes an extreme one
                guard let start = scalars[position...].firstIndex(where: { $0.properties.numericType != nil }) else { break }
                let end = scalars[start...].firstIndex { !($0.properties.numericType != nil || $0 == ".") } ?? scalars.count
                scalars.replaceSubrange(start..<end, with: random.pick(extremes).unicodeScalars)
            case 0:  // insert a fragment
                scalars.insert(contentsOf: fragments[random.below(fragments.count)].unicodeScalars, at: position)
            case 1:  // replace a character
                if position < scalars.count { scalars[position] = fragments[random.below(fragments.count)].unicodeScalars.first ?? "x" }
            case 2:  // delete a run
                let end = min(scalars.count, position + random.below(80))
                if position < end { scalars.removeSubrange(position..<end) }
            case 3:  // duplicate a run
                let end = min(scalars.count, position + random.below(200))
                if position < end { scalars.insert(contentsOf: scalars[position..<end], at: position) }
            case 4:  // truncate
                scalars.removeSubrange(position..<scalars.count)
            default:  // swap two lines
                var lines = String(String.UnicodeScalarView(scalars)).components(separatedBy: "\n")
                if lines.count > 2 {
                    lines.swapAt(random.below(lines.count), random.below(lines.count))
                    scalars = Array(lines.joined(separator: "\n").unicodeScalars)
                }
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func mutatedTemplatesFailCleanlyOrLayOut() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let files = [
            "data.yaml", "briefing.yaml", "sections/key-judgements.md", "sections/overview.md", "sections/defence.md",
            "sections/ecommerce.md",
        ]
        let originals = try Dictionary(uniqueKeysWithValues: files.map { ($0, try fixture.read($0)) })
        var random = Random(state: Self.seed)
        var outcomes = (errors: 0, documents: 0, slowest: 0.0, slowestCase: 0)
        let date = FuzzyDate(year: 2026, month: 11, day: 30)

        for index in 0..<Self.cases {
            let file = files[random.below(files.count)]
            let mutated = Self.mutate(originals[file]!, &random)
            try Data(mutated.utf8).write(to: fixture.url(file))
            let started = Date()
            do {
                let template = try TemplateLoader.load(directory: fixture.directory)
                let document = try DocumentBuilder.build(template: template, date: date)
                let paged = LayoutEngine(measurer: FakeMeasurer()).layout(document, creator: "fuzz")
                #expect(!paged.pages.isEmpty)
                outcomes.documents += 1
            } catch let error as InputError {
                #expect(!error.diagnostics.isEmpty, "case \(index) (\(file)): an error without a message")
                outcomes.errors += 1
            } catch {
                Issue.record("case \(index) (\(file)): unexpected error \(error)")
            }
            // Reported, not asserted: a timed assertion fails on a busy machine, not on a slow
            // program. A runaway case shows as the slowest, with its number to reproduce it.
            let elapsed = Date().timeIntervalSince(started)
            if elapsed > outcomes.slowest { (outcomes.slowest, outcomes.slowestCase) = (elapsed, index) }
            try Data(originals[file]!.utf8).write(to: fixture.url(file))
        }
        print(
            "fuzz: \(Self.cases) cases (seed \(Self.seed)): \(outcomes.errors) clear errors, \(outcomes.documents) documents, slowest \(String(format: "%.3f", outcomes.slowest)) s (case \(outcomes.slowestCase))"
        )
        #expect(outcomes.errors > 0 && outcomes.documents > 0, "the mutations should produce both outcomes")
    }
}
