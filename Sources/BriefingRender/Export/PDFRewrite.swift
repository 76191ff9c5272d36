import Foundation

/// The finished file, assembled in one pass over cairo's bytes: each changed object's text
/// replaced where it stands, every other byte copied, the appended streams (XMP metadata,
/// the output intent's profile) added before a new xref table (cairo writes one, with no
/// object streams, so every offset is known) and trailer. An incremental update would leave
/// the old objects in the file: a third larger at 354 pages. Pure work on bytes: libqpdf
/// is closed before it runs.
struct PDFRewrite {
    /// cairo's bytes and where each object starts in them.
    let original: Data
    let offsets: [Int32: Int]
    /// Where cairo's xref table starts: the end of its last object.
    let xrefStart: Int
    /// New text of changed objects (between `N 0 obj` and `endobj`), by number.
    let replacements: [Int32: [UInt8]]
    /// Page content streams, marked and deflated, by number.
    let contentStreams: [Int32: [UInt8]]
    /// The object each content stream's `/Length` refers to, which `replacements` rewrites
    /// with the new length (a direct length would leave it unreferenced).
    var contentLengths: [Int32: Int32] = [:]
    /// New streams numbered after the last object.
    let appended: [(id: Int32, dictionary: String, data: Data)]
    /// The catalog's and the Info dictionary's object numbers (0: no Info).
    let catalog: Int32
    let info: Int32
    /// The trailer's `/ID`: a hash of cairo's bytes. Nil for a file that is not finished
    /// (`--pdf-standard none`, whose streams were only compressed): its header and trailer
    /// say what cairo's did, without an ID.
    let fileID: String?

    /// The finished file; a large one is assembled on disk (`SpillingBuffer`).
    func bytes() throws -> Data {
        var output = SpillingBuffer()
        try assemble(into: &output)
        return try output.finish()
    }

    private func assemble(into output: inout SpillingBuffer) throws {
        // Objects in file order; the bytes up to the xref table are copied object by object.
        let ordered = offsets.sorted { $0.value < $1.value }
        output.append(original[original.startIndex..<(original.startIndex + ordered[0].value)])
        if fileID != nil, output.starts(with: Data("%PDF-1.".utf8)), output.count > 8 { output.replaceByte(at: 7, with: UInt8(ascii: "7")) }
        // Where each object is written, by number (-1: unused); an array, as a long
        // briefing has a hundred thousand objects.
        let last = Int(max(offsets.keys.max() ?? 0, appended.map(\.id).max() ?? 0))
        var written = [Int](repeating: -1, count: last + 1)
        // Unchanged objects are copied a run at a time, not one by one.
        var pending: Int?
        var flushes = 0
        func flush(upTo end: Int) {
            if let start = pending {
                output.append(original[(original.startIndex + start)..<(original.startIndex + end)])
                // Copied: not read again. The kernel also mapped up to 64 KiB around what was
                // read, into the page contents between runs, which are never read here: the
                // whole mapping goes every few runs.
                flushes += 1
                SpilledMappings.release(original, flushes % 16 == 0 ? 0..<original.count : start..<end)
            }
            pending = nil
        }
        for (index, (id, offset)) in ordered.enumerated() {
            let end = index + 1 < ordered.count ? ordered[index + 1].value : xrefStart
            guard offset <= end, end <= original.count else { throw PDFFinisher.FinishError(message: "object \(id) overlaps the next") }
            if let stream = contentStreams[id] {
                flush(upTo: offset)
                written[Int(id)] = output.count
                let length = contentLengths[id].map { "\($0) 0 R" } ?? "\(stream.count)"
                output.append(Array("\(id) 0 obj\n<< /Length \(length) /Filter /FlateDecode >>\nstream\n".utf8))
                output.append(stream)
                output.append(Array("\nendstream\nendobj\n".utf8))
            } else if let body = replacements[id] {
                flush(upTo: offset)
                written[Int(id)] = output.count
                output.append(Array("\(id) 0 obj\n".utf8))
                output.append(body)
                output.append(Array("\nendobj\n".utf8))
            } else {
                if pending == nil { pending = offset }
                written[Int(id)] = output.count + (offset - pending!)
            }
        }
        flush(upTo: xrefStart)
        for stream in appended {
            written[Int(stream.id)] = output.count
            output.append(Array("\(stream.id) 0 obj\n<< \(stream.dictionary) /Length \(stream.data.count) >>\nstream\n".utf8))
            output.append(stream.data)
            output.append(Array("\nendstream\nendobj\n".utf8))
        }
        // One xref section for objects 0 to the last, free entries where a number is unused.
        let xref = output.count
        let size = (written.lastIndex { $0 >= 0 } ?? 0) + 1
        var table = Array("xref\n0 \(size)\n0000000000 65535 f\r\n".utf8)
        table.reserveCapacity(64 * 1024 + 256)
        for number in 1..<size {
            CairoXref.appendEntry(written[number] >= 0 ? written[number] : nil, to: &table)
            // Written out a block at a time: at 20 bytes an object, the table is megabytes.
            if table.count >= 64 * 1024 {
                output.append(table)
                table.removeAll(keepingCapacity: true)
            }
        }
        // A deterministic ID from the content (cairo 1.16 writes none).
        table += Array("trailer\n<< /Size \(size) /Root \(catalog) 0 R\(info > 0 ? " /Info \(info) 0 R" : "")".utf8)
        if let fileID { table += Array(" /ID [<\(fileID)> <\(fileID)>]".utf8) }
        table += Array(" >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        output.append(table)
    }
}
