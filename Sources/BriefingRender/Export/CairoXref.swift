import BriefingModel
import Foundation

/// Reading the PDF cairo 1.16 writes as text, where libqpdf would parse thousands of
/// objects one by one: its classic xref table gives where each object starts, and its
/// objects are plain dictionaries (`N 0 obj\n<< ... >>\nendobj`). Used only on cairo's own
/// output, whose shape the tests pin; anything unexpected is reported, not guessed.
enum CairoXref {
    /// Object number -> byte offset of `N 0 obj`, from the last xref table (cairo writes one).
    /// Read as bytes in place: Data's subscripts and a String per line cost a sixth of the
    /// finisher on the default briefing.
    static func offsets(_ data: Data) -> [Int32: Int] {
        guard let start = PDFTail.startXref(data), start >= 0, start < data.count else { return [:] }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Int32: Int] in
            let count = bytes.count
            guard start + 4 <= count, bytes[start] == UInt8(ascii: "x"), bytes[start + 1] == UInt8(ascii: "r"),
                bytes[start + 2] == UInt8(ascii: "e"), bytes[start + 3] == UInt8(ascii: "f")
            else { return [:] }
            var position = start + 4
            func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
            /// The next line's fields (runs of bytes between spaces), or nil at the end.
            func fields() -> [Range<Int>]? {
                while position < count, isBreak(bytes[position]) || bytes[position] == 0x20 { position += 1 }
                guard position < count else { return nil }
                var end = position
                while end < count, !isBreak(bytes[end]) { end += 1 }
                guard end < count else { return nil }
                var found: [Range<Int>] = []
                var field = position
                while field < end {
                    while field < end, bytes[field] == 0x20 { field += 1 }
                    var stop = field
                    while stop < end, bytes[stop] != 0x20 { stop += 1 }
                    if stop > field { found.append(field..<stop) }
                    field = stop
                }
                position = end
                return found
            }
            func integer(_ range: Range<Int>) -> Int? { ByteScan.decimal(bytes, range) }
            var offsets: [Int32: Int] = [:]
            // Subsections "first count", then count entries "offset generation n|f".
            while let header = fields() {
                guard header.count == 2, let first = integer(header[0]).flatMap(Int32.init(exactly:)), let count = integer(header[1])
                else { break }
                offsets.reserveCapacity(offsets.count + count)
                for index in 0..<count {
                    guard let entry = fields() else { return offsets }
                    if entry.count >= 3, entry[2].count == 1, bytes[entry[2].lowerBound] == UInt8(ascii: "n"),
                        let offset = integer(entry[0])
                    {
                        offsets[first + Int32(index)] = offset
                    }
                }
            }
            return offsets
        }
    }

    /// The object's text between `N 0 obj` and `endobj`.
    static func object(_ id: Int32, in data: Data, offsets: [Int32: Int]) -> Data? {
        guard let offset = offsets[id], offset < data.count else { return nil }
        let start = data.startIndex + offset
        let head = Data("\(id) 0 obj".utf8)
        guard data[start...].starts(with: head), let end = find("endobj", in: data, from: start) else { return nil }
        var body = data[(start + head.count)..<end]
        while let first = body.first, first == 0x0A || first == 0x0D || first == 0x20 { body = body.dropFirst() }
        while let last = body.last, last == 0x0A || last == 0x0D || last == 0x20 { body = body.dropLast() }
        return Data(body)
    }

    /// The numbers of the objects whose text contains `needle`, in file order.
    ///
    /// A long briefing's file is mapped from disk (`SpillingBuffer`): it is searched a window
    /// at a time and each window's pages are let go of once searched, so a search does not
    /// make the whole file resident (cairo's uncompressed page contents are most of it).
    static func objects(in data: Data, containing needle: String, offsets: [Int32: Int]) -> [Int32] {
        let starts = offsets.sorted { $0.value < $1.value }
        var found: [Int32] = []
        var hits: [Int] = []
        let window = 1 << 20, length = needle.utf8.count
        var windowStart = data.startIndex
        while windowStart < data.endIndex {
            let windowEnd = min(data.endIndex, windowStart + window)
            // A match may start in this window and end in the next.
            let searched = data[windowStart..<min(data.endIndex, windowEnd + length - 1)]
            var from = searched.startIndex
            while let hit = find(needle, in: searched, from: from) {
                hits.append(hit)
                from = hit + length
            }
            SpilledMappings.release(data, (windowStart - data.startIndex)..<(windowEnd - data.startIndex))
            windowStart = windowEnd
        }
        for hit in hits {
            let position = hit - data.startIndex
            // The last object starting before the hit.
            var low = 0, high = starts.count - 1, owner: Int32?
            while low <= high {
                let middle = (low + high) / 2
                if starts[middle].value <= position {
                    owner = starts[middle].key
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            if let owner, found.last != owner { found.append(owner) }
        }
        return found
    }

    /// The index of the first `needle` at or after `from`, searched in the bytes in place
    /// with glibc's `memchr` and `memcmp`: Data's own search copies the rest of the file for each call
    /// (seconds over thousands of objects), and a byte loop in Swift was 13 million
    /// instructions of the default briefing (the finisher looks for nine kinds of object).
    static func find(_ needle: String, in data: Data, from: Data.Index) -> Data.Index? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, from >= data.startIndex else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data.Index? in
            let offset = from - data.startIndex
            guard let base = bytes.baseAddress, offset + pattern.count <= bytes.count else { return nil }
            return pattern.withUnsafeBytes { needle -> Data.Index? in
                let end = base + bytes.count
                var cursor = base + offset
                // memchr finds each candidate first byte (vectorised in glibc), memcmp the rest.
                while end - cursor >= needle.count {
                    guard let candidate = memchr(cursor, Int32(pattern[0]), end - cursor - needle.count + 1) else { return nil }
                    if memcmp(candidate, needle.baseAddress!, needle.count) == 0 {
                        return data.startIndex + base.distance(to: UnsafeRawPointer(candidate))
                    }
                    cursor = UnsafeRawPointer(candidate) + 1
                }
                return nil
            }
        }
    }

    /// A PDF text string. Printable ASCII as a literal string, anything else as UTF-16BE with a byte-order mark.
    static func textString(_ text: String) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            var bytes: [UInt8] = [UInt8(ascii: "(")]
            bytes.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: ")"))
            return String(decoding: bytes, as: UTF8.self)
        }
        // By hand: String(format:) per character cost a tenth of a second over 10,000 links.
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes = Array("<FEFF".utf8)
        bytes.reserveCapacity(6 + text.utf16.count * 4)
        for unit in text.utf16 {
            for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        bytes.append(UInt8(ascii: ">"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An xref entry of 20 bytes with its CR LF: a ten-digit offset, generation 0, in use;
    /// or, for a number no object has, a free entry.
    static func appendEntry(_ offset: Int?, to table: inout [UInt8]) {
        guard var value = offset else {
            table += Array("0000000000 00000 f\r\n".utf8)
            return
        }
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 10)
        var index = 9
        while value > 0, index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            index -= 1
        }
        table += digits
        table += Array(" 00000 n\r\n".utf8)
    }
}

/// The end of a PDF file.
enum PDFTail {
    /// The offset after the last `startxref`.
    static func startXref(_ data: Data) -> Int? {
        let tail = data.suffix(64)
        guard let text = String(bytes: tail, encoding: .isoLatin1), let range = text.range(of: "startxref", options: .backwards) else {
            return nil
        }
        return Int(text[range.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
    }

    /// The object number an entry of the trailer after `xrefStart` refers to (`/Root 1 0 R`).
    static func trailerReference(_ key: String, in data: Data, from xrefStart: Int) -> Int32? {
        guard let trailer = CairoXref.find("trailer", in: data, from: data.startIndex + xrefStart) else { return nil }
        let text = String(decoding: data[trailer...].prefix(512), as: UTF8.self)
        guard let entry = text.range(of: key + " ") ?? text.range(of: key + "\n") else { return nil }
        return text[entry.upperBound...].split(whereSeparator: \.isWhitespace).first.flatMap { Int32($0) }
    }
}
