import TestSupport

/// Generates text built to break a text renderer: combining marks stacked up to 1,000 deep,
/// bidi overrides and isolates left open, zero-width characters, code points beside the
/// surrogate range and noncharacters, words of up to 200,000 characters, Markdown
/// punctuation, and every script the bundled fonts cover (and some they do not) in one line.
struct HostileText {
    typealias Random = SeededRandom

    static let bidi: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
    static let zeroWidth: [UInt32] = [0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060, 0x00AD, 0x034F]
    static let edges: [UInt32] = [0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF, 0x10000, 0xF8FF]
    static let scripts = [
        "Latin ÆØÅ ǅ ẞ", "Ελληνικά ΐΰ", "Кириллица ЁЇ", "اردو زبان میں", "پاکستان", "中文字符", "日本語かな", "한국어",
        "देवनागरी", "ไทย", "עברית", "🙂👩‍👩‍👧‍👦🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ ﷽",
    ]
    static let markdown = ["*", "_", "**", "[", "]", "(", ")", "#", ">", "`", "|", "\\", "<", "&amp;", "{", "}", "~", "-"]

    var random: Random

    mutating func piece() -> String {
        switch random.below(9) {
        case 0:
            let depth = random.pick([1, 2, 5, 5, 50, 50, 300, 1000])
            var text = random.pick(["a", "ا", "中", "Ж", " "])
            for _ in 0..<depth { text.unicodeScalars.append(Unicode.Scalar(0x0300 + UInt32(random.below(0x70)))!) }
            return text
        case 1: return scalars(Self.bidi, count: 1 + random.below(6)) + random.pick(Self.scripts)
        case 2: return scalars(Self.zeroWidth, count: 1 + random.below(20))
        case 3: return scalars(Self.edges, count: 1 + random.below(4))
        case 4:
            // The longest words cost a second or more each: one in ten.
            let length = random.below(10) == 0 ? 200_000 : random.pick([250, 1_000, 5_000])
            return String(repeating: random.pick(["x", "ب", "字", "é"]), count: length)
        case 5: return (0..<(1 + random.below(6))).map { _ in random.pick(Self.scripts) }.joined(separator: " ")
        case 6: return (0..<(1 + random.below(8))).map { _ in random.pick(Self.markdown) }.joined()
        case 7: return String(repeating: "word ", count: 1 + random.below(400))
        default: return random.pick(["", " ", "\u{3000}", "\u{00A0}", "\t"])
        }
    }

    /// One line of several pieces.
    mutating func line() -> String {
        (0..<(1 + random.below(5))).map { _ in piece() }.joined(separator: random.pick(["", " "]))
    }

    private mutating func scalars(_ pool: [UInt32], count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.unicodeScalars.append(Unicode.Scalar(random.pick(pool))!) }
        return text
    }

    /// `text` as a YAML double-quoted scalar: every non-ASCII scalar escaped, so the file is
    /// plain ASCII whatever the text holds.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            default:
                if scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return result + "\""
    }
}
