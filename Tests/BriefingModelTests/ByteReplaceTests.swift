import Foundation
import Testing

@testable import BriefingModel

/// `replacingEvery` must give what Foundation's `replacingOccurrences` gives for the
/// replacements the program makes (ASCII punctuation, spaces, an en dash, CR LF).
@Suite struct ByteReplaceTests {
    static let texts = [
        "", "-", "--", "a-b-c", "2019\u{2013}2023", "no target here", "Guinea-Bissau", "1_000_000", "\r\n\r\n", "a\r\r\nb\rc",
        "Türkiye – Pakistan", "«quote»", "& < > &amp;", "it's \\ here", "\u{E000}c:x\u{E001}", "ends with -",
    ]
    static let pairs = [("-", " "), ("\u{2013}", "-"), ("_", ""), ("\r\n", "\n"), ("\r", "\n"), ("&", "&amp;"), ("'", "\\'"), ("\\", "\\\\"), (" ", "-"), ("ab", "b")]

    @Test(arguments: pairs)
    func agreesWithFoundation(_ pair: (String, String)) {
        for text in Self.texts {
            #expect(text.replacingEvery(pair.0, with: pair.1) == text.replacingOccurrences(of: pair.0, with: pair.1), "\(text.debugDescription)")
        }
    }

    @Test func replacesLeftToRightWithoutOverlap() {
        #expect("aaa".replacingEvery("aa", with: "b") == "ba")
        #expect("abab".replacingEvery("ab", with: "abab") == "abababab")
        #expect("x".replacingEvery("", with: "y") == "x")
        #expect("éé".replacingEvery("é", with: "e") == "ee")
    }

    @Test func aTextWithoutTheTargetIsReturnedAsItIs() {
        let text = String(repeating: "value ", count: 100)
        #expect(text.replacingEvery("\u{2013}", with: "-") == text)
    }
}
