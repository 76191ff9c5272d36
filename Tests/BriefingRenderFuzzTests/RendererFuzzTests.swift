import Foundation
import TestSupport
import Testing

/// Feeds hostile text (`HostileText`) through the real renderer, Pango and Cairo, to PDF, PNG
/// and SVG: each case is a copy of the default template with hostile text in a section,
/// a section title, a figure label and an event title, run by the real binary under a time
/// and memory limit (`--timeout`, `--max-memory`). A crash, a hang (exit 75), an internal
/// error (70) or output qpdf rejects is a finding; a clear data error (65) is not.
///
/// Runs for `BRIEFING_RENDER_FUZZ_SECONDS` (60 under CI, 15 otherwise) from
/// `BRIEFING_RENDER_FUZZ_SEED`; a finding's template is kept under
/// `/tmp/briefing-render-fuzz-findings/` to reproduce it.
@Suite(.serialized, .systemTier) struct RendererFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seconds = Double(environment["BRIEFING_RENDER_FUZZ_SECONDS"] ?? "") ?? (environment["CI"] == nil ? 15 : 60)
    static let seed = UInt64(environment["BRIEFING_RENDER_FUZZ_SEED"] ?? "") ?? 20_261_130
    static let findings = URL(fileURLWithPath: "/tmp/briefing-render-fuzz-findings")
    /// In range and past it, tiny and huge, both signs.
    static let numbers = [
        "28023", "1e15", "-1e15", "999999999999999.99", "0.0000001", "1e-300", "-0.0", "0", "4.9e-324", "1e16", "9.3e18", "1e300",
        "12345678901234567890", "-28023", "0.5",
    ]

    @Test(.timeLimit(.minutes(30))) func hostileTextRendersOrFailsCleanly() throws {
        var text = HostileText(random: .init(state: Self.seed))
        let work = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let started = Date()
        var cases = 0, byFormat: [String: Int] = [:], byStatus: [Int32: Int] = [:], problems: [String] = []
        while Date().timeIntervalSince(started) < Self.seconds {
            cases += 1
            let fixture = try TemplateFixture()
            defer { fixture.remove() }
            try fixture.write("sections/it.md", "## \(text.line())\n\n\(text.line())\n\n- \(text.line())\n\n> \(text.line())\n")
            try fixture.replace("briefing.yaml", "title: IT and connectivity", with: "title: \(HostileText.yamlQuoted(text.line()))")
            try fixture.replace(
                "data.yaml", "label: Pakistani students in China\n", with: "label: \(HostileText.yamlQuoted(text.line()))\n")
            try fixture.replace(
                "data.yaml", "title: PakSat-MM1 launched from Xichang\n", with: "title: \(HostileText.yamlQuoted(text.line()))\n")
            // Numbers at the edges of what a briefing prints, through the key figures, the
            // growth chart and the text: drawn, or refused at their line (65), never a crash.
            try fixture.replace("data.yaml", "value: 28023\n", with: "value: \(text.random.pick(Self.numbers))\n")
            try fixture.replace("data.yaml", "percent: 81\n", with: "percent: \(text.random.pick(Self.numbers))\n")
            let format = text.random.pick(["pdf", "pdf", "pdf", "pdf", "png", "svg"])
            byFormat[format, default: 0] += 1
            let folder = work.appendingPathComponent("case-\(cases)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let output = folder.appendingPathComponent("b.pdf")
            let result = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", output.path, "--format", format,
                    "--dpi", "36", "--timeout", "60", "--max-memory", "3072", "--quiet",
                ])
            byStatus[result.status, default: 0] += 1
            var problem: String?
            switch result.status {
            case 0: problem = try check(format: format, in: folder)
            case 65 where result.stderr.contains("error:"): break
            default: problem = "exit \(result.status): \(result.stderr.suffix(400))"
            }
            if let problem {
                problems.append("case \(cases) (\(format)): \(problem)")
                let kept = Self.findings.appendingPathComponent("seed-\(Self.seed)-case-\(cases)")
                try? FileManager.default.createDirectory(at: Self.findings, withIntermediateDirectories: true)
                try? FileManager.default.copyItem(at: fixture.directory, to: kept)
            }
            try? FileManager.default.removeItem(at: folder)
        }
        let elapsed = String(format: "%.0f", Date().timeIntervalSince(started))
        let formats = byFormat.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let statuses = byStatus.sorted { $0.key < $1.key }.map { "exit \($0.key): \($0.value)" }.joined(separator: ", ")
        print("render fuzz: \(cases) cases (\(formats); \(statuses)) in \(elapsed) s, seed \(Self.seed), \(problems.count) findings")
        for problem in problems {
            print("render fuzz finding: \(problem)")
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The output is whole: qpdf accepts the PDF; every PNG has its signature and end chunk;
    /// every SVG is closed.
    private func check(format: String, in folder: URL) throws -> String? {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        switch format {
        case "pdf":
            let qpdf = try Command.tool("qpdf", ["--check", folder.appendingPathComponent("b.pdf").path])
            return qpdf.status == 0 ? nil : "qpdf --check: \(qpdf.stdout.suffix(300))\(qpdf.stderr.suffix(300))"
        case "png":
            for name in names {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard data.starts(with: [0x89, 0x50, 0x4E, 0x47]), data.suffix(8).starts(with: Data("IEND".utf8)) else {
                    return "\(name) is not a whole PNG"
                }
            }
            return names.isEmpty ? "no pages written" : nil
        default:
            for name in names {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                if !text.hasSuffix("</svg>\n") { return "\(name) is not a closed SVG" }
            }
            return names.isEmpty ? "no pages written" : nil
        }
    }
}
