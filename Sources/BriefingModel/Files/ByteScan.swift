/// Byte scans of a string's UTF-8, for the checks every value and file of a template goes
/// through (noncharacters, control characters). A native Swift string keeps its UTF-8 in one
/// buffer: a loop over that buffer is about a tenth of the generic `utf8.contains(where:)`,
/// which cost about 30 instructions a byte over a 2,000-event file.
public enum ByteScan {
    /// Whether any byte of `text` satisfies `isMatch`.
    @inline(__always)
    @inlinable public static func contains(_ text: String, where isMatch: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for byte in bytes where isMatch(byte) { return true }
            return false
        }) {
            return found
        }
        return text.utf8.contains(where: isMatch)
    }

    /// Whether `text` holds a control character other than line feed and tab: U+0000-001F,
    /// U+007F, or U+0080-009F (UTF-8 C2 80-C2 9F).
    static func hasControlCharacter(_ text: String) -> Bool {
        guard let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var previous: UInt8 = 0
            for byte in bytes {
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                    return true
                }
                previous = byte
            }
            return false
        }) else {
            var previous: UInt8 = 0
            return text.utf8.contains { byte in
                defer { previous = byte }
                return (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte))
            }
        }
        return found
    }

    /// What the checks on a data value look for, found in one pass over its bytes: a control
    /// character (as `hasControlCharacter`), a byte a noncharacter could start with (EF-F4,
    /// as `Noncharacters` looks for), and a `{{` that may open a parameter placeholder.
    static func valueScan(_ text: String) -> (control: Bool, highLead: Bool, braces: Bool) {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> (Bool, Bool, Bool) in
            var control = false, high = false, braces = false
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 {
                    if byte != 0x0A && byte != 0x09 { control = true }
                } else if byte >= 0x7B {
                    if byte == 0x7B && previous == 0x7B { braces = true }
                    if byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { control = true }
                    if byte >= 0xEF { high = true }
                }
                previous = byte
            }
            return (control, high, braces)
        }) {
            return (found.0, found.1, found.2)
        }
        var previous: UInt8 = 0
        let braces = text.utf8.contains { byte in
            defer { previous = byte }
            return byte == 0x7B && previous == 0x7B
        }
        return (hasControlCharacter(text), contains(text, where: { $0 >= 0xEF }), braces)
    }

    /// The decimal number written in `bytes[range]`: ASCII digits only, at most 18 of them
    /// (so it cannot overflow); nil for anything else or nothing.
    public static func decimal(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// Where `pattern` (not empty) first occurs in `bytes` at or after `start`: the one byte
    /// search of replacements (`ByteReplace`) and of placeholder tokens.
    public static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let lead = pattern[0]
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == lead {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
