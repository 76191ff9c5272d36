import BriefingContent
import BriefingModel
import Testing

@testable import BriefingTemplate

/// The tag scanner reads UTF-8 bytes; these pin its positions where characters take more
/// than one byte, and its reading of tags that do not close.
@Suite struct TagScannerTests {
    let scanner = TagScanner(
        file: "s.md",
        root: PlaceholderNode(
            "", children: ["fig": PlaceholderNode(group: ["a": PlaceholderNode("1")]), "series": PlaceholderNode(group: [:])]))

    func positions(_ text: String) -> [String] {
        scanner.check(text).map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" }
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(positions("Ünïcödé 中文 {{fig.b}}") == ["1:12 unknown placeholder 'fig.b'"])
        #expect(positions("one\ntwo ✓ {{fig.a}} {{ fig.c }}") == ["2:17 unknown placeholder 'fig.c'"])
        #expect(positions("é\u{0301} {{fig.é}}") == ["1:4 placeholder 'fig.é' contains 'é'"])
    }

    @Test func tagsThatDoNotCloseAreLocatedAndTheRestIsStillRead() {
        #expect(positions("a {{fig.a\nb {{fig.x}}") == ["1:3 unclosed placeholder: '{{' without a matching '}}'", "2:3 unknown placeholder 'fig.x'"])
        #expect(positions("{{{fig.a}} {{fig.y}}") == ["1:1 unclosed placeholder: '{{' without a matching '}}}'", "1:12 unknown placeholder 'fig.y'"])
        #expect(positions("x {{fig.a {{fig.z}}") == ["1:3 unclosed placeholder: '{{' without a matching '}}'", "1:11 unknown placeholder 'fig.z'"])
        #expect(positions("{{#fig}}\u{00A0}") == ["1:1 section '{{#fig}}' is never closed"])
        #expect(positions("{{\u{3000}fig.a\t}} {{ }}") == ["1:13 empty placeholder '{{}}'"])
    }

    /// A tag that prints must name one value: a group, or `{{.}}` outside a section, would
    /// print nothing (found by a helper: `{{fig}}` rendered as nothing, with no warning).
    @Test func aTagThatPrintsMustNameOneValue() {
        #expect(positions("x {{fig}} {{&fig}}") == [
            "1:3 placeholder 'fig' names a group of values, not one value", "1:11 placeholder 'fig' names a group of values, not one value",
        ])
        #expect(scanner.check("{{fig}}").first?.hints == ["name one of them, such as 'fig.a'"])
        #expect(positions("a {{.}}") == ["1:3 '{{.}}' prints the value of the section it is in, and it is in none"])
        // A group with nothing in it (a template without series) is a group all the same.
        #expect(positions("{{series}}") == ["1:1 placeholder 'series' names a group of values, not one value"])
        // A joiner in a name is named, not left unseen in the message.
        #expect(positions("{{fig.a\u{200D}}}").first?.contains("(U+0061 U+200D)") == true)
        // In a section, `.` and a group are what sections are for.
        #expect(positions("{{#fig}}{{.}}{{/fig}} {{fig.a}}").isEmpty)
    }

    /// A file with Windows line ends counts its lines as any other (it was read as one line).
    @Test func referencesArePlacedByLineAndCharacter() {
        let found = scanner.references(in: "Intro\r\nsee ✓ {{ref.section.ai}} and {{ref.chart.3}}\n{{ref.bogus.x}} {{ref.section.it")
        #expect(found.map { "\($0.reference.kind.rawValue).\($0.reference.id)@\($0.location.line ?? 0):\($0.location.column ?? 0)" } == [
            "section.ai@2:7", "chart.3@2:30",
        ])
    }
}
