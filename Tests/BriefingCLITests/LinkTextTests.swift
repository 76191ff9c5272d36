import Foundation
import TestSupport
import Testing

/// Links and headings that speak, read back by a tool that did not write the file
/// (`scripts/link-text.py`, on pikepdf): every Link element holds the words of its link as
/// well as its annotation, in the default briefing, another template, a `--sections` run and
/// a chart exported alone; a chart's description is spoken once, and an export's headings
/// start at H1.
@Suite(.serialized, .systemTier) struct LinkTextTests {
    struct Report: Decodable {
        struct Empty: Decodable { var contents: String? }
        var file: String
        var links: Int
        var withoutText: Int
        var empty: [Empty]
        var texts: [String]

        enum CodingKeys: String, CodingKey {
            case file, links, withoutText = "without_text", empty, texts
        }
    }

    private func outputs(in directory: URL) throws -> [URL] {
        let chips = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/chips").path
        let runs: [(String, [String])] = [
            ("default.pdf", ["generate", "--date", "2026-11-30", "--quiet"]),
            ("chips.pdf", ["generate", "--template", chips, "--date", "2026-11-30", "--quiet"]),
            ("selection.pdf", ["generate", "--date", "2026-11-30", "--sections", "defence,it", "--quiet"]),
            ("chart.pdf", ["chart", "1"]),
        ]
        return try runs.map { name, arguments in
            let pdf = directory.appendingPathComponent(name)
            let result = try Command.run(Command.briefing, arguments + ["--output", pdf.path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            return pdf
        }
    }

    @Test func everyLinkElementHoldsItsWords() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try outputs(in: directory)
        let script = TemplateFixture.repository.appendingPathComponent("scripts/link-text.py").path
        let result = try Command.tool("python3", [script] + files.map(\.path))
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try JSONDecoder().decode([Report].self, from: result.data)
        #expect(reports.count == 4)
        for report in reports {
            let name = URL(fileURLWithPath: report.file).lastPathComponent
            #expect(report.links > 10, "\(name) has \(report.links) links")
            #expect(report.withoutText == 0, "\(name): \(report.withoutText) Link elements without text: \(report.empty.map(\.contents))")
            // A link's words are its own: "[6]", "section 6", an address; never the paragraph around it.
            #expect(report.texts.allSatisfy { $0.count < 120 && $0 == $0.trimmingCharacters(in: .whitespaces) }, "\(name)")
        }
        let whole = try #require(reports.first)
        #expect(whole.texts.contains("[6]") && whole.texts.contains("section 6"), "\(whole.texts.prefix(40))")
        // The contents entries are links holding their titles.
        #expect(whole.texts.contains("Defence industry and arms supply"))
        let checked = try Command.tool("python3", ["-m", "pdfua", "check"] + files.map(\.path))
        #expect(checked.status == 0, "\(checked.stdout.suffix(800))")
    }

    @Test func aChartsDescriptionIsSpokenOnceAndAnExportStartsAtH1() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try outputs(in: directory)
        for pdf in [files[0], files[3]] {
            let file = try PDFObjects(pdf)
            let alts = file.dictionaries(where: "/S", is: "/Figure").compactMap { PDFObjects.text($0["/Alt"]) }
            #expect(!alts.isEmpty)
            // The printed copy of each description is drawn outside the structure: the tagged
            // text a screen reader follows does not hold it a second time.
            let tagged = try Command.tool("pdfinfo", ["-struct-text", pdf.path]).stdout
            for alt in alts {
                #expect(!tagged.contains(String(alt.prefix(40))), "\(pdf.lastPathComponent) reads '\(alt.prefix(40))' twice")
            }
            // The printed description is still on the page.
            let text = try Command.tool("pdftotext", [pdf.path, "-"]).stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains(String(alts[0].prefix(25))))
        }
        // The export opens with its title as H1; its Sources heading is H2.
        let headings = try Command.tool("pdfinfo", ["-struct", files[3].path]).stdout.split(separator: "\n").compactMap { line in
            line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
        }.filter { $0.count == 2 && $0.hasPrefix("H") }
        #expect(headings == ["H1", "H2"], "\(headings)")
    }
}
