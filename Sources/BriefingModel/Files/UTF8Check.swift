import Foundation

/// Where a file stops being UTF-8: the first byte that does not begin or continue a
/// well-formed UTF-8 sequence (RFC 3629: no overlong forms, surrogates or values past
/// U+10FFFF), as the line and column an editor shows for it.
public enum UTF8Check {
    /// The first invalid byte: its offset, line and column (1-based; the column counts
    /// characters of the valid text before it), or nil for valid UTF-8.
    public static func firstInvalid(in bytes: some Collection<UInt8>) -> (offset: Int, line: Int, column: Int)? {
        let bytes = Array(bytes)
        var index = 0, line = 1, column = 1
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (index, line, column)
            }
            guard index + length <= bytes.count else { return (index, line, column) }
            for offset in 1..<max(1, length) where bytes[index + offset] & 0xC0 != 0x80 { return (index, line, column) }
            if length > 1 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90)
                    || (lead == 0xF4 && second > 0x8F)
                {
                    return (index, line, column)
                }
            }
            if lead == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// Whether the bytes hold at least one well-formed UTF-8 character of two bytes or more.
    public static func hasMultibyteCharacter(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
            if length > 0, index + length <= bytes.count,
                firstInvalid(in: bytes[index..<(index + length)]) == nil
            {
                return true
            }
            index += 1
        }
        return false
    }
}
