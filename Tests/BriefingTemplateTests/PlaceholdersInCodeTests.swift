import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// A placeholder inside code (a span or a fenced block) gives its value in code, and its
/// citation where it stands, as in text; the tokens that carry them never reach the page
/// (they did: "300 and 340 MW\u{E000}c:statistics-office\u{E001}" in the code font).
@Suite struct PlaceholdersInCodeTests {
    private func blocks(_ section: String) throws -> [Block] {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        try fixture.write("sections/outlook.md", section)
        let document = try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
        return try #require(document.sections.last?.blocks)
    }

    private static func hasToken(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            guard case .code(let text) = inline else { return false }
            return text.contains(InlineToken.open) || text.contains(InlineToken.close)
        }
    }

    @Test func aSpanKeepsTheValueInCodeAndTheCitationBesideIt() throws {
        let blocks = try blocks("The site makes `{{fig.site-output}}` today.\n")
        guard case .paragraph(let inlines) = try #require(blocks.first) else { Issue.record("\(blocks)"); return }
        #expect(!Self.hasToken(inlines), "\(inlines)")
        let code = inlines.compactMap { inline -> String? in if case .code(let text) = inline { text } else { nil } }.joined()
        #expect(code == "between 300 and 340 MW", "\(inlines)")
        #expect(inlines.contains(.citation(sourceID: "statistics-office")), "\(inlines)")
        #expect(inlines.first == .text("The site makes ") && inlines.last == .text(" today."), "\(inlines)")
    }

    @Test func aFencedBlockToo() throws {
        let blocks = try blocks("Intro.\n\n```\noutput: {{fig.site-output}}\n```\n")
        guard case .paragraph(let inlines) = try #require(blocks.last) else { Issue.record("\(blocks)"); return }
        #expect(!Self.hasToken(inlines), "\(inlines)")
        #expect(inlines.first == .code("output: between 300 and 340 MW"), "\(inlines)")
        #expect(inlines.contains(.citation(sourceID: "statistics-office")), "\(inlines)")
    }

    /// Values are escaped for Markdown before the file is parsed; code shows what it holds,
    /// so it gets the value as it is: `1,250 MW`, not `1\,250 MW`. Backslashes the author
    /// wrote in code stay.
    @Test func valuesInCodeAreNotEscaped() throws {
        let blocks = try blocks("Capacity `{{fig.capacity}}` and `a\\,b`.\n\n~~~\n{{fig.capacity}} *{{fig.sites}}*\n~~~\n\n    {{fig.capacity}}\n")
        let code = blocks.flatMap { block -> [String] in
            guard case .paragraph(let inlines) = block else { return [] }
            return inlines.compactMap { inline in if case .code(let text) = inline { text } else { nil } }
        }
        #expect(code.contains("1,250 MW"), "\(code)")
        #expect(code.contains("a\\,b"), "the author's backslash stays: \(code)")
        #expect(code.contains(" *about 42 sites") && code.contains("*"), "a fenced block, its citations between: \(code)")
        #expect(code.filter { $0 == "1,250 MW" }.count == 3, "the span, the fenced and the indented block: \(code)")
        #expect(!code.contains { $0.contains("\\,") && !$0.hasPrefix("a") }, "\(code)")
    }

    /// A value's backtick neither ends a code span early nor pairs with a lone backtick the
    /// author wrote before it: it is a character reference in the expanded file, so the
    /// spans are the author's, and code shows the value as it is.
    @Test func aBacktickInAValueStaysText() throws {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        try fixture.replace("data.yaml", "label: Installed capacity\n", with: "label: 'Cap `tick` here'\n")
        func blocks(_ section: String) throws -> [Block] {
            try fixture.write("sections/outlook.md", section)
            let document = try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
            return try #require(document.sections.last?.blocks)
        }
        #expect(
            try blocks("Thé `{{fig.capacity.label}}` and `code` end.\n")
                == [.paragraph([.text("Thé "), .code("Cap `tick` here"), .text(" and "), .code("code"), .text(" end.")])])
        #expect(try blocks("Lone ` then {{fig.capacity.label}} end.\n") == [.paragraph([.text("Lone ` then Cap `tick` here end.")])])
        #expect(try blocks("```\n{{fig.capacity.label}}\n```\n") == [.paragraph([.code("Cap `tick` here")])])
    }

    @Test func codeWithoutPlaceholdersIsOneSpanAsWritten() throws {
        let blocks = try blocks("Run `briefing generate` now.\n")
        #expect(blocks.first == .paragraph([.text("Run "), .code("briefing generate"), .text(" now.")]), "\(blocks)")
    }
}
