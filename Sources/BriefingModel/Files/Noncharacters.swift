/// Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, such as
/// U+FFFF and U+10FFFF) are valid in UTF-8 but refused by cairo as PDF text: one in a data
/// file failed the whole PDF with "input string not valid UTF-8". Template text has them
/// replaced by U+FFFD (the replacement character) as it is read, keeping every column.
enum Noncharacters {
    static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }

    static func replaced(in text: String) -> String {
        // Every noncharacter is encoded with a lead byte EF (U+FDD0-FFFF) or F0-F4 (planes 1-16).
        guard ByteScan.contains(text, where: { $0 >= 0xEF }), text.unicodeScalars.contains(where: isNoncharacter) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isNoncharacter($0) ? "\u{FFFD}" : $0 }))
    }
}
