import Foundation
import TestSupport
import Testing

/// Section choice, contents, outline, links, page labels and page images, checked the way a
/// reader meets them (PyMuPDF, pdftotext, qpdf).
@Suite(.serialized, .systemTier) struct NavigationTests {
    static let titles = [
        "overview": "History and key figures", "it": "IT and connectivity", "ai": "Artificial intelligence", "ecommerce": "E-commerce",
        "defence": "Defence industry and arms supply", "strategic": "Nuclear and strategic cooperation", "space": "Space",
        "semiconductors": "Semiconductors", "energy": "Renewable energy", "outlook": "Outlook and recommendations",
    ]
    static let order = ["overview", "it", "ai", "ecommerce", "defence", "strategic", "space", "semiconductors", "energy", "outlook"]

    private func generate(_ flags: [String]) throws -> (pdf: URL, result: CommandResult, cleanup: () -> Void) {
        let directory = try Command.temporaryDirectory()
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let result = try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "--output", pdf.path] + flags)
        return (pdf, result, { try? FileManager.default.removeItem(at: directory) })
    }

    /// Checks a variant that includes `included` (in template order).
    private func expectNavigable(_ flags: [String], included: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (pdf, result, cleanup) = try generate(flags)
        defer { cleanup() }
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let check = try Command.tool("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "qpdf: \(check.stdout)", sourceLocation: sourceLocation)
        let report = try PDFReport.read(pdf)
        let text = report.allText

        // Left-out sections are absent everywhere; included ones are present.
        for id in Self.order where !included.contains(id) {
            #expect(!text.contains(Self.titles[id]!), "left-out section '\(id)' appears", sourceLocation: sourceLocation)
        }
        // Outline: key judgements, contents, exactly the included sections numbered 1..n, sources.
        let top = report.outline.filter { $0.level == 1 }.map(\.title)
        let expected =
            ["Key judgements", "Contents"] + included.enumerated().map { "\($0.offset + 1) \(Self.titles[$0.element]!)" } + ["Sources"]
        #expect(top == expected, sourceLocation: sourceLocation)
        // Each section's bookmark lands on the page that shows its heading.
        for entry in report.outline where entry.level == 1 && entry.title.first?.isNumber == true {
            let title = String(entry.title.drop { $0 != " " }.dropFirst())
            #expect(
                report.text(entry.page).contains(title), "bookmark '\(entry.title)' lands on a page without it",
                sourceLocation: sourceLocation)
        }

        // Page labels: front matter in roman numerals, the body from 1.
        #expect(Array(report.pages.prefix(3).map(\.label)) == ["i", "ii", "1"], sourceLocation: sourceLocation)
        #expect(report.pages.last?.label == String(report.pages.count - 2), sourceLocation: sourceLocation)

        // Contents: exactly the included sections, each linked to the page its label names.
        let contents = report.pages[1]
        let contentsText = report.text(1)
        var previous = contentsText.startIndex
        for id in included {
            let found = contentsText.range(of: Self.titles[id]!, range: previous..<contentsText.endIndex)
            #expect(found != nil, "contents lacks \(id) (or lists it out of order)", sourceLocation: sourceLocation)
            previous = found?.upperBound ?? previous
        }
        let sectionLinks = contents.links.filter { $0.dest?.hasPrefix("section-") == true && $0.dest?.contains(".") == false }
        #expect(sectionLinks.count == included.count, sourceLocation: sourceLocation)
        for link in contents.links {
            let printedLabel = link.text.split(whereSeparator: \.isWhitespace).last.map(String.init)
            let target = try #require(link.page, sourceLocation: sourceLocation)
            #expect(
                report.pages[target].label == printedLabel, "contents entry '\(link.text)' lands on page \(report.pages[target].label)",
                sourceLocation: sourceLocation)
        }

        // Every internal link lands on a page that shows what it names.
        var internalLinks = 0
        for page in report.pages {
            for link in page.links where link.uri == nil {
                internalLinks += 1
                let dest = link.dest ?? ""
                let target = try #require(link.page, "link \(dest) has no target", sourceLocation: sourceLocation)
                #expect(target >= 0 && target < report.pages.count, sourceLocation: sourceLocation)
                let landing = report.text(target)
                if dest.hasPrefix("source-") {
                    #expect(
                        landing.contains("[\(dest.dropFirst(7))]"), "citation link \(dest) lands on the wrong page",
                        sourceLocation: sourceLocation)
                } else if dest.hasPrefix("figure-") {
                    #expect(
                        landing.contains("Figure \(dest.dropFirst(7))"), "figure link \(dest) lands on the wrong page",
                        sourceLocation: sourceLocation)
                } else if dest.hasPrefix("section-"), let id = included.first(where: { dest == "section-\($0)" }) {
                    #expect(
                        landing.contains(Self.titles[id]!), "section link \(dest) lands on the wrong page", sourceLocation: sourceLocation)
                } else if dest == "confidence-note" {
                    #expect(landing.contains("Reported: a secondary source"), sourceLocation: sourceLocation)
                }
            }
        }
        #expect(internalLinks > 20, sourceLocation: sourceLocation)
        // External links are the sources' URLs.
        let uris = report.pages.flatMap(\.links).compactMap(\.uri)
        #expect(!uris.isEmpty && uris.allSatisfy { $0.hasPrefix("https://") }, sourceLocation: sourceLocation)
    }

    @Test func theWholeBriefingIsNavigable() throws {
        try expectNavigable([], included: Self.order)
    }

    @Test func sectionsFlagKeepsOnlyThoseInTemplateOrder() throws {
        try expectNavigable(["--sections", "space,it"], included: ["it", "space"])
    }

    @Test func skipFlagDropsSectionsAndTheirFiguresAndSources() throws {
        try expectNavigable(["--skip", "defence,strategic"], included: Self.order.filter { $0 != "defence" && $0 != "strategic" })
        let (pdf, result, cleanup) = try generate(["--skip", "defence,strategic"])
        defer { cleanup() }
        // References to the left-out section become plain text with a warning.
        #expect(result.stderr.contains("overview.md:12:102: warning: reference to section 'strategic'"))
        let report = try PDFReport.read(pdf)
        #expect(report.allText.contains("section 6 of the full briefing"))
        // Figures are renumbered: the supply chart (defence) is gone, so there are two.
        #expect(report.allText.contains("Figure 2") && !report.allText.contains("Figure 3"))
        // Only sources cited in what is included are listed: SIPRI 2020 appears only in defence.
        #expect(!report.allText.contains("Trends in International Arms Transfers, 2019"))
        #expect(report.allText.contains("KEY FIGURES · WHOLE BRIEFING"))
    }

    @Test func badSelectionsAreUsageErrors() throws {
        let unknown = try Command.run(Command.briefing, ["generate", "--sections", "it,spcae", "--output", "/tmp/never.pdf"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown section 'spcae'"))
        #expect(unknown.stderr.contains("did you mean 'space'?"))
        #expect(
            unknown.stderr.contains(
                "valid sections: overview, it, ai, ecommerce, defence, strategic, space, semiconductors, energy, outlook"))
        let both = try Command.run(Command.briefing, ["generate", "--sections", "it", "--skip", "ai", "--output", "/tmp/never.pdf"])
        #expect(both.status == 64 && both.stderr.contains("cannot be used together"))
        let empty = try Command.run(
            Command.briefing, ["generate", "--skip", Self.order.joined(separator: ","), "--output", "/tmp/never.pdf"])
        #expect(empty.status == 64 && empty.stderr.contains("no sections left"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.pdf"))
    }

    @Test func listsSections() throws {
        let result = try Command.run(Command.briefing, ["sections"])
        #expect(result.status == 0)
        let ids = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.split(separator: " ")[0]) }
        #expect(ids == Self.order)
        #expect(result.stdout.contains("Six decades of cooperation"))
    }

    @Test func metadataIsComplete() throws {
        let (pdf, _, cleanup) = try generate(["--sections", "space"])
        defer { cleanup() }
        let metadata = try PDFReport.read(pdf).metadata
        #expect(metadata["title"] == "Sino-Pak collaboration in science and technology")
        #expect(metadata["author"] == "Briefing Policy Desk")
        #expect((metadata["subject"] ?? "")?.isEmpty == false)
        #expect((metadata["keywords"] ?? "")?.contains("Pakistan") == true)
        #expect((metadata["creator"] ?? "")?.hasPrefix("briefing 0.") == true)
        #expect(metadata["creationDate"] == "D:20261130000000Z", "the form PDF requires (cairo 1.16 leaves out D:)")
        #expect(try Command.tool("pdfinfo", [pdf.path]).stdout.contains("Tagged:          yes"))
    }

    @Test func selectionsAreReproducible() throws {
        let first = try generate(["--sections", "it,space"]), second = try generate(["--sections", "it,space"])
        defer {
            first.cleanup()
            second.cleanup()
        }
        #expect(try Data(contentsOf: first.pdf) == Data(contentsOf: second.pdf))
    }

    @Test func writesOnePageImagePerPage() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("briefing.pdf")
        // A stale page from a longer earlier run is removed; a user's file that merely looks
        // like a page is not.
        try Data("a photo".utf8).write(to: directory.appendingPathComponent("briefing-2024.png"))
        let longer = try Command.run(
            Command.briefing, ["--date", "2026-11-30", "--sections", "it,space", "--format", "png", "--dpi", "40", "--output", target.path])
        #expect(longer.status == 0, "\(longer.stderr)")
        let png = try Command.run(
            Command.briefing, ["--date", "2026-11-30", "--sections", "it", "--format", "png", "--dpi", "40", "--output", target.path])
        #expect(png.status == 0, "\(png.stderr)")
        let pdf = try Command.run(Command.briefing, ["--date", "2026-11-30", "--sections", "it", "--output", target.path])
        #expect(pdf.status == 0)
        let pages = try PDFReport.read(target).pages.count
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(names == (1...pages).map { String(format: "briefing-%02d.png", $0) } + ["briefing-2024.png"])
        let svg = try Command.run(
            Command.briefing, ["--date", "2026-11-30", "--sections", "it", "--format", "svg", "--output", "briefing.pdf"], in: directory)
        #expect(svg.status == 0)
        // Named as the output was given, relative as for a PDF.
        #expect(svg.stdout.hasPrefix("wrote briefing-*.svg ("), "\(svg.stdout)")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".svg") }
        #expect(svgs.count == pages)
    }
}
