import Testing

@testable import BriefingModel

/// Filling a label's `{slot}`s in one pass: what the old replace-per-slot did for every
/// label a template can hold, and never a value read again as a label.
@Suite struct LabelSlotTests {
    @Test func fillsEverySlotItHasAValueFor() {
        #expect(Labels.fill("Page {n} of {total}", ["n": "2", "total": "7"]) == "Page 2 of 7")
        #expect(Labels.fill("{n}{n}", ["n": "1"]) == "11")
        #expect(Labels.fill("{day} {month} {year}", ["day": "3", "month": "März", "year": "2025"]) == "3 März 2025")
    }

    @Test func leavesUnknownSlotsAndLoneBracesAsWritten() {
        #expect(Labels.fill("{unknown} and {n}", ["n": "1"]) == "{unknown} and 1")
        #expect(Labels.fill("a { b } c {", ["b": "x"]) == "a { b } c {")
        #expect(Labels.fill("{{n}}", ["n": "1"]) == "{1}")
        #expect(Labels.fill("}{n}{", ["n": "1"]) == "}1{")
        #expect(Labels.fill("no slots", ["n": "1"]) == "no slots")
        #expect(Labels.fill("", [:]) == "")
    }

    /// A value holding another slot's name stays as given, whichever order the values
    /// come in: replacing slot by slot could fill it in or not, by dictionary order.
    @Test func neverReadsAValueAsALabel() {
        #expect(Labels.fill("{start} to {end}", ["start": "{end}", "end": "2025"]) == "{end} to 2025")
    }

    @Test func keepsCharactersOutsideLatin() {
        #expect(Labels.fill("{year}年{month}月", ["year": "2025", "month": "3"]) == "2025年3月")
        #expect(Labels.fill("صفحہ {n}", ["n": "۲"]) == "صفحہ ۲")
    }

    /// The byte scan against the rule written plainly over Characters, on random labels made
    /// of braces, slot names, other text and non-Latin letters.
    @Test func agreesWithTheRuleOnRandomLabels() {
        func reference(_ text: String, _ values: [(String, String)]) -> String {
            let characters = Array(text)
            var result = "", index = 0
            while index < characters.count {
                guard characters[index] == "{",
                    let end = characters[(index + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }), characters[end] == "}",
                    let value = values.first(where: { $0.0 == String(characters[(index + 1)..<end]) })?.1
                else {
                    result.append(characters[index])
                    index += 1
                    continue
                }
                result += value
                index = end + 1
            }
            return result
        }
        let pieces = ["{", "}", "n", "total", "{n}", "{total}", "{x}", " ", "é", "年", "ab", "{{", "}}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let filled = Labels.fill(text, ["n": "1", "total": "{n}é"])
            #expect(filled == reference(text, [("n", "1"), ("total", "{n}é")]), "\(text)")
        }
    }
}
