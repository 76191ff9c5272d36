import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Supply shares computed from an export in SIPRI's TIV layout (`Tests/Fixtures/tiv`, a
/// Latin-1 file written by hand: empty cells, a supplier delivering in one year only, a
/// `Total` that does not add up), checked against the shares computed by hand.
@Suite struct TIVImportTests {
    private func load(_ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Template {
        try FixtureLoading.load("Tests/Fixtures/tiv", edit)
    }

    private func failure(_ edit: (TemplateFixture) throws -> Void) throws -> String {
        try FixtureLoading.failure("Tests/Fixtures/tiv", edit)
    }

    @Test func sharesEqualTheHandComputedOnes() throws {
        let template = try load()
        let series = try #require(template.facts.series("tiv-shares"))
        #expect(series.rows.map(\.label) == ["2008\u{2013}12", "2013\u{2013}17", "2017\u{2013}21"])
        // Deliveries by period (TIV millions): 2008-12 total 4,640 (China 2,820, United States
        // 1,600, Türkiye 10, Sweden 150 in 2010 only, Italy 60); 2013-17 total 3,660 (3,050,
        // 520, 50, 0, 40); 2017-21 total 3,970 (3,650, 60, 250, 0, 10).
        let expected: [[(String, Double)]] = [
            [("China", 2820.0 / 4640 * 100), ("United States", 1600.0 / 4640 * 100), ("Türkiye", 10.0 / 4640 * 100)],
            [("China", 3050.0 / 3660 * 100), ("United States", 520.0 / 3660 * 100), ("Türkiye", 50.0 / 3660 * 100)],
            [("China", 3650.0 / 3970 * 100), ("United States", 60.0 / 3970 * 100), ("Türkiye", 250.0 / 3970 * 100)],
        ]
        for (row, shares) in zip(series.rows, expected) {
            #expect(row.shares.map(\.supplier) == shares.map(\.0), "the focus, then the largest over all periods")
            #expect(row.shares.map(\.percent) == shares.map(\.1), "exact shares in \(row.label)")
        }
        // "All others" is the model's remainder: Sweden and Italy.
        #expect(abs(series.rows[0].remainder - 210.0 / 4640 * 100) < 1e-9)
        #expect(abs(series.rows[2].remainder - 10.0 / 3970 * 100) < 1e-9)
        #expect(series.rows[0].attribution.note == "computed from SIPRI TIV, export generated 22 April 2022")
        // The 2021 Total is 25 more than its suppliers: a warning at its cell.
        let warning = try #require(template.facts.importWarnings.first)
        #expect(warning.message == "the Total for 2021 is 995 but its suppliers add up to 970")
        #expect(warning.location.file.hasSuffix("pakistan-tiv.csv") && warning.location.line == 15)
    }

    @Test func everyAndEndAskForConsecutivePeriods() throws {
        let template = try load { fixture in
            try fixture.replace("data.yaml", "      periods: [2008-12, 2013-17, 2017-21]\n", with: "      every: 4\n      end: 2021\n")
        }
        #expect(template.facts.series("tiv-shares")?.rows.map(\.label) == ["2010\u{2013}13", "2014\u{2013}17", "2018\u{2013}21"])
    }

    @Test func badImportsAreLocatedErrors() throws {
        let outside = try failure { try $0.replace("data.yaml", "[2008-12, 2013-17, 2017-21]", with: "[2003-07, 2013-17]") }
        #expect(
            outside.contains("data.yaml:16:17: error: the period 2003\u{2013}07 is outside the export's years (2008\u{2013}2021)"),
            "\(outside)")
        let focus = try failure { try $0.replace("data.yaml", "    focus: China\n", with: "    focus: Chna\n") }
        #expect(
            focus.contains("the supplier 'Chna' is not in data/pakistan-tiv.csv") && focus.contains("did you mean 'China'?"), "\(focus)")
        let missing = try failure { try $0.replace("data.yaml", "data/pakistan-tiv.csv", with: "data/none.csv") }
        #expect(missing.contains("'data/none.csv': no such file"), "\(missing)")
        let format = try failure { try $0.replace("data.yaml", "format: sipri-tiv", with: "format: sipri") }
        #expect(format.contains("'sipri' is not one of table, sipri-tiv"), "\(format)")
        func editCSV(_ fixture: TemplateFixture, _ old: String, _ new: String) throws {
            let url = fixture.url("data/pakistan-tiv.csv")
            let text = String(data: try Data(contentsOf: url), encoding: .isoLatin1)!
            try text.replacingOccurrences(of: old, with: new).data(using: .isoLatin1)!.write(to: url)
        }
        let thousands = try failure { try editCSV($0, "China,370,", "China,\"1,370\",") }
        #expect(thousands.contains("pakistan-tiv.csv:9:2: error: '1,370' is not a TIV value (year 2008)"), "\(thousands)")
        let na = try failure { try editCSV($0, "Italy,20,", "Italy,n/a,") }
        #expect(na.contains("pakistan-tiv.csv:13:2: error: 'n/a' is not a TIV value (year 2008)"), "\(na)")
        let twice = try failure { try editCSV($0, "Italy,", "China,") }
        #expect(twice.contains("pakistan-tiv.csv:13:1: error: the supplier 'China' appears twice"), "\(twice)")
        let layout = try failure { try editCSV($0, "Total\r\n", "Sum\r\n") }
        #expect(layout.contains("not a SIPRI TIV export: no header row of years ending in 'Total'"), "\(layout)")
        let quote = try failure { try editCSV($0, "Source: SIPRI", "\"Source: SIPRI") }
        #expect(quote.contains("pakistan-tiv.csv:6:1: error: a quoted field is never closed"), "\(quote)")
        let ragged = try failure { try editCSV($0, "Sweden,,,150,,,,,,,,,,,,150", "Sweden,,150,,,,,,,,,,,,150") }
        #expect(ragged.contains("pakistan-tiv.csv:12:16: error: this row has 15 cells but the header has 16"), "\(ragged)")
    }

    @Test func utf8WithAByteOrderMarkReadsTheSame() throws {
        let table = try CSVTable(
            data: Data([0xEF, 0xBB, 0xBF]) + Data("a,b\r\n\"x, y\",\"two\nlines\"\r\nT\u{00FC}rkiye,3\r\n".utf8), file: "t.csv")
        #expect(table.rows == [["a", "b"], ["x, y", "two\nlines"], ["Türkiye", "3"]])
        #expect(table.lines == [1, 2, 4], "a quoted line break moves the next row down a line")
        let latin1 = try CSVTable(data: Data([0x54, 0xFC, 0x72, 0x6B, 0x69, 0x79, 0x65, 0x2C, 0x31]), file: "l.csv")
        #expect(latin1.rows == [["Türkiye", "1"]])
    }
}
