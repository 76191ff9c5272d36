import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

@Suite struct DocumentBuilderTests {
    let date = FuzzyDate(year: 2026, month: 11, day: 30)

    private func build(_ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Document {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try edit(fixture)
        let template = try TemplateLoader.load(directory: fixture.directory)
        return try DocumentBuilder.build(template: template, date: date)
    }

    private func failure(_ edit: (TemplateFixture) throws -> Void) throws -> InputError {
        do {
            _ = try build(edit)
        } catch let error as InputError {
            return error
        }
        Issue.record("expected the build to fail")
        return InputError(kind: .invalidData, diagnostics: [])
    }

    /// Any fact with a value may be a key figure, a supply share included.
    @Test func aSupplyShareIsAKeyFigure() throws {
        let document = try build { fixture in
            let spec = try fixture.read("briefing.yaml")
            let line = try #require(spec.split(separator: "\n").first { $0.hasPrefix("key_figures:") })
            try fixture.replace(
                "briefing.yaml", String(line),
                with: "key_figures: [supply.pakistan-arms-imports.latest.china, supply.pakistan-arms-imports.2008-12.others]")
        }
        #expect(document.keyFigures.map(\.value) == ["80%", "55%"])
        #expect(document.keyFigures[0].label == "China, 2021\u{2013}25")
        #expect(document.keyFigures[1].label == "All others, 2008\u{2013}12")
    }

    @Test func anUnknownSupplyShareKeyFigureIsAnError() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let spec = try fixture.read("briefing.yaml")
        let line = try #require(spec.split(separator: "\n").first { $0.hasPrefix("key_figures:") })
        try fixture.replace("briefing.yaml", String(line), with: "key_figures: [supply.pakistan-arms-imports.latest.chna]")
        #expect(throws: InputError.self) { try TemplateLoader.load(directory: fixture.directory) }
        do {
            _ = try TemplateLoader.load(directory: fixture.directory)
        } catch let error as InputError {
            #expect(error.description.contains("key figure 'supply.pakistan-arms-imports.latest.chna' is not a fact"), "\(error)")
            #expect(error.description.contains("did you mean 'supply.pakistan-arms-imports.latest.china'?"), "\(error)")
        }
    }

    private func text(_ blocks: [Block]) -> String {
        var text = ""
        for block in blocks { block.visitInlines { if case .text(let value) = $0 { text += value } } }
        return text
    }

    @Test func expandsFiguresWithUnitsMarkersAndCitations() throws {
        let document = try build()
        let overview = try #require(document.sections.first)
        #expect(overview.id == "overview" && overview.number == 1)
        let inlines = overview.blocks.flatMap { block -> [Inline] in
            var all: [Inline] = []
            block.visitInlines { all.append($0) }
            return all
        }
        #expect(text(overview.blocks).contains("28,023 students"))
        #expect(inlines.contains(.confidenceMarker(.reported)))
        #expect(inlines.contains(.citation(sourceID: "thenews-students")))
        #expect(document.citationNumber("thenews-students") != nil)
    }

    @Test func numbersSourcesInOrderOfFirstCitation() throws {
        let document = try build()
        #expect(document.sources.map(\.number) == Array(1...document.sources.count))
        // The key judgements cite the latest SIPRI fact sheet first.
        #expect(document.sources.first?.id == "sipri-2026")
        // Every source cited anywhere is listed, a chart's source line included, and nothing else;
        // the sources only a chart cites (the SIPRI fact sheets behind its rows) come last.
        var cited: [String] = []
        for block in document.keyJudgements + document.sections.flatMap(\.blocks) {
            block.visitSources { id, use in if use == .text, !cited.contains(id) { cited.append(id) } }
        }
        let charted = document.sections.flatMap { $0.blocks.flatMap(\.charts) }.flatMap(\.sourceIDs)
        let ids = document.sources.map(\.id)
        #expect(Set(ids) == Set(cited + document.keyFigures.map(\.sourceID) + charted))
        let chartOnly = charted.filter { !cited.contains($0) && !document.keyFigures.map(\.sourceID).contains($0) }
        #expect(chartOnly == ["sipri-2021", "sipri-2024", "sipri-2025"])
        #expect(Array(ids.suffix(chartOnly.count)) == chartOnly)
    }

    @Test func derivesTheProjectionGrowthRate() throws {
        let document = try build()
        let ecommerce = try #require(document.sections.first { $0.id == "ecommerce" })
        #expect(text(ecommerce.blocks).contains("32.9% a year"))
        #expect(text(ecommerce.blocks).contains("3.5 bn USD in 2021 to 60 bn USD by 2031"))
        #expect(document.keyFigures.map(\.value) == ["28,023", "820 km", "+81%", "3.5 \u{2192} 60"])
    }

    @Test func reportsUnknownPlaceholdersWithPositionAndSuggestion() throws {
        let error = try failure { fixture in
            try fixture.write("sections/space.md", "Intro line.\n\nLaunched on {{event.paksat-mm}} from Xichang.\n")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.file.hasSuffix("sections/space.md"))
        #expect(diagnostic.location.line == 3 && diagnostic.location.column == 13)
        #expect(diagnostic.message == "unknown placeholder 'event.paksat-mm'")
        #expect(diagnostic.hints == ["did you mean 'event.paksat-mm1'?"])
    }

    @Test(arguments: ["> ", "- ", "1. "])
    func refusesPathologicalNestingInsteadOfCrashing(marker: String) throws {
        let error = try failure { try $0.write("sections/space.md", "Intro.\n\n" + String(repeating: marker, count: 50_000) + "deep\n") }
        #expect(error.description.contains("space.md:3:"))
        #expect(error.description.contains("Markdown nested more than 16 levels deep"))
        #expect(error.diagnostics.count == 1)
    }

    @Test func suggestsOnlyNamesThatDifferInOnePart() throws {
        let error = try failure { fixture in
            try fixture.write(
                "sections/space.md", "{{event.kamra.dat}} {{event.kamra-x.date}} {{fgi.students}} {{event.nothing-like-it.date}}\n")
        }
        #expect(
            error.diagnostics.map(\.hints) == [
                ["did you mean 'event.kamra.date'?"], ["did you mean 'event.kamra.date'?"],
                ["did you mean 'fig.students'?"], [error.diagnostics[3].hints[0]],
            ])
        #expect(!error.diagnostics[3].hints[0].contains("did you mean"))
    }

    @Test func reportsProblemsInEverySectionFile() throws {
        let error = try failure { fixture in
            try fixture.write("sections/ai.md", "{{fig.nope}}\n")
            try fixture.write("sections/energy.md", "text {{fig.students\n")
            try fixture.write("sections/space.md", "{{#fig.students}}never closed\n")
        }
        #expect(error.diagnostics.count == 3, "\(error)")
        #expect(error.description.contains("ai.md:1:1: error: unknown placeholder 'fig.nope'"))
        #expect(error.description.contains("energy.md:1:6: error: unclosed placeholder"))
        #expect(error.description.contains("space.md:1:1: error: section '{{#fig.students}}' is never closed"))
    }

    @Test func printsDataLiterallyNeverAsMarkup() throws {
        let document = try build { fixture in
            try fixture.replace(
                "data.yaml", "    label: Khunjerab-Rawalpindi optical fibre cable",
                with: "    label: \"*not italic* <b>& {{x}} [link](http://x) _u_\"")
            try fixture.write("sections/it.md", "Label: {{fig.fibre-length.label}}.\n")
        }
        let it = try #require(document.sections.first { $0.id == "it" })
        #expect(it.blocks == [.paragraph([.text("Label: *not italic* <b>& {{x}} [link](http://x) _u_.")])])
    }

    @Test func stripsTokenCharactersFromData() throws {
        let document = try build { fixture in
            try fixture.replace(
                "data.yaml", "    label: Khunjerab-Rawalpindi optical fibre cable", with: "    label: \"a\u{E000}c:issra-insight\u{E001}b\""
            )
            try fixture.write("sections/it.md", "{{fig.fibre-length.label}}\n")
        }
        let it = try #require(document.sections.first { $0.id == "it" })
        #expect(it.blocks == [.paragraph([.text("ac:issra-insightb")])])
    }

    @Test func selectsAndRenumbersSections() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let template = try TemplateLoader.load(directory: fixture.directory)
        let document = try DocumentBuilder.build(template: template, date: date, sectionIDs: ["space", "it"])
        #expect(document.sections.map(\.id) == ["it", "space"])
        #expect(document.sections.map(\.number) == [1, 2])
    }
}
