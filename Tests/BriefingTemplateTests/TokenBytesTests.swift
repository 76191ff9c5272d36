import BriefingContent
import BriefingModel
import Testing

@testable import BriefingTemplate

/// Escaping and token decoding scan UTF-8 bytes; these hold them to what a walk over
/// characters gives, the definitions they replaced.
@Suite struct TokenBytesTests {
    static let grades = [Confidence(id: "high", rank: 0, marker: nil), Confidence(id: "low", rank: 1, marker: "†", isLowest: true)]

    /// The escaping as defined: every ASCII punctuation or symbol character outside a token
    /// gets a backslash, but a backtick, which becomes a character reference.
    static func escapedByCharacters(_ text: String) -> String {
        var result = "", inToken = false
        for character in text {
            if character == InlineToken.open { inToken = true }
            if !inToken, character == "`" {
                result += MarkdownContentType.backtickReference
                continue
            }
            if !inToken, character.isASCII, character.isPunctuation || character.isSymbol { result.append("\\") }
            result.append(character)
            if character == InlineToken.close { inToken = false }
        }
        return result
    }

    static let values = [
        "", "plain words", "Guinea-Bissau", "*stars* and _under_", "a [link](x) `code`", "100% of $5 <b> {x} |y| ~z~ ^w^ @ # !",
        "Türkiye – Pakistan ✓", "\u{E000}c:sipri-2024\u{E001}", "before \u{E000}m:low\u{E001}\u{E000}c:a-b\u{E001} after.",
        "\\", "ends-with-", "\u{E000}unclosed-token", "emoji 👍🏽 - done",
    ]

    @Test func escapingMatchesTheCharacterDefinition() {
        let escaper = MarkdownContentType()
        for value in Self.values {
            #expect(escaper.escapeText(value) == Self.escapedByCharacters(value), "\(value.debugDescription)")
        }
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let character = Character(Unicode.Scalar(byte))
            #expect(MarkdownContentType.isASCIIPunctuationOrSymbol(byte) == (character.isPunctuation || character.isSymbol))
        }
    }

    @Test func tokensSplitTheText() {
        let decode = { (text: String) in MarkdownParser.Converter.decodeTokens(text, grades: Self.grades) }
        #expect(decode("no tokens") == [.text("no tokens")])
        #expect(decode("") == [.text("")])
        #expect(
            decode("a \u{E000}m:low\u{E001}\u{E000}c:src-1\u{E001} b")
                == [.text("a "), .confidenceMarker(Self.grades[1]), .citation(sourceID: "src-1"), .text(" b")])
        #expect(decode("Türkiye\u{E000}v\u{E001}") == [.text("Türkiye"), .revisedMarker])
        #expect(decode("\u{E000}r:chart:supply\u{E001}") == [.reference(CrossReference(kind: .chart, id: "supply"))])
        // An unknown token is dropped; an unclosed one is left as text, once.
        #expect(decode("x\u{E000}q:zz\u{E001}y") == [.text("x"), .text("y")])
        #expect(decode("x \u{E000}c:open") == [.text("x \u{E000}c:open")])
    }
}
