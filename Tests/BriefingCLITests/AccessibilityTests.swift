import Foundation
import TestSupport
import Testing

/// What PDF/UA-1 needs that cairo 1.16 does not write, read back from the file with qpdf:
/// the catalog, XMP metadata, figure alt text, link contents, tab order and version; and the
/// pages must look exactly as before.
@Suite struct AccessibilityTests {
    private func make(_ arguments: [String], in directory: URL, name: String = "b.pdf") throws -> URL {
        let pdf = directory.appendingPathComponent(name)
        let result = try Command.run(Command.briefing, arguments + ["--output", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        return pdf
    }

    /// Every rule this step writes, checked on one file.
    private func checkUA(_ pdf: URL, language: String, figures: Int) throws {
        let file = try PDFObjects(pdf)
        #expect(file.version == "1.7")
        let catalog = file.catalog
        #expect(PDFObjects.text(catalog["/Lang"]) == language)
        #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect((catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        let metadata = try #require(file.resolve(catalog["/Metadata"]))
        #expect((metadata["dict"] as? [String: Any])?["/Subtype"] as? String == "/XML")
        let xmp = String(decoding: Data(base64Encoded: metadata["data"] as? String ?? "") ?? Data(), as: UTF8.self)
        #expect(xmp.contains("<rdf:li>\(language)</rdf:li>") && xmp.contains("<dc:format>application/pdf</dc:format>"))
        #expect(!xmp.contains("pdfuaid:part"), "no claim of PDF/UA until running heads are artifacts")
        let info = try #require(
            file.resolve((file.objects["trailer"] as? [String: Any])?["value"].flatMap { ($0 as? [String: Any])?["/Info"] }))
        if let title = PDFObjects.text(info["/Title"]) {
            #expect(xmp.contains(">\(title.replacingOccurrences(of: "&", with: "&amp;"))</rdf:li>"), "XMP and Info agree on the title")
        }
        if let created = PDFObjects.text(info["/CreationDate"]) { #expect(created.hasPrefix("D:")) }
        let alts = file.dictionaries(where: "/S", is: "/Figure").map { PDFObjects.text($0["/Alt"]) ?? "" }
        #expect(alts.count == figures && alts.allSatisfy { $0.count > 20 }, "\(alts)")
        let links = file.dictionaries(where: "/Subtype", is: "/Link")
        #expect(links.allSatisfy { !(PDFObjects.text($0["/Contents"]) ?? "").isEmpty })
        let headers = file.dictionaries(where: "/S", is: "/TH")
        #expect(headers.allSatisfy { ($0["/A"] as? [String: Any])?["/Scope"] as? String == "/Column" }, "header cells head columns")
        let pages = file.dictionaries(where: "/Type", is: "/Page")
        #expect(!pages.isEmpty && pages.allSatisfy { $0["/Tabs"] as? String == "/S" })
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        // Nothing is painted outside marked content: tagged, or an artifact (pdfua, on pikepdf).
        let untagged = try Command.tool("python3", ["-m", "pdfua", "check", "--rules", "UA-01-003", pdf.path])
        #expect(untagged.status == 0, "\(untagged.stdout)")
    }

    @Test func theDefaultBriefingASelectionAChartAndAnotherTemplate() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try make(["generate", "--date", "2026-11-30"], in: directory)
        try checkUA(whole, language: "en-GB", figures: 3)
        let links = try PDFObjects(whole).dictionaries(where: "/Subtype", is: "/Link").compactMap { PDFObjects.text($0["/Contents"]) }
        #expect(links.contains("Go to 5 Defence industry and arms supply") && links.contains { $0.hasPrefix("Link to https://") })
        // The reading order of the cover: title, key judgements, then the key figures.
        let order = try Command.tool("pdfinfo", ["-struct-text", whole.path]).stdout
        let positions = ["\"Sino-Pak", "\"KEY JUDGEMENTS\"", "\"KEY FIGURES\"", "\"Contents\""].compactMap {
            order.range(of: $0)?.lowerBound
        }
        #expect(positions.count == 4 && positions == positions.sorted(), "\(order.prefix(600))")
        try checkUA(
            try make(["generate", "--date", "2026-11-30", "--sections", "defence"], in: directory, name: "d.pdf"), language: "en-GB",
            figures: 1)
        try checkUA(try make(["chart", "1"], in: directory, name: "c.pdf"), language: "en", figures: 1)
        let chips = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/chips").path
        try checkUA(
            try make(["generate", "--template", chips, "--date", "2026-11-30"], in: directory, name: "chips.pdf"), language: "en-GB",
            figures: 6)
    }

    /// The pages look exactly as cairo drew them, and the same inputs give the same bytes.
    @Test func thePagesDoNotChangeAndTheBytesRepeat() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let finished = try make(["generate", "--date", "2026-11-30"], in: directory)
        let plain = try make(["generate", "--date", "2026-11-30", "--pdf-standard", "none"], in: directory, name: "plain.pdf")
        #expect(try PDFObjects(plain).version == "1.5", "none leaves cairo's file")
        for (pdf, prefix) in [(finished, "ua"), (plain, "none")] {
            #expect(
                try Command.tool("pdftoppm", ["-r", "100", "-png", pdf.path, directory.appendingPathComponent(prefix).path]).status == 0)
        }
        for page in 1...10 {
            let name = String(format: "-%02d.png", page)
            let ua = try Data(contentsOf: directory.appendingPathComponent("ua" + name))
            let none = try Data(contentsOf: directory.appendingPathComponent("none" + name))
            #expect(ua == none, "page \(page) renders differently")
        }
        let again = try make(["generate", "--date", "2026-11-30"], in: directory, name: "again.pdf")
        #expect(try Data(contentsOf: again) == Data(contentsOf: finished))
    }
}
