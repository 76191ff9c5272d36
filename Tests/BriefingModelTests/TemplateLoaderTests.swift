import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Each bad input is written into a copy of the default template; the loader must report it
/// with the file, line, column and field, and keep going to report the others.
@Suite struct TemplateLoaderTests {
    /// Loads the fixture after `edit`, expecting failure; returns the error.
    private func failure(kind: InputError.Kind = .invalidData, _ edit: (TemplateFixture) throws -> Void) throws -> InputError {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        try edit(fixture)
        do {
            _ = try TemplateLoader.load(directory: fixture.directory)
        } catch let error as InputError {
            #expect(error.kind == kind)
            return error
        }
        Issue.record("the template loaded although it is invalid")
        return InputError(kind: kind, diagnostics: [])
    }

    private func expect(
        _ error: InputError, file: String, line: Int, column: Int? = nil, contains text: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let match = error.diagnostics.first { $0.message.contains(text) }
        #expect(match != nil, "no diagnostic contains '\(text)': \(error)", sourceLocation: sourceLocation)
        guard let match else { return }
        #expect(match.location.file.hasSuffix(file), sourceLocation: sourceLocation)
        #expect(match.location.line == line, "\(match)", sourceLocation: sourceLocation)
        if let column { #expect(match.location.column == column, "\(match)", sourceLocation: sourceLocation) }
    }

    @Test func loadsTheDefaultTemplate() throws {
        let template = try TemplateLoader.load(directory: TemplateFixture.repository.appendingPathComponent("Templates/sino-pak"))
        #expect(
            template.spec.sections.map(\.id) == [
                "overview", "it", "ai", "ecommerce", "defence", "strategic", "space", "semiconductors", "energy", "outlook",
            ])
        #expect(template.facts.figure("students")?.value == 28023)
        #expect(template.facts.event("paksat-mm1")?.when == .point(FuzzyDate(year: 2024, month: 5, day: 30)))
        let latest = try #require(template.facts.series("pakistan-arms-imports")?.rows.last)
        #expect(latest.percent(of: "China") == 80)
        #expect(abs(latest.remainder - 8.4) < 1e-9)
    }

    @Test func reportsYAMLSyntaxErrorsWithPosition() throws {
        let error = try failure { try $0.write("data.yaml", "sources:\n  - id: a\n    title: [unclosed\n") }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].location.file.hasSuffix("data.yaml"))
        #expect(error.diagnostics[0].location.line >= 3)
        #expect(error.diagnostics[0].message.contains("YAML"))
    }

    @Test func reportsUnknownSourceIDWithLineAndSuggestion() throws {
        var line = 0
        let error = try failure { fixture in
            try fixture.replace(
                "data.yaml", "    source: toi-fibre\n    confidence: reported\n  - id: fibre-cost",
                with: "    source: toi-fibr\n    confidence: reported\n  - id: fibre-cost")
            line = try fixture.line(of: "source: toi-fibr\n".trimmingCharacters(in: .newlines), in: "data.yaml")
        }
        expect(error, file: "data.yaml", line: line, column: 13, contains: "unknown source id 'toi-fibr'")
        #expect(error.diagnostics.first { $0.message.contains("toi-fibr") }?.hints == ["did you mean 'toi-fibre'?"])
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let error = try failure { fixture in
            try fixture.replace("data.yaml", "    value: 28023", with: "    value: lots")
            try fixture.replace("data.yaml", "    date: 2024-05-30", with: "    date: 2024-02-30")
            try fixture.replace(
                "data.yaml", "    confidence: confirmed\n  - id: joint-statement", with: "    confidence: certain\n  - id: joint-statement")
        }
        #expect(error.diagnostics.count == 3, "\(error)")
        #expect(error.description.contains("field 'figures[0].value': expected a number, found 'lots'"))
        #expect(error.description.contains("February 2024 has no day 30"))
        #expect(error.description.contains("'certain' is not one of the grades: confirmed, reported, unconfirmed"))
    }

    @Test func reportsUnknownKeysWithTheClosestValidKey() throws {
        var line = 0
        let error = try failure { fixture in
            try fixture.replace("data.yaml", "    label: Pakistani students in China\n", with: "    lable: Pakistani students in China\n")
            line = try fixture.line(of: "lable:", in: "data.yaml")
        }
        expect(error, file: "data.yaml", line: line, column: 5, contains: "unknown key 'figures[0].lable'")
        expect(error, file: "data.yaml", line: line - 1, contains: "missing required field 'figures[0].label'")
        #expect(error.diagnostics.first { $0.message.contains("lable") }?.hints == ["did you mean 'label'?"])
    }

    @Test func rejectsDuplicateKeysAndIDs() throws {
        var repeatLine = 0
        let duplicateKey = try failure { fixture in
            try fixture.replace("data.yaml", "    unit: km\n", with: "    unit: km\n    unit: miles\n")
            repeatLine = try fixture.line(of: "    unit: miles", in: "data.yaml")
        }
        // Located at the repeat, which is usually the mistake, naming the first.
        expect(
            duplicateKey, file: "data.yaml", line: repeatLine, column: 5,
            contains: "duplicate key 'unit' (first given on line \(repeatLine - 1))")
        // A repeated top-level key, far below the first.
        let duplicateTop = try failure { fixture in
            let text = try String(contentsOf: fixture.directory.appendingPathComponent("data.yaml"), encoding: .utf8)
            try (text + "\nevents:\n  - id: again\n").write(
                to: fixture.directory.appendingPathComponent("data.yaml"), atomically: true, encoding: .utf8)
            repeatLine = try fixture.line(of: "  - id: again", in: "data.yaml") - 1
        }
        expect(duplicateTop, file: "data.yaml", line: repeatLine, column: 1, contains: "duplicate key 'events' (first given on line")
        var line = 0
        let duplicateID = try failure { fixture in
            try fixture.replace("data.yaml", "  - id: phd-students", with: "  - id: students")
            line = try fixture.line(of: "  - id: students", in: "data.yaml")
        }
        #expect(duplicateID.diagnostics.contains { $0.message.contains("duplicate figure id 'students'") && $0.location.line > line })
    }

    @Test func rejectsImpossibleShares() throws {
        let negative = try failure { try $0.replace("data.yaml", "shares: {China: 45}", with: "shares: {China: -45}") }
        #expect(negative.description.contains("a share cannot be negative"))
        #expect(negative.description.contains("rows[0].shares.China"))

        let overHundred = try failure {
            try $0.replace("data.yaml", "shares: {China: 51, United States: 30}", with: "shares: {China: 81, United States: 30}")
        }
        #expect(overHundred.description.contains("sum to 111%, more than 100%"))

        let incomplete = try failure {
            try $0.replace("data.yaml", "shares: {China: 45}\n", with: "shares: {China: 45}\n        complete: true\n")
        }
        #expect(incomplete.description.contains("must sum to 100 ± 0.5%"))

        let empty = try failure { try $0.replace("data.yaml", "shares: {China: 45}", with: "shares: {}") }
        #expect(empty.description.contains("the series is empty"))

        // Every supplier must have a placeholder name of its own.
        let twice = try failure { try $0.replace("data.yaml", "shares: {China: 45}", with: "shares: {China: 40, \"CHINA\": 5}") }
        #expect(
            twice.description.contains("field 'supply[0].rows[0].shares.CHINA': the suppliers 'China' and 'CHINA' are both named 'china' in placeholders"),
            "\(twice)")
        // "Others" in a row that is not complete would be the computed remainder's name too.
        let others = try failure { try $0.replace("data.yaml", "shares: {China: 45}", with: "shares: {China: 40, Others: 5}") }
        #expect(others.description.contains("field 'supply[0].rows[0].shares.Others': a supplier named 'Others' in a row that is not complete"), "\(others)")
        // One period twice, however it is written.
        var second = 0
        let twiceRow = try failure { fixture in
            try fixture.replace("data.yaml", "      - period: 2010-14\n", with: "      - period: 2008-2012\n")
            second = try fixture.line(of: "      - period: 2008-2012", in: "data.yaml")
        }
        #expect(
            twiceRow.diagnostics.contains { $0.location.line == second && $0.message.contains("the row '2008–12' is already given (line \(second - 4), '2008–12')") },
            "\(twiceRow)")
        let nameless = try failure { try $0.replace("data.yaml", "shares: {China: 45}", with: "shares: {China: 40, \"★\": 5}") }
        #expect(nameless.description.contains("the supplier '★' has no letter or digit a placeholder can name it by"), "\(nameless)")
    }

    /// A name in another script gets a placeholder name by transliteration; names in Latin
    /// letters keep theirs.
    @Test func suppliersInOtherScriptsHavePlaceholderNames() {
        #expect(SupplySeries.slug("中国") == "zhong-guo")
        #expect(SupplySeries.slug("Россия") == "rossia")
        #expect(SupplySeries.slug("Türkiye") == "turkiye")
        #expect(SupplySeries.slug("United States") == "united-states")
        #expect(SupplySeries.slug("Côte d’Ivoire") == "cote-d-ivoire")
    }

    @Test func rejectsEventsWithoutDatesOrBackwardsSpans() throws {
        let noDate = try failure { try $0.replace("data.yaml", "    date: 1963\n", with: "") }
        #expect(noDate.description.contains("has no date"))
        let backwards = try failure {
            try $0.replace("data.yaml", "    start: 2002\n    end: 2021", with: "    start: 2021\n    end: 2002")
        }
        #expect(backwards.description.contains("the span ends (2002) before it starts (2021)"))
    }

    @Test func rejectsGrowthWithoutBasePeriod() throws {
        let error = try failure { try $0.replace("data.yaml", "    percent: 81\n    since: 2019\n", with: "    percent: 81\n") }
        #expect(error.description.contains("has no base period"))
    }

    @Test func rejectsMissingAndEscapingSectionFiles() throws {
        var line = 0
        let missing = try failure { fixture in
            try FileManager.default.removeItem(at: fixture.url("sections/space.md"))
            line = try fixture.line(of: "  - id: space", in: "briefing.yaml")
        }
        expect(missing, file: "briefing.yaml", line: line, column: 5, contains: "does not exist")

        let escaping = try failure { try $0.replace("briefing.yaml", "file: sections/ai.md", with: "file: ../../etc/passwd") }
        #expect(escaping.description.contains("points outside the template folder"))
    }

    @Test func missingTemplateIsNoInput() throws {
        #expect(throws: InputError.self) { try TemplateLoader.load(directory: URL(fileURLWithPath: "/nonexistent/template")) }
        let error = try failure(kind: .missingInput) { try FileManager.default.removeItem(at: $0.url("data.yaml")) }
        #expect(error.description.contains("no such file"))
    }

    @Test func refusesHugeFilesBeforeReadingThem() throws {
        let error = try failure { fixture in
            let handle = try FileHandle(forWritingTo: fixture.url("data.yaml"))
            try handle.truncate(atOffset: UInt64(TextFile.maximumSize + 1))
            try handle.close()
        }
        #expect(error.description.contains("the file is too large (16 MiB; the limit is 16 MiB)"))
    }

    @Test func enforcesTheEventLimitWithAClearError() throws {
        let error = try failure { fixture in
            var text = try fixture.read("data.yaml")
            for index in 0...Limits.events {
                text +=
                    "  - id: extra-\(index)\n    title: Extra\n    date: 2020\n    domain: it\n    source: issra-insight\n    confidence: reported\n"
            }
            try fixture.write("data.yaml", text)
        }
        #expect(error.description.contains("error: too many events: "))
        #expect(error.description.contains("(the limit is 20,000)"))
        #expect(error.diagnostics.count == 1)
    }

    @Test func survivesAliasBombsAndDeepNesting() throws {
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let aliases = try failure { try $0.write("data.yaml", bomb + "sources: *a12\n") }
        #expect(aliases.diagnostics.count < 30)
        let deep = try failure {
            try $0.write("data.yaml", "sources: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
        #expect(deep.description.contains("YAML syntax error"))
    }

    @Test func rejectsNonUTF8AndEmptyFiles() throws {
        let binary = try failure { try Data([0x66, 0x6F, 0xFF, 0xFE]).write(to: $0.url("data.yaml")) }
        #expect(binary.description.contains("not valid UTF-8"))
        let empty = try failure { try $0.write("data.yaml", "") }
        #expect(empty.description.contains("empty"))
    }
}
