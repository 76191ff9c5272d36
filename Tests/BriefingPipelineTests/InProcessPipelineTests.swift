import BriefingLayout
import BriefingModel
import BriefingPipeline
import Foundation
import TestSupport
import Testing

/// The pipeline as a library: a briefing made in-process from a template held in memory,
/// with an injected world (files, fonts, clock). No file is read or written.
@Suite struct InProcessPipelineTests {
    static let root = URL(fileURLWithPath: "/memory/chips")

    static let files = MemoryFiles(
        root: root,
        [
            "briefing.yaml": """
            title: Chip supply outside Taiwan
            subtitle: Where the fabs are going
            publisher: Test Desk
            date: today
            key_judgements: sections/judgements.md
            key_figures: [fig.fabs]
            sections:
              - id: fabs
                title: New fabs
                summary: Who builds where
                file: sections/fabs.md
              - id: outlook
                title: Outlook
                file: sections/outlook.md
            """,
            "data.yaml": """
            sources:
              - id: semi
                publisher: SEMI
                title: World Fab Forecast
                year: 2025
            figures:
              - id: fabs
                label: New fabs starting construction
                value: 18
                unit: fabs
                as_of: 2025
                source: semi
                confidence: confirmed
            """,
            "sections/judgements.md": "- {{fig.fabs}} break ground this year.\n",
            "sections/fabs.md": "In {{fig.fabs.as_of}}, {{fig.fabs.value}} new fabs; see {{ref.section.outlook}}.\n",
            "sections/outlook.md": "More to come by {{briefing.date}}.\n",
        ])

    /// A fixed day ("today" by the template's policy), the process environment left out.
    static func world(fonts: World.Fonts = .measurer(FakeMeasurer())) -> World {
        World(files: files, fonts: fonts, environment: [:], now: { Date(timeIntervalSince1970: 1_796_040_000) })  // noon, 30 Nov 2026
    }

    @Test func layoutOnlyWithAFakeMeasurerAndNoFiles() throws {
        let pipeline = Pipeline(world: Self.world())
        let loaded = try pipeline.load(BriefingRequest(template: Self.root))
        let document = try pipeline.document(loaded)
        let pages = try pipeline.layout(document, loaded: loaded)

        #expect(loaded.date.description == "30 November 2026")
        #expect(loaded.sections == ["fabs", "outlook"])
        #expect(document.sections.map(\.title) == ["New fabs", "Outlook"])
        let text = pages.paragraphs.map(\.plainText).joined(separator: "\n")
        #expect(text.contains("In 2025, 18 new fabs; see section 2."))
        #expect(text.contains("More to come by 30 November 2026."))
        #expect(pages.pages.count >= 3)  // cover, contents, body
        #expect(pages.shaped.allSatisfy { $0 == nil }, "a fake measurer shapes nothing")
        #expect(pipeline.warnings.isEmpty)
    }

    @Test func sectionsWarningsAndStrictAreValues() throws {
        var seen: [Diagnostic] = []
        let pipeline = Pipeline(world: Self.world(), warnings: { seen.append($0) })
        let request = BriefingRequest(template: Self.root, sections: "fabs", strict: true)
        let result = pipeline.generate(request)
        // Leaving out 'outlook' turns its cross-reference into plain text and a warning;
        // --strict makes that a failure, returned rather than thrown.
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(FailureKind(of: error) == .invalidData)
        #expect(seen.count == 1 && seen[0].message.contains("reference to section 'outlook'"))
        #expect(seen[0].location.file.hasSuffix("sections/fabs.md"))
    }

    @Test func aMissingFileIsAMissingInput() throws {
        var files = Self.files
        files.files.removeValue(forKey: "/memory/chips/sections/outlook.md")
        let pipeline = Pipeline(world: World(files: files, fonts: .measurer(FakeMeasurer()), environment: [:]))
        let result = pipeline.generate(BriefingRequest(template: Self.root, date: "2026-12-07"))
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(FailureKind(of: error) == .invalidData)
        #expect("\(error)".contains("the file of section 'outlook' does not exist"))
    }

    /// The whole run, bytes included, with the bundled fonts: a real PDF from memory.
    @Test func aPDFFromMemoryWithTheBundledFonts() throws {
        let fonts = TemplateFixture.repository.appendingPathComponent("Fonts")
        let pipeline = Pipeline(world: Self.world(fonts: .folder(fonts)))
        let output = try RealFonts.exclusive { try pipeline.generate(BriefingRequest(template: Self.root, date: "2026-12-07")).get() }
        #expect(output.files.count == 1)
        let pdf = output.files[0]
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
        #expect(output.pageCount >= 3)

        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("chips.pdf")
        try pdf.write(to: file)
        #expect(try Command.tool("qpdf", ["--check", file.path]).status == 0)
        let text = try Command.tool("pdftotext", [file.path, "-"]).stdout
        #expect(text.contains("Chip supply outside Taiwan") && text.contains("7 December 2026"))

        // Laid-out pages are values: drawn as PNG later, without the measurer.
        let loaded = try pipeline.load(BriefingRequest(template: Self.root, date: "2026-12-07"))
        let pages = try pipeline.layout(try pipeline.document(loaded), loaded: loaded)
        #expect(pages.shaped.allSatisfy { $0 != nil }, "every paragraph carries its shaped text")
        let png = try pipeline.render(pages, format: .png, dpi: 40)
        #expect(png.count == output.pageCount && png[0].starts(with: Data([0x89, 0x50, 0x4E, 0x47])))
    }

    /// Words hyphenated in one run are kept in the cache folder for the next
    /// (`HyphenationCache`): the next run's PDF is the same, and a run with no new word
    /// writes nothing.
    @Test func hyphenatedWordsAreKeptForTheNextRun() throws {
        let fonts = TemplateFixture.repository.appendingPathComponent("Fonts")
        let cache = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let template = TemplateFixture.repository.appendingPathComponent("Templates/starter")
        func run() throws -> Data {
            let pipeline = Pipeline(world: World(fonts: .folder(fonts), environment: ["XDG_CACHE_HOME": cache.path]))
            return try RealFonts.exclusive { try pipeline.generate(BriefingRequest(template: template, date: "2026-12-07")).get() }.files[0]
        }
        let words = cache.appendingPathComponent("briefing/hyphenation-hyph_en_GB.words")
        let first = try run()
        let kept = try String(contentsOf: words, encoding: .utf8)
        #expect(kept.split(separator: "\n").count > 1, "the words follow the header")
        let written = try FileManager.default.attributesOfItem(atPath: words.path)[.modificationDate] as? Date
        #expect(try run() == first)
        #expect(try FileManager.default.attributesOfItem(atPath: words.path)[.modificationDate] as? Date == written)
    }
}

/// One pipeline, several briefings (as delivery will make one per audience): each run's
/// warnings and --strict count that run only, and the fonts are loaded once.
@Suite struct ReusedPipelineTests {
    @Test func warningsBelongToTheirRun() throws {
        let pipeline = Pipeline(world: InProcessPipelineTests.world())
        let root = InProcessPipelineTests.root
        let partial = try pipeline.generate(BriefingRequest(template: root, sections: "fabs")).get()
        #expect(partial.warnings.count == 1)
        let whole = try pipeline.generate(BriefingRequest(template: root, strict: true)).get()
        #expect(whole.warnings.isEmpty, "the first run's warning is not the second's")
        #expect(pipeline.warnings.count == 1)
    }
}
