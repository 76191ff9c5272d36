import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// A template's own vocabularies: event domains, confidence grades and figure qualifiers,
/// declared in `data.yaml`, with today's values as defaults.
@Suite struct VocabularyTests {
    /// The starter template with `prefix` added at the top of its data file and `edit` applied.
    private func load(prefix: String = "", _ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Result<Template, InputError> {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        try fixture.write("data.yaml", prefix + (try fixture.read("data.yaml")))
        try edit(fixture)
        do {
            return .success(try TemplateLoader.load(directory: fixture.directory))
        } catch let error as InputError {
            return .failure(error)
        }
    }

    private func failure(prefix: String = "", _ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> String {
        guard case .failure(let error) = try load(prefix: prefix, edit) else {
            Issue.record("the template loaded although it is invalid")
            return ""
        }
        return error.description
    }

    static let chipDomains = """
        domains:
          - id: industry
            label: Industry and fabs
          - id: controls
            label: Export controls
            colour: "#AA3377"
            marker: star
          - id: policy
            label: Subsidies and policy
            phrase: subsidies and industrial policy

        """

    /// Inside a sentence a label's capitalised words are lower case; acronyms, words with
    /// other capitals and single letters stay as written.
    @Test func aLabelReadsInASentenceWithItsAcronymsKept() {
        #expect(Domain.phrase("Industry and fabs") == "industry and fabs")
        #expect(Domain.phrase("EU and NATO Energy") == "EU and NATO energy")
        #expect(Domain.phrase("Ελληνικό ΕΜΠΌΡΙΟ") == "ελληνικό ΕΜΠΌΡΙΟ")
        #expect(Domain.phrase("Sino-Pak Trade") == "Sino-Pak trade")
        #expect(Domain.phrase("iPhone and Plan B") == "iPhone and plan B")
        #expect(Domain.phrase("Export  controls") == "export  controls")
    }

    @Test func theDefaultsNeedNoDeclaration() throws {
        let template = try load().get()
        #expect(template.facts.domains.map(\.id) == ["diplomacy", "defence", "space", "it", "energy", "trade"])
        #expect(template.facts.grades.map(\.id) == ["confirmed", "reported", "unconfirmed"])
        #expect(template.facts.qualifiers == nil)
    }

    @Test func declaredDomainsGetDistinctColoursAndMarkers() throws {
        let template = try load(prefix: Self.chipDomains) { fixture in
            for (old, new) in [("domain: energy", "domain: industry"), ("domain: trade", "domain: controls")] {
                try fixture.write("data.yaml", try fixture.read("data.yaml").replacingOccurrences(of: old, with: new))
            }
        }.get()
        let domains = template.facts.domains
        #expect(domains.map(\.title) == ["Industry and fabs", "Export controls", "Subsidies and policy"])
        #expect(domains[1].colour == 0xAA3377 && domains[1].marker == .star)
        #expect(domains[2].phrase == "subsidies and industrial policy" && domains[0].phrase == "industry and fabs")
        #expect(Set(domains.map(\.colour)).count == 3 && Set(domains.map(\.marker)).count == 3)
        #expect(!domains.filter { $0.id != "controls" }.contains { $0.marker == .star }, "a declared marker is not given twice")
        #expect(template.facts.event("agreement")?.domain.title == "Export controls")
    }

    @Test func anUndeclaredDomainListsTheDeclaredOnes() throws {
        let message = try failure(prefix: Self.chipDomains)
        #expect(message.contains("data.yaml:"), "\(message)")
        #expect(message.contains("'energy' is not one of the domains: industry, controls, policy"), "\(message)")
        #expect(message.contains("declare it under 'domains:'"), "\(message)")
    }

    @Test func gradesAreTheTemplates() throws {
        let grades = """
            grades:
              - id: verified
              - id: single-source
                marker: "*"
                legend: "Single source: one outlet reports it."

            """
        let template = try load(prefix: grades) { fixture in
            let text = try fixture.read("data.yaml").replacingOccurrences(of: "confidence: confirmed", with: "confidence: verified")
                .replacingOccurrences(of: "confidence: reported", with: "confidence: single-source")
                .replacingOccurrences(of: "confidence: unconfirmed", with: "confidence: single-source")
            try fixture.write("data.yaml", text)
        }.get()
        let lowest = try #require(template.facts.grade("single-source"))
        #expect(lowest.marker == "*" && lowest.isLowest && lowest.legend(.english) == "Single source: one outlet reports it.")
        #expect(template.facts.figure("sites")?.attribution.confidence == lowest)

        let unknown = try failure(prefix: grades)
        #expect(unknown.contains("'confirmed' is not one of the grades: verified, single-source"), "\(unknown)")
        let marked = try failure(prefix: "grades:\n  - id: top\n    marker: \"!\"\n")
        #expect(marked.contains("data.yaml:3:13: error: field 'grades[0].marker': the best grade carries no marker"), "\(marked)")
    }

    @Test func qualifiersAreFreeUnlessDeclaredAndRangesReadAsRanges() throws {
        let free = try load { fixture in
            try fixture.write(
                "data.yaml",
                try fixture.read("data.yaml").replacingOccurrences(of: "qualifier: about", with: "qualifier: up to")
                    .replacingOccurrences(of: "value: 1250", with: "value: [1200, 1300]"))
        }.get()
        #expect(free.facts.figure("sites")?.formatted() == "up to 42 sites")
        #expect(free.facts.figure("capacity")?.formatted() == "between 1,200 and 1,300 MW")
        #expect(free.facts.figure("capacity")?.formattedValue == "1,200\u{2013}1,300")

        let declared = try failure(prefix: "qualifiers: [up to, at least]\n")
        #expect(declared.contains("'about' is not one of the qualifiers: up to, at least"), "\(declared)")
        let backwards = try failure {
            try $0.write("data.yaml", try $0.read("data.yaml").replacingOccurrences(of: "value: 1250", with: "value: [1300, 1200]"))
        }
        #expect(backwards.contains("a range runs from low to high"), "\(backwards)")
    }

    @Test func aSupplySeriesNeedsNoFocus() throws {
        let template = try load {
            try $0.write("data.yaml", try $0.read("data.yaml").replacingOccurrences(of: "    focus: Supplier A\n", with: ""))
        }
        .get()
        #expect(template.facts.series("equipment")?.focus == nil)
    }

    /// A quarter row is named like its period in placeholders and edition keys, without spaces.
    @Test func quarterRowsHavePlaceholderSafeKeys() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let template = try TemplateLoader.load(directory: fixture.directory)
        #expect(template.facts.series("foundry-share")?.rows.map(\.key) == ["Q1-2025", "Q2-2025", "Q3-2025"])
        #expect(template.facts.contains(.share(series: "foundry-share", row: "Q2-2025", supplier: "tsmc")))
    }
}
