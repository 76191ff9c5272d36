import Foundation

/// A PDF object's value, parsed from its text far enough to renumber its references and edit
/// its entries: what `PDFPageMerge` needs to join one-page files into one. Numbers, strings
/// and names keep their bytes as written, so what is not edited is written back unchanged.
indirect enum PDFValue {
    case null
    /// `true`, `false`, a real number, a name, or a string: kept as the bytes written.
    case token([UInt8])
    case integer(Int)
    case reference(Int32)
    case array([PDFValue])
    /// Entries in the order written (names with their slash).
    case dictionary([(key: String, value: PDFValue)])

    subscript(key: String) -> PDFValue? {
        guard case .dictionary(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The dictionary with `key` set to `value` (appended if absent), or removed when nil.
    func setting(_ key: String, _ value: PDFValue?) -> PDFValue {
        guard case .dictionary(var entries) = self else { return self }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            if let value { entries[index].value = value } else { entries.remove(at: index) }
        } else if let value {
            entries.append((key, value))
        }
        return .dictionary(entries)
    }

    var reference: Int32? {
        if case .reference(let id) = self { return id }
        return nil
    }

    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var name: String? {
        if case .token(let bytes) = self, bytes.first == UInt8(ascii: "/") { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    /// The elements of an array, or the value alone.
    var elements: [PDFValue] {
        if case .array(let items) = self { return items }
        return [self]
    }

    /// Every reference replaced by `map` (nil: left as it is).
    func renumbered(_ map: (Int32) -> Int32?) -> PDFValue {
        switch self {
        case .reference(let id): return .reference(map(id) ?? id)
        case .array(let items): return .array(items.map { $0.renumbered(map) })
        case .dictionary(let entries): return .dictionary(entries.map { ($0.key, $0.value.renumbered(map)) })
        default: return self
        }
    }

    /// Calls `visit` on every reference inside.
    func forEachReference(_ visit: (Int32) -> Void) {
        switch self {
        case .reference(let id): visit(id)
        case .array(let items): for item in items { item.forEachReference(visit) }
        case .dictionary(let entries): for entry in entries { entry.value.forEachReference(visit) }
        default: return
        }
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .token(let bytes): output.append(contentsOf: bytes)
        case .integer(let value): Self.writeDecimal(value, to: &output)
        case .reference(let id):
            Self.writeDecimal(Int(id), to: &output)
            output.append(contentsOf: " 0 R".utf8)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for item in items {
                output.append(0x20)
                item.write(to: &output)
            }
            output.append(contentsOf: " ]".utf8)
        case .dictionary(let entries):
            output.append(contentsOf: "<<".utf8)
            for entry in entries {
                output.append(0x20)
                output.append(contentsOf: entry.key.utf8)
                output.append(0x20)
                entry.value.write(to: &output)
            }
            output.append(contentsOf: " >>".utf8)
        }
    }

    /// Digits without a String: a merge writes thousands of numbers.
    static func writeDecimal(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

/// An indirect object: its value and, for a stream, everything from the `stream` keyword on,
/// copied as it is.
struct PDFObjectBody {
    var value: PDFValue
    var streamTail: ArraySlice<UInt8>?

    /// Parses an object's text (between `N 0 obj` and `endobj`).
    static func parse(_ bytes: ArraySlice<UInt8>) throws -> PDFObjectBody {
        var parser = PDFValueParser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        let rest = bytes[parser.position...]
        if rest.starts(with: Array("stream".utf8)) { return PDFObjectBody(value: value, streamTail: rest) }
        guard rest.allSatisfy(PDFValueParser.isSpace) else { throw PDFValueParser.ParseError(message: "text after the object's value") }
        return PDFObjectBody(value: value, streamTail: nil)
    }

    func write(to output: inout [UInt8]) {
        value.write(to: &output)
        if let streamTail {
            output.append(0x0A)
            output += streamTail
        }
    }
}

/// Reads one PDF value from bytes: the syntax of PDF 1.7 section 7.3, without streams (their
/// data is never parsed) and without comments (neither cairo nor the finisher writes any in
/// an object).
struct PDFValueParser {
    struct ParseError: Error { var message: String }

    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0 }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default: return false
        }
    }

    mutating func skipSpace() {
        while position < bytes.endIndex, Self.isSpace(bytes[position]) { position += 1 }
    }

    mutating func value() throws -> PDFValue {
        skipSpace()
        guard position < bytes.endIndex else { throw ParseError(message: "the object ends before its value") }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipSpace()
                guard position < bytes.endIndex else { throw ParseError(message: "an array is not closed") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                items.append(try value())
            }
        case UInt8(ascii: "<") where position + 1 < bytes.endIndex && bytes[position + 1] == UInt8(ascii: "<"):
            position += 2
            var entries: [(key: String, value: PDFValue)] = []
            while true {
                skipSpace()
                guard position + 1 < bytes.endIndex else { throw ParseError(message: "a dictionary is not closed") }
                if bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
                    position += 2
                    return .dictionary(entries)
                }
                guard bytes[position] == UInt8(ascii: "/"), case .token(let key) = try value() else {
                    throw ParseError(message: "a dictionary key is not a name")
                }
                entries.append((String(decoding: key, as: UTF8.self), try value()))
            }
        case UInt8(ascii: "<"):
            let start = position
            guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { throw ParseError(message: "a hex string is not closed") }
            position = close + 1
            return .token(Array(bytes[start..<position]))
        case UInt8(ascii: "("):
            return .token(try literalString())
        case UInt8(ascii: "/"):
            let start = position
            position += 1
            while position < bytes.endIndex, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return .token(Array(bytes[start..<position]))
        default:
            let word = self.word()
            guard !word.isEmpty else { throw ParseError(message: "unexpected '\(Character(Unicode.Scalar(byte)))'") }
            if word == Array("null".utf8) { return .null }
            guard let number = Self.integer(word) else { return .token(word) }
            // `N G R`: look ahead for the generation and the R.
            var ahead = self
            ahead.skipSpace()
            let generation = ahead.word()
            ahead.skipSpace()
            if Self.integer(generation) != nil, ahead.word() == [UInt8(ascii: "R")], let id = Int32(exactly: number) {
                self = ahead
                return .reference(id)
            }
            return .integer(number)
        }
    }

    /// A run of regular characters (a number, a keyword), advancing past it.
    private mutating func word() -> [UInt8] {
        let start = position
        while position < bytes.endIndex, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    private static func integer(_ word: [UInt8]) -> Int? {
        guard !word.isEmpty, word.count < 19 else { return nil }
        var value = 0, index = 0, negative = false
        if word[0] == UInt8(ascii: "-") || word[0] == UInt8(ascii: "+") {
            negative = word[0] == UInt8(ascii: "-")
            index = 1
            guard word.count > 1 else { return nil }
        }
        while index < word.count {
            let digit = word[index]
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }

    /// `( … )` with balanced parentheses and backslash escapes, as written.
    private mutating func literalString() throws -> [UInt8] {
        let start = position
        var depth = 0
        while position < bytes.endIndex {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\\") {
                position += 1
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return Array(bytes[start..<position]) }
            }
        }
        throw ParseError(message: "a string is not closed")
    }
}
