import Foundation
import TestSupport
import Testing

/// What PDF/UA-1 needs that cairo 1.16 does not write, read back from the file with qpdf:
/// the catalog, XMP metadata, figure alt text, link contents, tab order and version; and the
/// pages must look exactly as before.
@Suite(.systemTier) struct AccessibilityTests {
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
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "the file claims PDF/UA-1")
        let info = try #require(
            file.resolve((file.objects["trailer"] as? [String: Any])?["value"].flatMap { ($0 as? [String: Any])?["/Info"] }))
        // Each of these must be there: a check that passes because the thing is missing checks nothing.
        let title = try #require(PDFObjects.text(info["/Title"]), "the Info dictionary has a title")
        #expect(xmp.contains(">\(title.replacingOccurrences(of: "&", with: "&amp;"))</rdf:li>"), "XMP and Info agree on the title")
        let created = try #require(PDFObjects.text(info["/CreationDate"]), "the Info dictionary has a creation date")
        #expect(created.hasPrefix("D:"))
        let alts = file.dictionaries(where: "/S", is: "/Figure").map { PDFObjects.text($0["/Alt"]) ?? "" }
        #expect(alts.count == figures && alts.allSatisfy { $0.count > 20 }, "\(alts)")
        let links = file.dictionaries(where: "/Subtype", is: "/Link")
        #expect(!links.isEmpty && links.allSatisfy { !(PDFObjects.text($0["/Contents"]) ?? "").isEmpty })
        let headers = file.dictionaries(where: "/S", is: "/TH")
        #expect(headers.allSatisfy { ($0["/A"] as? [String: Any])?["/Scope"] as? String == "/Column" }, "header cells head columns")
        let pages = file.dictionaries(where: "/Type", is: "/Page")
        #expect(!pages.isEmpty && pages.allSatisfy { $0["/Tabs"] as? String == "/S" })
        #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        // Every rule pdfua implements, nothing painted outside marked content included.
        let checked = try Command.tool("python3", ["-m", "pdfua", "check", pdf.path])
        #expect(checked.status == 0, "\(checked.stdout)")
        try checkNesting(file)
    }

    /// Lists are L > LI > Lbl + LBody, the contents TOC > TOCI, and every Note has an /ID
    /// of its own: each element's parent and children, as the file records them.
    private func checkNesting(_ file: PDFObjects) throws {
        let elements = file.dictionaries(where: "/Type", is: "/StructElem")
        func role(_ reference: Any?) -> String? { file.resolve(reference)?["/S"] as? String }
        func kids(_ element: [String: Any]) -> [String] {
            let k = element["/K"]
            let references = (k as? [Any]) ?? (k.map { [$0] } ?? [])
            return references.compactMap { role($0) }
        }
        let allowedParents: [String: Set<String>] = [
            "/LI": ["/L"], "/LBody": ["/LI"], "/Lbl": ["/LI", "/TOCI", "/Note"], "/TOCI": ["/TOC"], "/TR": ["/Table"],
            "/TH": ["/TR"], "/TD": ["/TR"],
        ]
        for element in elements {
            guard let name = element["/S"] as? String else { continue }
            if let parents = allowedParents[name] {
                #expect(role(element["/P"]).map(parents.contains) == true, "\(name) under \(role(element["/P"]) ?? "nothing")")
            }
            switch name {
            case "/L": #expect(!kids(element).isEmpty && kids(element).allSatisfy { $0 == "/LI" }, "L holds \(kids(element))")
            case "/LI": #expect(kids(element).allSatisfy { $0 == "/Lbl" || $0 == "/LBody" }, "LI holds \(kids(element))")
            case "/TOC": #expect(!kids(element).isEmpty && kids(element).allSatisfy { $0 == "/TOCI" }, "TOC holds \(kids(element))")
            default: break
            }
        }
        let notes = elements.filter { $0["/S"] as? String == "/Note" }.map { PDFObjects.text($0["/ID"]) ?? "" }
        #expect(!notes.contains("") && Set(notes).count == notes.count, "every Note has a unique /ID: \(notes)")
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
        // Key judgements are a list, the contents page a table of contents.
        for expected in ["L (block)\n    LI (block)\n      Lbl (block)\n        \"•\"\n      LBody (block)", "TOC\n    TOCI"] {
            #expect(order.contains(expected), "\(expected) in \(order.prefix(1_500))")
        }
        let file = try PDFObjects(whole)
        #expect(file.dictionaries(where: "/S", is: "/TOCI").count >= 20 && file.dictionaries(where: "/S", is: "/LI").count >= 40)
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

    /// PDF/A-2b, alone and with PDF/UA-1: the output intent and its sRGB profile, the
    /// identification in the XMP (with the schema PDF/A needs described), and what the
    /// archival rules ask of cairo's objects. Pages render as with PDF/UA alone.
    @Test func archivalPDFA2b() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chips = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/chips").path
        let base = ["generate", "--template", chips, "--date", "2026-11-30"]
        let both = try make(base + ["--pdf-standard", "ua-1,a-2b"], in: directory, name: "both.pdf")
        let archival = try make(base + ["--pdf-standard", "a-2b"], in: directory, name: "a.pdf")
        let accessible = try make(base, in: directory, name: "ua.pdf")
        for (pdf, claimsUA) in [(both, true), (archival, false)] {
            let file = try PDFObjects(pdf)
            let intents = file.catalog["/OutputIntents"] as? [Any] ?? []
            let intent = try #require(intents.first as? [String: Any])
            #expect(intents.count == 1 && intent["/S"] as? String == "/GTS_PDFA1")
            let profile = try #require(file.resolve(intent["/DestOutputProfile"]))
            #expect((profile["dict"] as? [String: Any])?["/N"] as? Int == 3)
            let icc = Data(base64Encoded: profile["data"] as? String ?? "") ?? Data()
            #expect(icc.count > 128 && String(decoding: icc[36..<40], as: UTF8.self) == "acsp", "an ICC profile")
            let metadata = try #require(file.resolve(file.catalog["/Metadata"]))
            #expect((metadata["dict"] as? [String: Any])?["/Filter"] == nil, "PDF/A keeps the XMP unfiltered")
            let xmp = String(decoding: Data(base64Encoded: metadata["data"] as? String ?? "") ?? Data(), as: UTF8.self)
            #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
            #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") == claimsUA)
            #expect(xmp.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") == claimsUA, "pdfuaid described for PDF/A")
            let annotations = file.dictionaries(where: "/Type", is: "/Annot")
            #expect(!annotations.isEmpty && annotations.allSatisfy { (($0["/F"] as? Int) ?? 0) & 0b10_0111 == 4 }, "printed, not hidden")
            #expect(file.dictionaries(where: "/Subtype", is: "/CIDFontType2").allSatisfy { $0["/CIDToGIDMap"] as? String == "/Identity" })
            let descriptors = file.dictionaries(where: "/Type", is: "/FontDescriptor")
            #expect(
                !descriptors.isEmpty
                    && descriptors.allSatisfy { $0["/FontFile"] != nil || $0["/FontFile2"] != nil || $0["/FontFile3"] != nil })
            let images = file.dictionaries(where: "/Subtype", is: "/Image")
            #expect(!images.isEmpty && images.allSatisfy { $0["/Interpolate"] as? Bool != true }, "no interpolation asked for")
            let trailer = (file.objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
            #expect(trailer["/ID"] != nil && trailer["/Encrypt"] == nil)
            #expect(try Command.tool("qpdf", ["--check", pdf.path]).status == 0)
        }
        try checkUA(both, language: "en-GB", figures: 6)
        for (pdf, prefix) in [(both, "both"), (accessible, "ua")] {
            #expect(
                try Command.tool("pdftoppm", ["-r", "100", "-png", pdf.path, directory.appendingPathComponent(prefix).path]).status == 0)
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("ua-") }
        #expect(!pages.isEmpty)
        for page in pages {
            let ua = try Data(contentsOf: directory.appendingPathComponent(page))
            let both = try Data(contentsOf: directory.appendingPathComponent("both" + page.dropFirst(2)))
            #expect(ua == both, "\(page) renders differently with PDF/A")
        }
    }
}
