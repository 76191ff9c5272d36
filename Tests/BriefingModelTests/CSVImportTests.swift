import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Facts read from CSV files (`Tests/Fixtures/csv`, written by hand): events from a UTF-8
/// file with a byte-order mark and CRLF lines (a quoted comma, a quoted line break), figures
/// from a Latin-1 file whose headers are mapped, two line series from one wide table, a
/// supply series from a table of shares and one from a TIV export of another recipient.
@Suite struct CSVImportTests {
    private func load(_ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Template {
        try FixtureLoading.load("Tests/Fixtures/csv", edit)
    }

    private func failure(_ edit: (TemplateFixture) throws -> Void) throws -> String {
        try FixtureLoading.failure("Tests/Fixtures/csv", edit)
    }

    /// Replaces text in a CSV file, keeping its encoding (the figures are Latin-1).
    private func edit(_ fixture: TemplateFixture, _ file: String, _ old: String, _ new: String, latin1: Bool = false) throws {
        let url = fixture.url(file)
        let encoding: String.Encoding = latin1 ? .isoLatin1 : .utf8
        let text = try #require(String(data: try Data(contentsOf: url), encoding: encoding))
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' once in \(file)")
        try #require(text.replacingOccurrences(of: old, with: new).data(using: encoding)).write(to: url)
    }

    @Test func figuresReadTheirMappedColumns() throws {
        let facts = try load().facts
        #expect(facts.figures.map(\.id) == ["trade-total", "tuerkiye-share", "students"])
        let share = try #require(facts.figure("tuerkiye-share"))
        #expect(share.label == "Share of imports from Türkiye", "a Latin-1 file")
        #expect(share.value == 3 && share.upper == 5 && share.unit == "%", "a range from 'Amount' and 'To'")
        #expect(share.asOf?.description == "2025", "'As of' is the field as_of without mapping")
        #expect(share.attribution.confidence.id == "reported" && share.attribution.sourceID == "test-ministry")
        #expect(facts.figure("students")?.unit == "", "an empty cell is an absent field")
        // Every value keeps its file, row and column.
        #expect(facts.figure("trade-total")?.origin?.description.hasSuffix("/data/figures.csv:2:3") == true)
        #expect(share.location.line == 3 && share.location.file.hasSuffix("data/figures.csv"))
    }

    @Test func eventsKeepQuotedCommasAndLineBreaks() throws {
        let facts = try load().facts
        #expect(facts.events.map(\.id) == ["port-deal", "rail-link", "frigates", "sat-launch"])
        #expect(facts.event("port-deal")?.title == "Port agreement signed, phase 1")
        let rail = try #require(facts.event("rail-link"))
        #expect(rail.when.description == "Q2 2020\u{2013}Q4 2023", "a span from 'Start' and 'End'")
        #expect(rail.attribution.note == "Delayed twice;\nopened late")
        // The quoted line break moves the next rows down a line.
        #expect(facts.event("frigates")?.location.line == 5)
        #expect(facts.event("sat-launch")?.location.line == 6)
    }

    @Test func lineSeriesReadTheirOwnColumnOfOneTable() throws {
        let facts = try load().facts
        let imports = try #require(facts.dataSeries("imports"))
        #expect(imports.points.map(\.period.description) == ["2019", "2020", "2022", "2023"], "2021 has no value: no point")
        #expect(imports.points.map(\.value) == [17.2, 15.1, 22.9, 22.0])
        #expect(imports.points.last?.origin.map { "\($0.line):\($0.column)" } == "6:3")
        #expect(facts.dataSeries("exports")?.points.map(\.value) == [0.8, 0.7, 0.9, 1.1, 1.0])
    }

    @Test func supplySharesFromATable() throws {
        let series = try #require(try load().facts.series("bd-typed"))
        #expect(series.rows.map(\.label) == ["2014\u{2013}18", "2019\u{2013}23"])
        #expect(series.rows[0].shares.map(\.supplier) == ["China", "Russia"], "an empty cell is no share")
        #expect(series.rows[1].shares.map(\.percent) == [72, 11, 1.5])
        #expect(abs(series.rows[1].remainder - 15.5) < 1e-9)
        #expect(series.rows[1].attribution.confidence.id == "reported", "the series' grade")
        #expect(series.rows[1].shares[2].origin.map { "\($0.line):\($0.column)" } == "3:4")
    }

    /// A second recipient, UTF-8-free Latin-1 with LF lines: a supplier with a '0' cell, one
    /// delivering in one year only, and 'unknown supplier(s)'; shares computed by hand.
    @Test func tivSharesOfAnotherRecipient() throws {
        let template = try load()
        let series = try #require(template.facts.series("bd-tiv"))
        // 2014-18: 2,435 in all (China 2,050, Russia 350, Türkiye 0, United States 20,
        // United Kingdom 10, unknown 5); 2019-23: 1,740 (1,500, 100, 90, 45, 5, 0).
        #expect(series.rows[0].shares.map(\.supplier) == ["China", "Russia", "Türkiye"])
        let first: [Double] = [2050.0 / 2435 * 100, 350.0 / 2435 * 100, 0]
        let latest: [Double] = [1500.0 / 1740 * 100, 100.0 / 1740 * 100, 90.0 / 1740 * 100]
        #expect(series.rows[0].shares.map(\.percent) == first)
        #expect(series.rows[1].shares.map(\.percent) == latest)
        #expect(abs(series.rows[0].remainder - 35.0 / 2435 * 100) < 1e-9)
        #expect(abs(series.rows[1].remainder - 50.0 / 1740 * 100) < 1e-9)
        #expect(template.facts.importWarnings.isEmpty, "its Total row adds up")
        // A share's origin: the supplier's cell for the period's first year.
        #expect(series.rows[1].shares[0].origin.map { "\($0.line):\($0.column)" } == "9:7")
    }

    @Test func malformedCSVIsALocatedError() throws {
        let unclosed = try failure { try edit($0, "data/trade.csv", "2020,0.7,15.1,pandemic", "2020,0.7,15.1,\"pandemic") }
        #expect(unclosed.contains("data/trade.csv:3:4: error: a quoted field is never closed"), "\(unclosed)")
        let stray = try failure { try edit($0, "data/trade.csv", "2020,0.7,15.1,pandemic", "2020,0.7,15.1,pan\"demic\"") }
        #expect(stray.contains("data/trade.csv:3:1: error: a quote in the middle of a field"), "\(stray)")
        let ragged = try failure { try edit($0, "data/trade.csv", "2022,1.1,22.9,", "2022,1.1,22.9") }
        #expect(ragged.contains("data/trade.csv:5:4: error: this row has 3 cells but the header has 4"), "\(ragged)")
        let thousands = try failure {
            try edit($0, "data/figures.csv", "Students in China,12500", "Students in China,\"12,500\"", latin1: true)
        }
        #expect(
            thousands.contains("data/figures.csv:4:3: error: field 'figures[2].value': expected a number, found '12,500'"), "\(thousands)")
        let na = try failure { try edit($0, "data/trade.csv", "2019,0.8,17.2", "2019,n/a,17.2") }
        #expect(na.contains("data/trade.csv:2:2: error: field 'points.2019': expected a number, found 'n/a'"), "\(na)")
        let twice = try failure { try edit($0, "data/trade.csv", "2023,1.0,22.0", "2022,1.0,22.0") }
        #expect(twice.contains("data/trade.csv:6:2: error: field 'points.2022': the period 2022 is already given as '2022'"), "\(twice)")
        let duplicate = try failure { try edit($0, "data/events.csv", "frigates,2021", "port-deal,2021") }
        #expect(duplicate.contains("data/events.csv:5:1: error:") && duplicate.contains("port-deal"), "\(duplicate)")
        let domain = try failure { try edit($0, "data/events.csv", "space,Weather", "spaec,Weather") }
        #expect(domain.contains("data/events.csv:6:5: error:") && domain.contains("did you mean 'space'?"), "\(domain)")
    }

    @Test func filesAndColumnsThatDoNotMatchAreLocatedErrors() throws {
        let missing = try failure { try $0.replace("data.yaml", "file: data/events.csv", with: "file: data/event.csv") }
        #expect(missing.contains("data.yaml:") && missing.contains("'data/event.csv': no such file"), "\(missing)")
        let outside = try failure { try $0.replace("data.yaml", "file: data/events.csv", with: "file: ../events.csv") }
        #expect(outside.contains("'../events.csv' points outside the template folder"), "\(outside)")
        let column = try failure { try $0.replace("data.yaml", "value: Amount,", with: "value: Amuont,") }
        #expect(
            column.contains("data.yaml:25:42: error: 'Amuont' is not a column of") && column.contains("did you mean 'Amount'?"), "\(column)"
        )
        let field = try failure { try $0.replace("data.yaml", "upper: To,", with: "uper: To,") }
        #expect(field.contains("'uper' is not a field here") && field.contains("did you mean 'upper'?"), "\(field)")
        let required = try failure { try $0.replace("data.yaml", "label: What, ", with: "") }
        #expect(required.contains("has no column for 'label'") && required.contains("Key, What, Amount"), "\(required)")
        let large = try failure { fixture in
            try Data(repeating: 0x41, count: CSVTable.maximumBytes + 1).write(to: fixture.url("data/trade.csv"))
        }
        #expect(large.contains("'data/trade.csv': the file is too large"), "\(large)")
        let suppliers = try failure {
            try $0.replace("data.yaml", "from: {file: data/shares.csv}", with: "from: {file: data/shares.csv, suppliers: [China, Rusia]}")
        }
        #expect(suppliers.contains("'Rusia' is not a supplier column") && suppliers.contains("did you mean 'Russia'?"), "\(suppliers)")
    }

    /// Defaults fill a field the file has no column for.
    @Test func defaultsFillMissingColumns() throws {
        let template = try load { fixture in
            try edit(fixture, "data/figures.csv", ",Grade,Source\n", ",Grade\n", latin1: true)
            for row in ["2025,confirmed,test-ministry", "2025,reported,test-ministry", "2024,reported,test-ministry"] {
                try edit(fixture, "data/figures.csv", row, String(row.dropLast(",test-ministry".count)), latin1: true)
            }
            try fixture.replace("data.yaml", "confidence: Grade}", with: "confidence: Grade}\n  defaults: {source: test-ministry}")
        }
        #expect(template.facts.figures.allSatisfy { $0.attribution.sourceID == "test-ministry" })
    }

    /// A million duplicate rows took 55 s, 3.4 GB and printed two million errors: a file past
    /// its list's limit is refused at the first row past it, and at most 50 problems a file are
    /// printed, then how many more.
    @Test func runawayFilesAreRefusedEarlyAndErrorsCapped() throws {
        let header = "Key,What,Amount,To,Unit,As of,Grade,Source\n"
        let row = "trade-total,Trade with China,24.5,,bn USD,2025,confirmed,test-ministry\n"
        let tooMany = try FixtureLoading.failure("Tests/Fixtures/csv") { fixture in
            try fixture.write("data/figures.csv", header + String(repeating: row, count: 20_001))
        }
        #expect(tooMany.contains("data/figures.csv:20002:1: error: too many figures: 20,001 rows (the limit is 20,000)"), "\(tooMany)")
        #expect(tooMany.split(separator: "\n").count < 5)
        let duplicates = try FixtureLoading.failure("Tests/Fixtures/csv") { fixture in
            try fixture.write("data/figures.csv", header + String(repeating: row, count: 300))
        }
        let lines = duplicates.split(separator: "\n")
        #expect(lines.filter { $0.contains("figures.csv:") && $0.contains("duplicate figure id") }.count == InputError.shownPerFile)
        #expect(lines.contains { $0.hasSuffix("figures.csv: note: and 249 more problems in this file") }, "\(lines.suffix(3))")
    }
}
