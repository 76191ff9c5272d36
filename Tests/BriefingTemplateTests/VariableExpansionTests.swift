import Testing

@testable import BriefingTemplate

/// The one-pass expansion must give what swift-mustache gives, or leave the file to it.
/// Compared on thousands of generated texts built from the pieces where the two could part:
/// line ends of every kind, blanks at line starts and ends, braces that open no tag, tags
/// spelled every way, marks that join a brace to its neighbour, and non-ASCII text.
@Suite struct VariableExpansionTests {
    let root = PlaceholderNode(
        "",
        children: [
            "fig": PlaceholderNode(
                "", children: ["a": PlaceholderNode("1.4"), "star": PlaceholderNode("a*b_c [x] <y> & `z` \\ #1")]),
            "China": PlaceholderNode("China’s 81%"),
            "param": PlaceholderNode("", children: ["region": PlaceholderNode("South-East Asia")]),
        ])

    func fast(_ text: String) -> String? { VariableExpansion.expand(text, root: root, escape: MarkdownContentType().escapeText) }
    func mustache(_ text: String) -> String? { try? Expander.mustache(text, root: root) }

    static let pieces = [
        "word", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{0B}", "é", "中文", "’", "👍🏽", "{", "}", "{ {", "}}",
        "{{fig.a}}", "{{ fig.a }}", "{{\tfig.star\t}}", "{{&fig.star}}", "{{& fig.star }}", "{{{fig.star}}}", "{{{ fig.a }}}",
        "{{china}}", "{{CHINA}}", "{{param.region}}", "{{fig.a}}}", "{{ &fig.a}}", "{{fig.a}}\u{0301}", "\u{0600}{{fig.a}}",
        "{{fig.nope}}", "{{fig..a}}", "{{fig.a.}}", "{{#fig}}", "{{/fig}}", "{{^fig}}", "{{! note }}", "{{%x}}", "{{.}}",
        "{{fig.a", "{{{fig.a}}", "{{fig a}}", "{{\u{00A0}fig.a}}", "*", "_", "[", "#",
    ]

    /// A text of `count` pieces chosen by a fixed generator, so every run checks the same ones.
    static func texts(count: Int, length: ClosedRange<Int>, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            let pieces = length.lowerBound + next() % (length.upperBound - length.lowerBound + 1)
            return (0..<pieces).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
        }
    }

    @Test func expandsAsMustacheDoesOrLeavesTheTextToIt() {
        var taken = 0
        for text in Self.texts(count: 6000, length: 1...12, seed: 29) {
            guard let fast = fast(text) else { continue }
            taken += 1
            #expect(fast == mustache(text), "\(text.debugDescription)")
        }
        // Most generated texts hold something the fast path leaves alone; enough do not.
        #expect(taken > 600)
    }

    @Test func variablesAreExpandedHereAndEscapedForMarkdown() {
        #expect(fast("Aid rose ×{{fig.a}} ({{fig.star}}).\n  {{{fig.star}}} {{&fig.star}}\n{{China}}") != nil)
        #expect(
            fast("x {{fig.star}} {{&fig.star}}\n") == "x a\\*b\\_c \\[x\\] \\<y\\> \\& &#96;z&#96; \\\\ \\#1 a*b_c [x] <y> & `z` \\ #1\n")
        #expect(fast("No tags at all, {braces} and } stray.\n") == "No tags at all, {braces} and } stray.\n")
    }

    /// A file ending in `{` was refused ("malformed placeholder (overflow)", found by a
    /// helper): swift-mustache reads on for a second brace. Both paths now keep it as text.
    @Test func aLastOpeningBraceIsText() throws {
        let expander = Expander(root: root)
        #expect(try expander.expandWithReferences("Sets {", file: "s.md").text == "Sets {")
        #expect(try expander.expandWithReferences("{{fig.a}} {", file: "s.md").text == "1\\.4 {")
        #expect(try expander.expandWithReferences("{{! note }}x {", file: "s.md").text == "x {")
        #expect(fast("a {") == "a {" && mustache("a {") == "a {")
    }

    /// Mustache's reasons are put in a template author's words, located as before.
    @Test func aMalformedPlaceholderIsExplained() {
        let expander = Expander(root: root)
        #expect {
            try expander.expandWithReferences("x {{fig.a}}\u{0301}", file: "s.md")
        } throws: { error in
            "\(error)".contains("s.md:1:") && "\(error)".contains("must be followed by '}}'") && !"\(error)".contains("unfinishedName")
        }
    }

    /// What only Mustache's own rules decide goes to Mustache.
    @Test func whatMustacheDecidesIsLeftToIt() {
        for text in [
            "{{#fig}}{{a}}{{/fig}}", "a {{! note }}\n", "\nfirst line empty {{fig.a}}", "  \n{{fig.a}}", "last line blank {{fig.a}}\n  ",
            "{{ &fig.a}}", "{{fig.a}}\u{0301}", "\u{0600}{{fig.a}}", "{{fig.nope}}", "{{fig..a}}", "{{\u{00A0}fig.a}}", "",
        ] {
            #expect(fast(text) == nil, "\(text.debugDescription)")
        }
    }
}
