import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Values as YAML and a reader mean them: a plain `~`, `null` or nothing leaves an optional
/// field out (quoted, it is that text); a range takes no qualifier ("about between 40 and
/// 46%"); a number too large to hold is out of range, not "not a number".
@Suite struct YAMLValueTests {
    static let template = "Templates/sino-pak"
    static let note = "    note: the source essay gives \"over 25,000\"\n"

    @Test(arguments: ["~", "null", "NULL", ""])
    func aPlainNullLeavesAnOptionalFieldOut(_ spelling: String) throws {
        let template = try FixtureLoading.load(Self.template) { fixture in
            try fixture.replace("data.yaml", Self.note, with: "    note: \(spelling)\n".replacingOccurrences(of: ": \n", with: ":\n"))
        }
        let students = try #require(template.facts.figures.first { $0.id == "students" })
        #expect(students.attribution.note == nil)
    }

    @Test func aQuotedNullIsText() throws {
        let template = try FixtureLoading.load(Self.template) { fixture in
            try fixture.replace("data.yaml", Self.note, with: "    note: '~ null'\n")
        }
        #expect(template.facts.figures.first { $0.id == "students" }?.attribution.note == "~ null")
    }

    @Test func aRequiredFieldGivenAsNullIsMissingText() throws {
        let message = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    label: Pakistani students in China\n", with: "    label: ~\n")
        }
        #expect(message.contains("error: field 'figures[0].label': expected text, found nothing"), "\(message)")
    }

    @Test func aRangeTakesNoQualifier() throws {
        var line = 0
        let message = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    value: 25000\n    qualifier: over\n", with: "    value: [25000, 26000]\n    qualifier: over\n")
            line = try fixture.line(of: "    value: [25000, 26000]", in: "data.yaml") + 1
        }
        #expect(
            message.contains(
                "data.yaml:\(line):16: error: field 'figures[1].qualifier': a range (25,000 to 26,000) takes no qualifier; its bounds already say how exact it is"
            ), "\(message)")
        #expect(message.contains("hint: drop 'qualifier', or give one value with it"))
    }

    @Test func aNumberTooLargeToHoldIsOutOfRange() throws {
        let message = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    value: 28023\n", with: "    value: 1e400\n")
        }
        #expect(message.contains("field 'figures[0].value': 1e400 is out of range (at most 10^15 either side of zero)"), "\(message)")
        let notANumber = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    value: 28023\n", with: "    value: inf\n")
        }
        #expect(notANumber.contains("field 'figures[0].value': expected a number, found 'inf'"), "\(notANumber)")
    }

    @Test func onlyDecimalNumbersAreNumbersAndNoneUnderflows() throws {
        func message(_ value: String) throws -> String {
            try FixtureLoading.failure(Self.template) { fixture in
                try fixture.replace("data.yaml", "    value: 28023\n", with: "    value: \(value)\n")
            }
        }
        #expect(try message("0x1F").contains("field 'figures[0].value': expected a number, found '0x1F'"))
        for slip in ["_1", "1__0", "1_", "1_.5"] {
            #expect(try message(slip).contains("'_' may only stand between two digits"), "\(slip)")
        }
        #expect(try message("1e-301").contains("is out of range (too small to hold"))
        let tiny = try message("1e-400")
        #expect(tiny.contains("field 'figures[0].value': 1e-400 is out of range (too small to hold: at least 10^-300 from zero, or 0)"), "\(tiny)")
        let long = try message(String(repeating: "9", count: 5000))
        let line = try #require(long.split(separator: "\n").first { $0.contains("figures[0].value") })
        #expect(line.count < 300 && line.contains("(5000 characters)"), "\(line.prefix(300))")
    }

    @Test func aSourceWithABadFieldIsNotAlsoAnUnknownSourceEverywhereItIsCited() throws {
        let message = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    year: 2024\n  - id: thenews-students\n", with: "    year: 1e400\n  - id: thenews-students\n")
        }
        #expect(message.contains("field 'sources[0].year'"), "\(message)")
        #expect(!message.contains("unknown source id 'issra-insight'"), "\(message)")
    }

    @Test func aQuoteLeftOpenIsNamedWhereItOpens() throws {
        var line = 0
        let message = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    label: Pakistani PhD students in China\n", with: "    label: \"open Pakistani PhD students\n")
            line = try fixture.line(of: "label: \"open Pakistani", in: "data.yaml")
        }
        #expect(message.contains("hint: a quoted value opened on line \(line), column 12 is not closed on its line"), "\(message)")
        let unrelated = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", "    label: Pakistani PhD students in China\n", with: "    label: [Pakistani PhD students\n")
        }
        #expect(unrelated.contains("YAML syntax error") && !unrelated.contains("quoted value opened"), "\(unrelated)")
        // A value written over two lines is no unclosed quote, whatever fails below it.
        let multiline = try FixtureLoading.failure(Self.template) { fixture in
            try fixture.replace("data.yaml", Self.note, with: "    note: 'the source essay gives\n      over 25,000'\n")
            try fixture.replace("data.yaml", "    value: 6156\n", with: "    value: @6156\n")
        }
        #expect(multiline.contains("YAML syntax error") && !multiline.contains("quoted value opened"), "\(multiline)")
    }
}
