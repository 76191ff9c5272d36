import Foundation

/// A font the HTML edition carries inside it: one face of a bundled font, cut to the
/// characters the page uses, under a family name of the page's own ("Briefing Serif"), so a
/// reader's installed Inter or Noto of another version is never used in its place and the
/// charts' text lands where the PDF's does.
public struct WebFont: Sendable, Equatable {
    /// What the face sets: body text, headings and labels, or characters neither has.
    public enum Role: Sendable, Equatable { case serif, sans, fallback }

    public var family: String
    public var role: Role
    public var weight: Int
    public var italic: Bool
    /// CSS `format()`: "truetype" or "opentype".
    public var format: String
    public var data: Data

    public init(family: String, role: Role, weight: Int, italic: Bool, format: String, data: Data) {
        self.family = family
        self.role = role
        self.weight = weight
        self.italic = italic
        self.format = format
        self.data = data
    }

    /// The page's family names for the two house families.
    public static let serifFamily = "Briefing Serif"
    public static let sansFamily = "Briefing Sans"

    /// `@font-face` rules for the faces, and the families text is set in: the house family,
    /// then the fallback faces (for characters it lacks), then the reader's own fonts.
    static func css(_ fonts: [WebFont]) -> String {
        guard !fonts.isEmpty else { return "" }
        var css = ""
        for font in fonts {
            let type = font.format == "opentype" ? "font/otf" : "font/ttf"
            css += "@font-face { font-family: \"\(font.family)\"; font-style: \(font.italic ? "italic" : "normal"); "
            css +=
                "font-weight: \(font.weight); src: url(data:\(type);base64,\(font.data.base64EncodedString())) format(\"\(font.format)\"); }\n"
        }
        var fallbacks: [String] = []
        for font in fonts where font.role == .fallback && !fallbacks.contains(font.family) { fallbacks.append(font.family) }
        func stack(_ house: String, _ role: Role, _ rest: String) -> String {
            let first = fonts.contains { $0.role == role } ? ["\"\(house)\""] : []
            return (first + fallbacks.map { "\"\($0)\"" } + [rest]).joined(separator: ", ")
        }
        css += ":root { --serif: \(stack(serifFamily, .serif, HTMLStyle.serifStack)); "
        css += "--sans: \(stack(sansFamily, .sans, HTMLStyle.sansStack)); }\n"
        return css
    }

}

/// What a page's fonts must cover: its characters, and whether it sets text in italic and in
/// bold italic (a face not carried is not cut for nothing; the browser slants or emboldens
/// one it has, as it would for a style the fonts lack).
public struct PageText: Sendable, Equatable {
    /// Every printable ASCII character (text a reader adds with the browser's own tools still
    /// matches), and every other one the page holds, in order.
    public var codepoints: [UInt32]
    /// `<em>` or `<i>` somewhere.
    public var italic: Bool
    /// Emphasis inside strong emphasis, or the other way round.
    public var boldItalic: Bool

    public init(codepoints: [UInt32], italic: Bool, boldItalic: Bool) {
        self.codepoints = codepoints
        self.italic = italic
        self.boldItalic = boldItalic
    }

    /// One pass over the page's bytes.
    init(page: String) {
        var seen = Set<UInt32>(0x20...0x7E)
        for scalar in page.unicodeScalars where scalar.value > 0x7E { seen.insert(scalar.value) }
        codepoints = seen.sorted()
        var italicDepth = 0, boldDepth = 0
        var italic = false, boldItalic = false
        var bytes = page.utf8.makeIterator()
        var tag: [UInt8] = []
        var inTag = false
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "<") {
                inTag = true
                tag.removeAll(keepingCapacity: true)
            } else if inTag, byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") {
                inTag = false
                switch tag {
                case Array("em".utf8), Array("i".utf8):
                    italicDepth += 1
                    italic = true
                case Array("/em".utf8), Array("/i".utf8): italicDepth = max(0, italicDepth - 1)
                case Array("strong".utf8), Array("b".utf8): boldDepth += 1
                case Array("/strong".utf8), Array("/b".utf8): boldDepth = max(0, boldDepth - 1)
                default: break
                }
                if italicDepth > 0 && boldDepth > 0 { boldItalic = true }
            } else if inTag, tag.count < 8 {
                tag.append(byte)
            }
        }
        self.italic = italic
        self.boldItalic = boldItalic
    }
}
