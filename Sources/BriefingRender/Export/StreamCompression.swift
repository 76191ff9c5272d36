import Foundation

/// Deflates the streams cairo wrote uncompressed. The program asks cairo for uncompressed
/// content (`CAIRO_DEBUG_PDF`, set by `main` before any thread starts) because the finisher
/// decodes every page's content to mark artifacts and deflates it again anyway: cairo's own
/// deflate, and libqpdf's inflate of it, were work thrown away (19 million instructions of
/// zlib on the default briefing, 31 on a 2,000-event timeline). Everything else cairo
/// would have compressed (ToUnicode maps, form XObjects, patterns) is deflated here, as the
/// page contents are (`ArtifactMarker.deflate`), so the file is no larger. A process that did not ask (the
/// in-process tests, a library user) gets compressed streams from cairo and nothing here
/// changes them.
///
/// Works on cairo's bytes as text, like `CairoXref`: an object `N 0 obj << ... >> stream`
/// whose dictionary has no `/Filter`. A stream whose shape is not cairo's is left as it is:
/// uncompressed, still correct.
enum StreamCompression {
    /// The deflated streams of the last finish, by their uncompressed bytes, for a process
    /// that builds again (watch): an unchanged ToUnicode map or form is not deflated again.
    typealias Cache = [Data: [UInt8]]

    /// - Parameter kept: the deflated streams by their bytes, for `previous` next time; nil
    ///   in a process that will not finish again.
    ///
    /// New text (between `N 0 obj` and `endobj`) of each uncompressed stream object except
    /// those in `skipping` (page contents the finisher rewrites itself) and metadata, and of
    /// each length object such a stream refers to (`/Length 7 0 R`), which now holds the
    /// deflated length: the reference stays, so no object is left unreferenced.
    static func replacements(
        in original: Data, offsets: [Int32: Int], skipping: Set<Int32>, previous: Cache, kept: inout Cache?
    ) -> [Int32: [UInt8]] {
        var found: [Int32: [UInt8]] = [:]
        defer {
            // What was read of cairo's file (mapped from disk in a long briefing) goes back.
            SpilledMappings.release(original, 0..<original.count)
        }
        for (number, id) in CairoXref.objects(in: original, containing: "endstream", offsets: offsets).filter({ !skipping.contains($0) })
            .enumerated()
        {
            if number % 16 == 15 { SpilledMappings.release(original, 0..<original.count) }
            // The dictionary first: a compressed stream (a font, an image) is not copied whole.
            guard Stream.mayBeUncompressed(id, in: original, offsets: offsets),
                let body = CairoXref.object(id, in: original, offsets: offsets), let stream = Stream(body, in: original, offsets: offsets)
            else { continue }
            let data = body[stream.data]
            let deflated: [UInt8]
            if let cached = previous[data] {
                deflated = cached
            } else if let made = ArtifactMarker.deflate(Array(data)) {
                deflated = made
            } else {
                continue
            }
            // Kept only for a process that finishes again: a one-off run would hold every
            // stream's bytes (with `none`, every page's content) to no purpose.
            kept?[data] = deflated
            var text = Array(body[body.startIndex..<stream.length.lowerBound])
            if let lengthObject = stream.lengthObject {
                text += Array(body[stream.length]) + Array(" /Filter /FlateDecode".utf8)
                found[lengthObject] = Array("\(deflated.count)".utf8)
            } else {
                text += Array("/Length \(deflated.count) /Filter /FlateDecode".utf8)
            }
            text += Array(body[stream.length.upperBound..<stream.dictionaryEnd])
            text += Array("stream\n".utf8)
            text += deflated
            text += Array("\nendstream".utf8)
            found[id] = text
        }
        return found
    }

    /// Where an uncompressed stream object's parts are, in its body's indices.
    struct Stream {
        /// The `/Length ...` entry (`/Length 120` or `/Length 7 0 R`).
        var length: Range<Data.Index>
        /// The object holding the length, when the entry refers to one.
        var lengthObject: Int32?
        /// Where the `stream` keyword starts: the dictionary ends before it.
        var dictionaryEnd: Data.Index
        /// The stream's bytes.
        var data: Range<Data.Index>

        /// - Parameters:
        ///   - body: the object's text, from `CairoXref.object`.
        ///   - original: the file, for an indirect length's object.
        init?(_ body: Data, in original: Data, offsets: [Int32: Int]) {
            guard body.starts(with: Data("<<".utf8)), let keyword = Self.streamKeyword(in: body) else { return nil }
            let dictionary = body[body.startIndex..<keyword]
            // Compressed already, or metadata (kept readable, as PDF/A asks).
            guard CairoXref.find("/Filter", in: dictionary, from: dictionary.startIndex) == nil,
                CairoXref.find("/Metadata", in: dictionary, from: dictionary.startIndex) == nil,
                let entry = Self.lengthEntry(in: dictionary)
            else { return nil }
            var start = keyword + "stream".utf8.count
            if start < body.endIndex, body[start] == 0x0D { start += 1 }
            guard start < body.endIndex, body[start] == 0x0A else { return nil }
            start += 1
            guard let count = Self.length(entry.value, in: original, offsets: offsets), count >= 0, start + count <= body.endIndex else { return nil }
            // The data must be followed by `endstream` (after an end of line or none).
            var after = start + count
            while after < body.endIndex, body[after] == 0x0A || body[after] == 0x0D { after += 1 }
            guard body[after...].starts(with: Data("endstream".utf8)) else { return nil }
            length = entry.whole
            lengthObject = entry.value.count == 3 ? Int32(entry.value[0]) : nil
            dictionaryEnd = keyword
            data = start..<(start + count)
        }

        /// Whether object `id`'s dictionary (its first bytes) leaves the stream unfiltered.
        static func mayBeUncompressed(_ id: Int32, in original: Data, offsets: [Int32: Int]) -> Bool {
            guard let head = head(of: id, in: original, offsets: offsets) else { return false }
            guard let keyword = CairoXref.find("stream", in: head, from: head.startIndex) else { return true }  // a long dictionary: look at all of it
            return CairoXref.find("/Filter", in: head[..<keyword], from: head.startIndex) == nil
        }

        /// The `stream` keyword after the dictionary's closing `>>` and white space.
        static func streamKeyword(in body: Data) -> Data.Index? {
            guard let keyword = CairoXref.find("stream", in: body, from: body.startIndex) else { return nil }
            var before = keyword
            while before > body.startIndex, [0x0A, 0x0D, 0x20].contains(body[before - 1]) { before -= 1 }
            guard before - body.startIndex >= 2, body[before - 1] == UInt8(ascii: ">"), body[before - 2] == UInt8(ascii: ">") else { return nil }
            return keyword
        }

        /// The dictionary's own `/Length` entry (not `/Length1`): the whole entry and its value.
        static func lengthEntry(in dictionary: Data) -> (whole: Range<Data.Index>, value: [Substring])? {
            var from = dictionary.startIndex
            while let hit = CairoXref.find("/Length", in: dictionary, from: from) {
                from = hit + 1
                let valueStart = hit + "/Length".utf8.count
                guard valueStart < dictionary.endIndex, [0x0A, 0x0D, 0x20].contains(dictionary[valueStart]) else { continue }
                // The value: an integer, or `N 0 R`.
                let rest = String(decoding: dictionary[valueStart...].prefix(40), as: UTF8.self)
                let words = rest.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
                guard let first = words.first, first.allSatisfy(\.isASCIIDigit) else { return nil }
                let indirect = words.count >= 3 && words[1] == "0" && words[2].hasPrefix("R")
                let value = indirect ? Array(words.prefix(3)) : [first]
                // The entry's end: past the value's words in the bytes.
                var end = valueStart
                for word in value {
                    while end < dictionary.endIndex, [0x0A, 0x0D, 0x20].contains(dictionary[end]) { end += 1 }
                    // `R` may run into what follows (`0 R>>`): only its own byte is the value's.
                    end += word.hasPrefix("R") ? 1 : word.utf8.count
                }
                return (hit..<end, value)
            }
            return nil
        }

        /// The object a stream's indirect `/Length` refers to, from its text in cairo's file.
        /// Only the object's first bytes are read: a page's content follows its dictionary.
        static func lengthObject(of id: Int32, in original: Data, offsets: [Int32: Int]) -> Int32? {
            guard let head = head(of: id, in: original, offsets: offsets),
                let keyword = CairoXref.find("stream", in: head, from: head.startIndex),
                let entry = lengthEntry(in: head[head.startIndex..<keyword]), entry.value.count == 3
            else { return nil }
            return Int32(entry.value[0])
        }

        /// The first 2 KiB of object `id` (after `N 0 obj`), where cairo writes a stream's
        /// dictionary.
        static func head(of id: Int32, in original: Data, offsets: [Int32: Int]) -> Data? {
            guard let offset = offsets[id], offset < original.count else { return nil }
            let start = original.startIndex + offset
            let head = original[start..<min(original.endIndex, start + 2048)]
            let opening = Data("\(id) 0 obj".utf8)
            guard head.starts(with: opening) else { return nil }
            return head[(head.startIndex + opening.count)...]
        }

        /// A length written directly, or the integer in the object it refers to.
        static func length(_ value: [Substring], in original: Data, offsets: [Int32: Int]) -> Int? {
            if value.count == 1 { return Int(value[0]) }
            guard let id = Int32(value[0]), let object = CairoXref.object(id, in: original, offsets: offsets) else { return nil }
            return Int(String(decoding: object, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
