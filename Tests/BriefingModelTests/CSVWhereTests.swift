import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// `where:` on a CSV import keeps the rows whose cell in a column is one of the given values.
/// `Tests/Fixtures/recipients` keeps every partner's figures, events and trade in the same
/// three files and picks the briefing's rows with `where: {Partner: "{{param.partner}}"}`.
@Suite struct CSVWhereTests {
    private let directory = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/recipients")

    /// Each partner's briefing holds its own rows of every file, and no other partner's.
    @Test func eachPartnerReadsOnlyItsOwnRows() throws {
        let students = ["Pakistan": 28_023.0, "Bangladesh": 9_800, "Nepal": 6_400, "Sri Lanka": 3_100, "Maldives": 410]
        for (partner, count) in students {
            let facts = try TemplateLoader.load(directory: directory, parameters: ["partner": partner]).facts
            #expect(facts.figures.map(\.id) == ["students", "loans"], "\(partner)")
            #expect(facts.figure("students")?.value == count)
            #expect(facts.figures.allSatisfy { $0.label.hasSuffix(partner) || $0.label.contains("from \(partner) ") })
            #expect(facts.events.map(\.id) == ["ties", "bri"])
            #expect(facts.events.allSatisfy { $0.title.contains(partner) }, "\(facts.events.map(\.title))")
            let imports = try #require(facts.dataSeries("imports"))
            #expect(imports.points.map(\.period.description) == ["2019", "2020", "2021", "2022", "2023"])
            // Every kept value still names its own line of the shared file.
            let lines = Set(imports.points.compactMap(\.origin?.line))
            #expect(lines.count == 5)
            let text = try String(contentsOf: directory.appendingPathComponent("data/trade.csv"), encoding: .utf8)
            let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { rows[$0 - 1].hasPrefix("\(partner),") }, "\(partner): \(lines.sorted())")
        }
    }

    /// A value no row holds (a partner added to `values:` without data) and a column the
    /// file does not have are errors at the `where:` entry, with the closest candidate.
    @Test func aValueOrColumnTheFileLacksIsLocated() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/recipients")
        defer { fixture.remove() }
        try fixture.replace("briefing.yaml", "Sri Lanka, Maldives]", with: "Sri Lanka, Maldives, Maldivs, Laos]")
        func failure(_ partner: String) throws -> String {
            do {
                _ = try TemplateLoader.load(directory: fixture.directory, parameters: ["partner": partner])
                Issue.record("\(partner) loaded although no row has it")
                return ""
            } catch let error as InputError {
                #expect(error.kind == .invalidData)
                return "\(error)"
            }
        }
        let line = try fixture.line(of: "  where: {Partner:", in: "data.yaml")
        let near = try failure("Maldivs")
        #expect(near.contains("data.yaml:\(line):"), "\(near)")
        #expect(near.contains("no row of ") && near.contains("data/figures.csv has 'Maldivs' in the column 'Partner'"), "\(near)")
        #expect(near.contains("did you mean 'Maldives'?"), "\(near)")
        #expect(near.contains("data/events.csv has 'Maldivs'") && near.contains("data/trade.csv has 'Maldivs'"))
        let far = try failure("Laos")
        #expect(far.contains("the column has Pakistan, Bangladesh, Myanmar, Nepal, Sri Lanka, Maldives"), "\(far)")

        try fixture.replace("data.yaml", "where: {Partner: \"{{param.partner}}\"}\n  defaults", with: "where: {Partnr: x}\n  defaults")
        let column = try failure("Nepal")
        #expect(column.contains("'Partnr' is not a column of") && column.contains("did you mean 'Partner'?"), "\(column)")
    }

    /// A list is any of its values; two columns must both match; a `where:` column is not a
    /// supplier of a wide table.
    @Test func aListIsAnyOfItsValues() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/recipients")
        defer { fixture.remove() }
        try fixture.replace(
            "data.yaml", "  file: data/events.csv\n  where: {Partner: \"{{param.partner}}\"}",
            with: "  file: data/events.csv\n  where: {Partner: Nepal, ID: [bri, ties]}")
        let facts = try TemplateLoader.load(directory: fixture.directory, parameters: ["partner": "Pakistan"]).facts
        #expect(facts.events.map(\.title) == ["Diplomatic relations with Nepal established", "Nepal joins the Belt and Road Initiative"])
        #expect(facts.figure("students")?.value == 28_023, "the figures still follow the parameter")
        #expect(facts.dataSeries("imports")?.points.count == 5)
        // Two partners' rows for one year: a duplicate period, refused as a typed one would be.
        try fixture.replace(
            "data.yaml", "where: {Partner: \"{{param.partner}}\"}\n      columns",
            with: "where: {Partner: [Nepal, Maldives], Year: 2019}\n      columns")
        #expect(throws: InputError.self) {
            _ = try TemplateLoader.load(directory: fixture.directory, parameters: ["partner": "Pakistan"])
        }
    }

    /// An entry that cannot be read (an empty list, an empty value) is one error at its line,
    /// not the dozens of duplicate rows reading every partner would give.
    @Test func anUnreadableEntryIsOneError() throws {
        for (entry, message) in [("Partner: []", "an empty list keeps no row"), ("Partner: \"\"", "expected text, found nothing")] {
            let fixture = try TemplateFixture(copying: "Tests/Fixtures/recipients")
            defer { fixture.remove() }
            try fixture.replace(
                "data.yaml", "  file: data/events.csv\n  where: {Partner: \"{{param.partner}}\"}",
                with: "  file: data/events.csv\n  where: {\(entry)}")
            do {
                _ = try TemplateLoader.load(directory: fixture.directory, parameters: ["partner": "Nepal"])
                Issue.record("\(entry) loaded")
            } catch let error as InputError {
                let errors = error.diagnostics.filter { $0.severity == .error }
                #expect(errors.count <= 2 && "\(error)".contains(message), "\(entry): \(error)")
                #expect(!"\(error)".contains("duplicate"), "\(error)")
            }
        }
    }
}
