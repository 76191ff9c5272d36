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

    /// The one-pass scan agrees with the three checks it stands for, on every scalar up to
    /// U+02FF and around noncharacters and braces.
    @Test func theOnePassScanAgreesWithEachCheck() {
        func separate(_ text: String) -> (Bool, Bool, Bool) {
            (ByteScan.hasControlCharacter(text), ByteScan.contains(text, where: { $0 >= 0xEF }), text.contains("{{"))
        }
        var samples = ["", "plain", "{{param.x}}", "{ {", "a{{", "{", "\(Unicode.Scalar(0xFFFF)!)", "\(Unicode.Scalar(0xFDD0)!)x", "\u{1F600}", "\u{85}", "x\u{7F}", "tab\tline\n"]
        samples += (0...0x2FF).compactMap(Unicode.Scalar.init).map { "a\($0){b" }
        for text in samples {
            let scan = ByteScan.valueScan(text)
            #expect(scan == separate(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Field paths are spelt out only when asked, and read as they always did.
    @Test func fieldPathsReadAsWritten() throws {
        let context = DecodeContext(file: "data.yaml")
        let root = YAMLNode(
            .mapping(.init([(.scalar(.init("events")), .sequence(.init([.mapping(.init([(.scalar(.init("date")), .scalar(.init("2024")))]))])))])),
            context: context, path: "")
        let events = try #require(root.mapping(keys: ["events"])?.required("events"))
        #expect(events.path == "events")
        let first = try #require(events.list()?.first)
        #expect(first.path == "events[0]")
        let date = try #require(first.mapping(keys: ["date", "title"])?.required("date"))
        #expect(date.path == "events[0].date")
        #expect(first.mapping(keys: ["date", "title"])?.required("title") == nil)
        #expect(context.diagnostics.all.last?.message == "missing required field 'events[0].title'")
        #expect(try #require(first.pairs()).first?.value.path == "events[0].date")
    }

    /// Dates and periods stay data, as numbers do (the README's promise): a placeholder in
    /// one is text, which is then no date, while text values still expand.
    @Test func placeholdersExpandInTextNotInData() {
        let context = DecodeContext(file: "data.yaml")
        context.parameters = ["year": "2024"]
        let node = YAMLNode(.scalar(.init("{{param.year}}-03-15")), context: context, path: "events[0].date")
        #expect(node.text() == "2024-03-15")
        #expect(node.text(expandingParameters: false) == "{{param.year}}-03-15")
        #expect(context.diagnostics.all.isEmpty)
    }
}
