import Foundation
import Testing

@testable import BriefingHTML

/// What a page's fonts must cover, read from its bytes, and the style sheet that carries them.
@Suite struct WebFontTests {
    @Test func everyCharacterOfThePageIsCoveredAndASCIIAlways() {
        let text = PageText(page: "<p>caf\u{E9} \u{2192} \u{897F}\u{660C} \u{1F600}</p>")
        #expect(text.codepoints.contains(0x41) && text.codepoints.contains(0x7E), "all printable ASCII")
        for scalar: UInt32 in [0xE9, 0x2192, 0x897F, 0x660C, 0x1F600] {
            #expect(text.codepoints.contains(scalar), "U+\(String(scalar, radix: 16))")
        }
        #expect(text.codepoints == text.codepoints.sorted() && Set(text.codepoints).count == text.codepoints.count)
        #expect(text.codepoints.count == 95 + 5)
    }

    @Test func italicAndBoldItalicAreReadFromTheTags() {
        #expect(PageText(page: "<p><strong>a</strong> b</p>") == PageText(codepoints: ascii, italic: false, boldItalic: false))
        #expect(PageText(page: "<p><em>a</em> <strong>b</strong></p>").italic)
        #expect(!PageText(page: "<p><em>a</em> <strong>b</strong></p>").boldItalic, "side by side, not nested")
        #expect(PageText(page: "<p><strong>a <em>b</em></strong></p>").boldItalic)
        #expect(PageText(page: "<p><i class=\"x\">a <b>b</b></i></p>").boldItalic)
        let lookalikes = PageText(page: "<img src=\"x\"><br><body><b>a</b><em>")
        #expect(lookalikes.italic && !lookalikes.boldItalic, "<img> is not <i>, <br> and <body> are not <b>")
    }

    @Test func theStyleSheetCarriesTheFacesAndListsThemFirst() {
        let fonts = [
            WebFont(family: "Briefing Serif", role: .serif, weight: 400, italic: false, format: "truetype", data: Data([1, 2, 3])),
            WebFont(family: "Briefing Sans", role: .sans, weight: 600, italic: false, format: "opentype", data: Data([4])),
            WebFont(
                family: "Briefing Noto Nastaliq Urdu", role: .fallback, weight: 400, italic: false, format: "truetype", data: Data([5])),
        ]
        let css = WebFont.css(fonts)
        #expect(
            css.contains(
                "@font-face { font-family: \"Briefing Serif\"; font-style: normal; font-weight: 400; src: url(data:font/ttf;base64,AQID) format(\"truetype\"); }"
            ))
        #expect(css.contains("url(data:font/otf;base64,BA==) format(\"opentype\")"))
        #expect(css.contains("--serif: \"Briefing Serif\", \"Briefing Noto Nastaliq Urdu\", Georgia"))
        #expect(css.contains("--sans: \"Briefing Sans\", \"Briefing Noto Nastaliq Urdu\", \"Segoe UI\""))
        #expect(WebFont.css([]).isEmpty, "no faces: the reader's fonts, as the style sheet's defaults say")
    }

    private var ascii: [UInt32] { Array(0x20...0x7E) }
}
