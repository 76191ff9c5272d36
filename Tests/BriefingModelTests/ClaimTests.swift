import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// The claim language: parsing with located errors, and evaluation against the default
/// briefing's facts with the values that make a claim false.
@Suite struct ClaimTests {
    let facts = try! TemplateLoader.load(directory: TemplateFixture.repository.appendingPathComponent("Templates/sino-pak")).facts

    private func check(_ condition: String) throws -> (holds: Bool, why: String) {
        try ClaimEvaluator(facts: facts).check(try ClaimParser.parse(condition))
    }

    @Test func precedenceIsOrAndNotComparisonSumProduct() throws {
        #expect(try ClaimParser.parse("1 + 2 * 3 > 6 and not 1 > 2 or 0 > 1").description == "1 + 2 * 3 > 6 and not 1 > 2 or 0 > 1")
        #expect(try check("1 + 2 * 3 == 7").holds)
        #expect(try check("(1 + 2) * 3 == 9 and not (2 < 1)").holds)
        #expect(try check("80% == 80").holds)
        #expect(try check("-2 < 0").holds)
    }

    @Test func factsFieldsAndSeries() throws {
        #expect(try check("fig.students == 28023 and fig.students.source == 'thenews-students'").holds)
        #expect(try check("fig.students.confidence == 'reported'").holds)
        #expect(try check("supply.pakistan-arms-imports.latest.china == 80 and supply.pakistan-arms-imports.first.china == 45").holds)
        #expect(try check("supply.pakistan-arms-imports.2021-25.china > supply.pakistan-arms-imports.previous.china - 5").holds)
        #expect(try check("count(supply.pakistan-arms-imports.*.china) >= 5 and min(supply.pakistan-arms-imports.*.china) == 45").holds)
        #expect(try check("all(supply.pakistan-arms-imports.*.china > 40) and any(supply.pakistan-arms-imports.*.china >= 80)").holds)
        #expect(try check("projection.ecommerce-trade.cagr > 30").holds)
    }

    @Test func aFalseClaimSaysWhichValuesMakeItFalse() throws {
        let rising = try check("rising(supply.pakistan-arms-imports.*.china)")
        #expect(!rising.holds)
        #expect(rising.why == "supply.pakistan-arms-imports.*.china: 2020\u{2013}24 81 is not above 2019\u{2013}23 82")
        let comparison = try check("fig.students < fig.students-essay")
        #expect(comparison.why == "fig.students (28,023) < fig.students-essay (25,000) is false")
        let every = try check("all(supply.pakistan-arms-imports.*.china > 50)")
        #expect(every.why.hasPrefix("2008\u{2013}12: supply.pakistan-arms-imports.*.china (45) > 50 is false"), "\(every.why)")
        let both = try check("1 > 2 or fig.students.source == 'other'")
        #expect(both.why == "1 > 2 is false; fig.students.source ('thenews-students') == 'other' is false")
    }

    @Test(arguments: [
        ("fig.students >", 14, "the condition ends too early"),
        ("fig.students > > 2", 15, "unexpected '>'"),
        ("rizing(supply.x.*.china)", 0, "unknown function 'rizing'"),
        ("fig.students = 2", 13, "'=' cannot stand in a claim"),
        ("'open", 0, "text is not closed"),
        ("(1 > 2", 6, "expected ')'"),
    ])
    func syntaxErrorsAreLocated(condition: String, offset: Int, message: String) {
        do {
            _ = try ClaimParser.parse(condition)
            Issue.record("'\(condition)' parsed")
        } catch {
            #expect(error.offset == offset && error.message.contains(message), "\(error.offset): \(error.message)")
        }
    }

    @Test func unknownFactsAndFieldsGetASuggestion() throws {
        func failure(_ condition: String) throws -> ClaimEvaluator.Failure? {
            do {
                _ = try check(condition)
                return nil
            } catch let error as ClaimEvaluator.Failure {
                return error
            }
        }
        let fact = try #require(try failure("fig.studnts > 1"))
        #expect(fact.message == "unknown fact 'fig.studnts'" && fact.hint == "did you mean 'fig.students'?")
        let field = try #require(try failure("fig.students.sorce == 'x'"))
        #expect(field.message == "'fig.students.sorce' has no field 'sorce'" && field.hint == "did you mean 'source'?")
        let mixed = try #require(try failure("fig.students == 'many'"))
        #expect(mixed.message.contains("cannot compare a number with text"))
    }
}
