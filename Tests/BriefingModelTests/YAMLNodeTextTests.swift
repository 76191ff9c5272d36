import Testing

@testable import BriefingModel

/// The byte-level fast paths in `YAMLNode` must agree with the Unicode definitions they replace.
@Suite struct YAMLNodeTextTests {
    @Test func controlCharactersAreDroppedAndEverythingElseKept() {
        #expect(YAMLNode.printable("plain text, no change") == "plain text, no change")
        #expect(YAMLNode.printable("bell\u{7} and escape\u{1B}[0m") == "bell and escape[0m")
        #expect(YAMLNode.printable("delete\u{7F} and C1\u{85}\u{9F} gone") == "delete and C1 gone")
        #expect(YAMLNode.printable("line\nand\ttab stay") == "line\nand\ttab stay")
        // Characters whose UTF-8 merely contains 0x80-0x9F bytes after something other than 0xC2.
        let kept = "Türkiye 中国 پاکستان é ¢ \u{00A0}“quoted”"
        #expect(YAMLNode.printable(kept) == kept)
        for scalar in (0...0x2FF).compactMap(Unicode.Scalar.init) {
            let isControl = scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
            #expect(YAMLNode.printable("a\(scalar)b") == (isControl ? "ab" : "a\(scalar)b"), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func trimmingRemovesSurroundingWhiteSpaceOnly() {
        #expect(YAMLNode.trimmed("value") == "value")
        #expect(YAMLNode.trimmed("  value\n") == "value")
        #expect(YAMLNode.trimmed("\u{00A0}value\u{2003}") == "value")
        #expect(YAMLNode.trimmed("two words") == "two words")
        #expect(YAMLNode.trimmed("") == "")
    }
}
