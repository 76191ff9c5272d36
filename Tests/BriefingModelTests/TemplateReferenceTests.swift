import BriefingModel
import Foundation
import TestSupport
import Testing

/// `docs/template-reference.md` lists every label key, so the reference cannot fall behind the code.
@Suite struct TemplateReferenceTests {
    @Test func everyLabelKeyIsDocumented() throws {
        let reference = try String(
            contentsOf: TemplateFixture.repository.appendingPathComponent("docs/template-reference.md"), encoding: .utf8)
        for key in Labels.Key.allCases {
            #expect(reference.contains("| `\(key.rawValue)` | "), "docs/template-reference.md does not list the label '\(key.rawValue)'")
        }
    }
}
