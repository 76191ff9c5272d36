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

    /// One pass over the page's bytes: ASCII is skipped for the characters (all of it is
    /// carried anyway), and tag names are read only for the four that slant or embolden.
    init(page: String) {
        var seen = Set<UInt32>(0x20...0x7E)
        var italicDepth = 0, boldDepth = 0
        var italic = false, boldItalic = false
        var page = page
        page.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    // A multi-byte sequence (valid UTF-8: it is a Swift string).
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    seen.insert(value)
                    index += length
                    continue
                }
                index += 1
                guard byte == UInt8(ascii: "<") else { continue }
                let closing = index < count && bytes[index] == UInt8(ascii: "/")
                var name = closing ? index + 1 : index
                let start = name
                while name < count, name - start < 7, bytes[name] >= UInt8(ascii: "a"), bytes[name] <= UInt8(ascii: "z") { name += 1 }
                guard name < count, bytes[name] == UInt8(ascii: ">") || bytes[name] == UInt8(ascii: " ") else { continue }
                let tag = UnsafeBufferPointer(rebasing: bytes[start..<name])
                let step = closing ? -1 : 1
                if tag.elementsEqual("em".utf8) || tag.elementsEqual("i".utf8) {
                    italicDepth = max(0, italicDepth + step)
                    if !closing { italic = true }
                } else if tag.elementsEqual("strong".utf8) || tag.elementsEqual("b".utf8) {
                    boldDepth = max(0, boldDepth + step)
                }
                if italicDepth > 0 && boldDepth > 0 { boldItalic = true }
            }
        }
        codepoints = seen.sorted()
        self.italic = italic
        self.boldItalic = boldItalic
    }
}
