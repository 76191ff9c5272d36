import Foundation
import TestSupport
import Testing

/// Floats (charts of every kind, PNG and SVG images, tables) mixed with lists, nested lists,
/// shaded boxes, footnotes, page breaks and section ends (`MixedFloats`), through the real
/// binary: layout, cairo and the PDF/UA finisher. Every case must write a PDF (any exit but 0
/// is a finding: the inputs are valid, so 70 or 73 is a bug), qpdf must accept it, pdfua find
/// nothing in it and every Link element hold its words (`scripts/link-text.py`).
///
/// `BRIEFING_MIXED_FLOAT_CASES` cases (40, or 150 under CI; `make fuzz-floats` runs 3,000)
/// from `BRIEFING_MIXED_FLOAT_SEED`; a finding's template is kept under
/// `/tmp/briefing-render-fuzz-findings/`.
@Suite(.serialized, .systemTier) struct MixedFloatFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = Int(environment["BRIEFING_MIXED_FLOAT_CASES"] ?? "") ?? (environment["CI"] == nil ? 40 : 150)
    static let seed = UInt64(environment["BRIEFING_MIXED_FLOAT_SEED"] ?? "") ?? 20_261_204
    static let findings = URL(fileURLWithPath: "/tmp/briefing-render-fuzz-findings")
    /// PDFs checked by one pdfua and one link-text.py run.
    static let batch = 40

    @Test(.timeLimit(.minutes(120))) func floatsMixedWithListsNotesAndSectionEnds() throws {
        var generator = MixedFloats(random: SeededRandom(state: Self.seed))
        let work = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let started = Date()
        var problems: [String] = []
        var pending: [(number: Int, pdf: URL, template: URL)] = []
        var pages = 0

        func keep(_ number: Int, _ template: URL, _ problem: String) {
            problems.append("case \(number): \(problem)")
            let kept = Self.findings.appendingPathComponent("mixed-seed-\(Self.seed)-case-\(number)")
            try? FileManager.default.createDirectory(at: Self.findings, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: kept)
            try? FileManager.default.copyItem(at: template, to: kept)
        }
        /// pdfua and link-text.py on the batch: one process each for many files.
        func checkBatch() throws {
            guard !pending.isEmpty else { return }
            let pua = try Command.tool("python3", ["-m", "pdfua", "check"] + pending.map(\.pdf.path))
            let script = TemplateFixture.repository.appendingPathComponent("scripts/link-text.py").path
            let links = try Command.tool("python3", [script] + pending.map(\.pdf.path))
            let reports = (try? JSONSerialization.jsonObject(with: links.data)) as? [[String: Any]] ?? []
            for entry in pending {
                if pua.status != 0, Self.failed(entry.pdf.path, in: pua.stdout) {
                    keep(entry.number, entry.template, "pdfua: \(pua.stdout.suffix(400))")
                }
                let report = reports.first { $0["file"] as? String == entry.pdf.path }
                if links.status != 0 || report == nil {
                    keep(entry.number, entry.template, "link-text.py: \(links.stderr.suffix(300))")
                } else if let empty = report?["without_text"] as? Int, empty > 0 {
                    keep(entry.number, entry.template, "\(empty) Link elements without text")
                }
            }
            for entry in pending { try? FileManager.default.removeItem(at: entry.pdf.deletingLastPathComponent()) }
            pending = []
        }

        for number in 1...Self.cases {
            let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
            defer { fixture.remove() }
            for file in ["capacity", "controls", "outlook"] { try fixture.write("sections/\(file).md", generator.section()) }
            try fixture.write("sections/judgements.md", generator.judgements())
            let folder = work.appendingPathComponent("case-\(number)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let pdf = folder.appendingPathComponent("b.pdf")
            let result = try Command.run(
                Command.briefing,
                [
                    "generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path, "--quiet",
                    "--timeout", "120",
                ])
            guard result.status == 0 else {
                // The errors, not the warnings before them (references to charts a case lacks).
                let errors = result.stderr.split(separator: "\n").filter { !$0.contains(": warning: ") && !$0.hasPrefix("    hint") }
                keep(number, fixture.directory, "exit \(result.status): \(errors.joined(separator: " / ").suffix(500))")
                continue
            }
            let qpdf = try Command.tool("qpdf", ["--check", pdf.path])
            if qpdf.status != 0 {
                keep(number, fixture.directory, "qpdf --check: \(qpdf.stdout.suffix(300))")
                continue
            }
            pages += Int(try Command.tool("qpdf", ["--show-npages", pdf.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            // Kept until its batch is checked (the template too, for a finding).
            let copy = folder.appendingPathComponent("template")
            try FileManager.default.copyItem(at: fixture.directory, to: copy)
            pending.append((number, pdf, copy))
            if pending.count == Self.batch { try checkBatch() }
        }
        try checkBatch()
        let elapsed = String(format: "%.0f", Date().timeIntervalSince(started))
        print("mixed-float fuzz: \(Self.cases) cases (\(pages) pages) in \(elapsed) s, seed \(Self.seed), \(problems.count) findings")
        for problem in problems {
            print("mixed-float fuzz finding: \(problem)")
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// Whether pdfua's report on `path` (its lines up to the next file's) shows a finding; a
    /// file it did not report on at all counts as one.
    static func failed(_ path: String, in report: String) -> Bool {
        let lines = report.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: path) else { return true }
        return !lines[(start + 1)...].prefix { !$0.hasPrefix("/") }.contains { $0.contains("result: PASS") }
    }
}
