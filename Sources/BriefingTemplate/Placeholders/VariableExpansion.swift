/// The expansion of a template file whose only tags are variables (`{{name}}`, `{{&name}}`,
/// `{{{name}}}`), done in one pass over its bytes: what swift-mustache renders for such a
/// file, without its parser. That parser reads the text a `Character` at a time and cost
/// about 2,400 instructions a byte, a quarter of the main thread's work before layout in the
/// default briefing, whose eleven files hold only variables.
///
/// Anything whose rendering depends on Mustache's own rules is left to Mustache (`expand`
/// returns nil): sections, comments and every other sigil (their standalone lines are
/// removed), a first line of only blanks (the pragma `Expander` prepends would then stand
/// alone and take the line end with it), a last line of only blanks (Mustache drops it), a
/// tag not spelled as Mustache spells a name, a brace joined to a neighbouring mark, and a
/// name with no node. So a file expanded here is expanded exactly as Mustache would expand it
/// (`VariableExpansionTests` compares the two on generated texts).
enum VariableExpansion {
    static func expand(_ text: String, root: PlaceholderNode, escape: (String) -> String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), !startsLineEnd(bytes, at: 0),
                !endsWithBlankLine(bytes)
            else { return nil }
            var result = ""
            result.reserveCapacity(bytes.count + bytes.count / 8)
            var copied = 0, index = 0
            let brace = UInt8(ascii: "{")
            while index + 1 < bytes.count {
                guard bytes[index] == brace, bytes[index + 1] == brace else {
                    index += 1
                    continue
                }
                let triple = index + 2 < bytes.count && bytes[index + 2] == brace
                guard let tag = variable(in: bytes, at: index, triple: triple), standsApart(bytes, from: index, to: tag.end),
                    let node = root.resolve(tag.name)
                else { return nil }
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self)
                result += tag.escaped ? escape(node.renderText) : node.renderText
                index = tag.end
                copied = index
            }
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
            return result
        }
    }

    /// The variable whose tag opens at `start`: its name, whether its value is escaped, and
    /// where the tag ends. Nil for any other tag, or a name Mustache would read otherwise.
    private static func variable(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, triple: Bool
    ) -> (name: String, escaped: Bool, end: Int)? {
        var index = start + (triple ? 3 : 2)
        var escaped = !triple
        if !triple, index < bytes.count, bytes[index] == UInt8(ascii: "&") {
            escaped = false
            index += 1
        }
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        let nameStart = index
        while index < bytes.count, TagScanner.isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        let closing = triple ? 3 : 2
        guard nameEnd > nameStart, index + closing <= bytes.count,
            (0..<closing).allSatisfy({ bytes[index + $0] == UInt8(ascii: "}") })
        else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self), escaped, index + closing)
    }

    /// Whether the tag's braces are characters of their own: Mustache reads characters, and a
    /// brace joined to the character before it (a prepended mark) or after it (a combining
    /// mark) is no delimiter to it. Checked on the tag with the scalar on each side of it.
    private static func standsApart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var lower = start, upper = end
        if lower > 0 {
            lower -= 1
            while lower > 0, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        }
        if upper < bytes.count {
            upper += 1
            while upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        }
        guard (lower < start && bytes[lower] >= 0x80) || (upper > end && bytes[end] >= 0x80) else { return true }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        return window.count == window.unicodeScalars.count
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Whether a line ends at `index`: a byte or sequence Swift's `Character.isNewline` is
    /// true of (LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR).
    private static func startsLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x0A...0x0D: return true
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default: return false
        }
    }

    /// Whether the text's last line, after its last line end, is blanks only (and not empty).
    private static func endsWithBlankLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes.count - 1
        guard isBlank(bytes[index]) else { return false }
        while index >= 0, isBlank(bytes[index]) { index -= 1 }
        guard index >= 0 else { return true }
        // A line end's last byte: LF, VT, FF, CR, or the end of NEL, LS or PS.
        switch bytes[index] {
        case 0x0A...0x0D: return true
        case 0x85: return index >= 1 && bytes[index - 1] == 0xC2
        case 0xA8, 0xA9: return index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80
        default: return false
        }
    }
}
