import CLinux
import Foundation

/// Finds the page content streams in cairo's PDF as cairo writes it, piece by piece: each
/// object written `ID 0 obj\n<< /Length LID 0 R\n>>\nstream\n`, its bytes, `\nendstream\n
/// endobj\n`, then its length object `LID 0 obj\n   LENGTH\nendobj\n` (what cairo 1.16's
/// `_cairo_pdf_surface_open_stream` writes for a page's content, which has no other key). A
/// stream is reported only when its length object agrees with the bytes found; anything else
/// (other objects, a stream cairo compressed, text that only looks like a stream) is passed
/// over. What is reported is a candidate: the finisher uses it only for a page whose content
/// libqpdf reads back equal (`PageMarking`).
struct ContentStreamScanner {
    /// Bytes not yet looked at, or of a stream not yet ended.
    private var pending: [UInt8] = []
    /// Where in `pending` the search resumes.
    private var position = 0
    /// The stream being read: its object number, its length object's, where its bytes start.
    private var open: (id: Int32, lengthID: Int32, start: Int)?
    /// A stream whose end was found, waiting for its length object.
    private var ended: (id: Int32, lengthID: Int32, start: Int, end: Int)?

    private static let streamOpen = Array(">>\nstream\n".utf8)
    private static let streamClose = Array("\nendstream\nendobj\n".utf8)
    private static let objectClose = Array("\nendobj\n".utf8)

    /// Takes the next bytes cairo wrote; calls `found` with each complete content stream.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, found: (Int32, [UInt8]) -> Void) {
        pending.append(contentsOf: bytes)
        while step(found) {}
        compact()
    }

    /// One step of the reading; false when more bytes are needed.
    private mutating func step(_ found: (Int32, [UInt8]) -> Void) -> Bool {
        if let stream = ended {
            guard let close = Self.index(of: Self.objectClose, in: pending, from: stream.end + Self.streamClose.count) else {
                return false
            }
            let header = Array("\(stream.lengthID) 0 obj\n   ".utf8)
            let lengthStart = stream.end + Self.streamClose.count
            if pending[lengthStart...].starts(with: header),
                let length = Int(String(decoding: pending[(lengthStart + header.count)..<close], as: UTF8.self)),
                length == stream.end - stream.start
            {
                found(stream.id, Array(pending[stream.start..<stream.end]))
            }
            ended = nil
            position = close + Self.objectClose.count
            return true
        }
        if let stream = open {
            guard let end = Self.index(of: Self.streamClose, in: pending, from: max(position, stream.start)) else {
                // The close may straddle the next piece: look again from just before it.
                position = max(stream.start, pending.count - Self.streamClose.count)
                return false
            }
            open = nil
            ended = (stream.id, stream.lengthID, stream.start, end)
            return true
        }
        guard let at = Self.index(of: Self.streamOpen, in: pending, from: position) else {
            position = max(position, pending.count - Self.streamOpen.count)
            return false
        }
        position = at + Self.streamOpen.count
        if let (id, lengthID) = contentHeader(before: at) {
            open = (id, lengthID, position)
        }
        return true
    }

    /// The object and length-object numbers when the line just before `at` is exactly
    /// `<< /Length LID 0 R` and the one before it `ID 0 obj`.
    private func contentHeader(before at: Int) -> (Int32, Int32)? {
        // Decoded leniently: the bytes before the header line may be a binary stream's end.
        let text = String(decoding: pending[max(0, at - Self.headerReach)..<at], as: UTF8.self)
        guard text.hasSuffix(" 0 R\n"),
            let middle = text.range(of: " 0 obj\n<< /Length ", options: .backwards),
            let newline = text[..<middle.lowerBound].lastIndex(of: "\n"),
            let id = Int32(text[text.index(after: newline)..<middle.lowerBound]),
            let lengthID = Int32(text[middle.upperBound..<text.index(text.endIndex, offsetBy: -5)])
        else { return nil }
        return (id, lengthID)
    }

    /// How far before a stream's start its header is looked for (and kept when the buffer
    /// is compacted): the line end before it, two numbers and the fixed text.
    private static let headerReach = 64

    /// Drops what was read and is no longer needed, once it is most of the buffer.
    private mutating func compact() {
        let keep = (open?.start ?? ended?.start ?? position) - Self.headerReach
        guard keep > 64 << 10, keep * 2 > pending.count else { return }
        pending.removeFirst(keep)
        position -= keep
        if let stream = open { open = (stream.id, stream.lengthID, stream.start - keep) }
        if let stream = ended { ended = (stream.id, stream.lengthID, stream.start - keep, stream.end - keep) }
    }

    /// Where `pattern` first occurs in `bytes` at or after `start`.
    private static func index(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { buffer in
            pattern.withUnsafeBytes { needle in
                guard let base = buffer.baseAddress, let pattern = needle.baseAddress,
                    let hit = memmem(base + start, buffer.count - start, pattern, needle.count)
                else { return nil }
                return base.distance(to: UnsafeRawPointer(hit))
            }
        }
    }
}
