import BriefingContent
import BriefingModel

/// Evaluates a briefing's claims: each one placed in the chosen text (`{{claim.ID}}`) or in
/// no text at all; a claim placed only in sections left out of this run guards nothing
/// printed. A claim that no longer holds is an error at its place naming the values it read.
struct ClaimCheck {
    let facts: FactBase
    let claims: [Claim]

    /// `texts`: the raw text of each file the run prints (display name, text); `allTexts`
    /// every file's text, printed or not, read only if a claim fails.
    func failures(in texts: [(file: String, text: String)], allTexts: () -> [String]) -> [Diagnostic] {
        let evaluator = ClaimEvaluator(facts: facts)
        var problems: [Diagnostic] = []
        var everyText: [String]?
        for claim in claims {
            // A claim that holds needs nothing more; only a failing one is looked for in the
            // texts (scanning every file for every claim was most of this check's time).
            guard let result = try? evaluator.check(claim.expression), !result.holds else { continue }
            let token = "{{claim.\(claim.id)}}"
            let placements = texts.flatMap { file in
                Self.positions(of: token, in: file.text).map { SourceLocation(file: file.file, line: $0.line, column: $0.column) }
            }
            if placements.isEmpty {
                if everyText == nil { everyText = allTexts() }
                if everyText?.contains(where: { $0.contains(token) }) == true { continue }  // placed in a section left out
            }
            let message = "claim '\(claim.id)' no longer holds: \(result.why)"
            let hint = "revise the sentence (or the claim: \(claim.condition)); --draft writes the PDF with a banner meanwhile"
            if placements.isEmpty {
                problems.append(.error(claim.location, message, hint: hint))
            } else {
                problems += placements.map { .error($0, message, hint: hint) }
            }
        }
        return problems
    }

    /// 1-based line and column of every occurrence of `token` in `text`.
    static func positions(of token: String, in text: String) -> [(line: Int, column: Int)] {
        var found: [(line: Int, column: Int)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: token) {
                found.append((offset + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }
}
