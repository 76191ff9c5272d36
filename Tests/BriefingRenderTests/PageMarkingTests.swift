import Foundation
import Testing

@testable import BriefingRender

/// Page contents found in cairo's output as it is written, and marked early: found in any
/// split of the bytes, only in the shape cairo gives a page's content, and used by the
/// finisher only for a page whose content it reads back the same.
@Suite struct PageMarkingTests {
    static let page = "q\n1 0 0 -1 0 842 cm\n/P <</MCID 0>> BDC\nBT /f-0-0 1 Tf [<0012>]TJ ET\nEMC\n0 0 1 rg 0 0 10 10 re f\nQ\n"
    static let second = "q 0 0 5 5 re f Q"
    /// A content whose bytes hold the text that closes a stream: its length object disagrees
    /// with where that text ends it, so it is passed over rather than cut.
    static let tricky = "q (\nendstream\nendobj\n) Tj Q"

    /// Objects in cairo 1.16's shape: a page content (5, length in 6), an XObject stream
    /// (skipped), a compressed stream (skipped), the tricky content (11, length in 12), a
    /// content whose length object is wrong (13), and a second page content (15).
    static let file: [UInt8] = {
        func object(_ id: Int, _ body: String) -> String { "\(id) 0 obj\n\(body)\nendobj\n" }
        func content(_ id: Int, _ data: String, length: Int? = nil) -> String {
            "\(id) 0 obj\n<< /Length \(id + 1) 0 R\n>>\nstream\n\(data)\nendstream\nendobj\n"
                + object(id + 1, "   \(length ?? data.utf8.count)")
        }
        let text =
            "%PDF-1.5\n%\u{00B5}\n" + object(1, "<< /Type /Catalog >>") + content(5, page)
            + "7 0 obj\n<< /Length 8 0 R\n   /Type /XObject\n   /Subtype /Form\n>>\nstream\nq Q\nendstream\nendobj\n" + object(8, "   3")
            + "9 0 obj\n<< /Length 10 0 R\n   /Filter /FlateDecode\n>>\nstream\nxyz\nendstream\nendobj\n" + object(10, "   3")
            + content(11, tricky) + content(13, "q Q", length: 4) + content(15, second) + "xref\n0 16\ntrailer\n<< /Size 16 >>\n%%EOF\n"
        return Array(text.utf8)
    }()

    func found(splittingEvery step: Int) -> [String] {
        var scanner = ContentStreamScanner()
        var found: [String] = []
        for start in stride(from: 0, to: Self.file.count, by: step) {
            Self.file[start..<min(Self.file.count, start + step)].withUnsafeBytes { piece in
                scanner.feed(piece) { id, content in found.append("\(id): \(String(decoding: content, as: UTF8.self))") }
            }
        }
        return found
    }

    @Test func pageContentsAreFoundWhereverTheBytesSplit() {
        let expected = ["5: \(Self.page)", "15: \(Self.second)"]
        for step in [1, 2, 3, 7, 10, 17, 18, 19, 31, 64, 100, 1000, Self.file.count] {
            #expect(found(splittingEvery: step) == expected, "pieces of \(step) bytes")
        }
    }

    /// A premarked page is used when its content is what libqpdf reads, and only then.
    @Test func theFinisherTakesAMarkedPageOnlyWhenItsContentIsTheSame() throws {
        let document = FinisherPartsTests.document
        let cairo = try PDFExporter.export(document)
        let plain = try PDFFinisher.finish(cairo, document: document, standard: .ua1)
        // Every stream's content as libqpdf decodes it (cairo compresses them in a test
        // process), each "marked" as an empty page.
        var contents: [Int32: [UInt8]] = [:]
        let offsets = CairoXref.offsets(cairo)
        for id in offsets.keys {
            guard let body = CairoXref.object(id, in: cairo, offsets: offsets),
                let keyword = CairoXref.find("stream\n", in: body, from: body.startIndex),
                let end = CairoXref.find("\nendstream", in: body, from: keyword)
            else { continue }
            let data = Array(body[(keyword + 7)..<end])
            let compressed = CairoXref.find("/FlateDecode", in: body, from: body.startIndex).map { $0 < keyword } ?? false
            if let decoded = compressed ? StreamCompressionTests.inflate(data).map({ Array($0.utf8) }) : data { contents[id] = decoded }
        }
        #expect(contents.count >= 2)
        let empty = ArtifactMarker.deflate(Array("q Q\n".utf8))
        let wrong = PageMarking()
        for (id, content) in contents {
            wrong.record(id, .init(signature: (content + [0x20]).withUnsafeBytes { PageMarking.Signature($0) }, marked: empty))
        }
        #expect(try PDFFinisher.finish(cairo, document: document, standard: .ua1, marking: wrong) == plain)
        let right = PageMarking()
        for (id, content) in contents {
            right.record(id, .init(signature: content.withUnsafeBytes { PageMarking.Signature($0) }, marked: empty))
        }
        let taken = try PDFFinisher.finish(cairo, document: document, standard: .ua1, marking: right)
        #expect(taken != plain)
        #expect(taken.count < plain.count)
    }

    /// The file ID summed from cairo's bytes as they arrive is the one summed from the whole
    /// file, however the bytes were split; a marking that saw other than all of them gives none.
    @Test func theFileIDIsSummedAsTheBytesArrive() {
        let whole = InputHash.hex(of: Data(Self.file))
        for step in [1, 7, 64, 1000, Self.file.count] {
            let marking = PageMarking()
            for start in stride(from: 0, to: Self.file.count, by: step) {
                Self.file[start..<min(Self.file.count, start + step)].withUnsafeBytes { marking.feed($0) }
            }
            #expect(marking.fileHash(of: Self.file.count) == whole, "pieces of \(step) bytes")
            #expect(marking.fileHash(of: Self.file.count + 1) == nil)
        }
        #expect(PageMarking().fileHash(of: Self.file.count) == nil)
    }

    /// A file finished with what its marking summed and marked while cairo wrote is the file
    /// finished from cairo's bytes alone.
    @Test func aFileFinishedWithItsMarkingIsTheSame() throws {
        let document = FinisherPartsTests.document
        let marking = PageMarking()
        let cairo = try PDFExporter.export(document, marking: marking)
        #expect(marking.fileHash(of: cairo.count) == InputHash.hex(of: cairo))
        let plain = try PDFFinisher.finish(cairo, document: document, standard: .ua1)
        #expect(try PDFFinisher.finish(cairo, document: document, standard: .ua1, marking: marking) == plain)
    }
}
