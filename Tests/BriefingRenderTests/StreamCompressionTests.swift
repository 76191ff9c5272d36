import CZlib
import Foundation
import Testing

@testable import BriefingRender

/// The streams cairo leaves uncompressed under `CAIRO_DEBUG_PDF` (which the program sets,
/// and a test process cannot: setenv with threads running is unsafe) deflated by the
/// finisher: files written here in cairo's shape, with an xref table that finds each object.
@Suite struct StreamCompressionTests {
    /// A PDF 1.5 file of `objects` (bodies between `N 0 obj` and `endobj`, numbered from 1).
    static func file(_ objects: [String]) -> Data {
        var text = "%PDF-1.5\n%\u{00B5}\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f\r\n"
        for offset in offsets { text += String(format: "%010d 00000 n\r\n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1)\n   /Root 1 0 R\n   /Info 2 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }

    static let content = "q 1 0 0 -1 0 200 cm\n0 0 1 rg 0 0 10 10 re f\nQ\n"
    static let cmap = "/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<00> <ff>\nendcodespacerange\nend\n"

    /// A catalog, an Info dictionary, a page content with an indirect length, a ToUnicode
    /// map with a direct one, a font file already compressed (its `/Length1` is not the
    /// stream's length) and metadata, which stays readable.
    static let objects = [
        "<< /Type /Catalog /Pages 3 0 R >>",
        "<< /Producer (test) >>",
        "<< /Length 4 0 R >>\nstream\n\(content)endstream",
        "   \(content.utf8.count)",
        "<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)endstream",
        "<< /Length1 99 /Length 3\n   /Filter /FlateDecode\n>>\nstream\nabc\nendstream",
        "<< /Type /Metadata /Subtype /XML /Length 5 >>\nstream\n<x/>\nendstream",
    ]

    static func inflate(_ bytes: [UInt8]) -> String? {
        var size = uLong(1 << 16)
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in uncompress(target.baseAddress, &size, source.baseAddress, uLong(bytes.count)) }
        }
        guard status == Z_OK else { return nil }
        return String(decoding: output.prefix(Int(size)), as: UTF8.self)
    }

    /// The stream data of object `id` in `pdf` and its dictionary's text.
    static func stream(_ id: Int32, in pdf: Data) throws -> (dictionary: String, data: [UInt8]) {
        let offsets = CairoXref.offsets(pdf)
        let body = try #require(CairoXref.object(id, in: pdf, offsets: offsets), "object \(id)")
        let keyword = try #require(CairoXref.find("stream\n", in: body, from: body.startIndex))
        let end = try #require(CairoXref.find("\nendstream", in: body, from: keyword))
        return (String(decoding: body[..<keyword], as: UTF8.self), Array(body[(keyword + 7)..<end]))
    }

    @Test func uncompressedStreamsAreDeflatedAndTheRestKept() throws {
        let pdf = Self.file(Self.objects)
        let compressed = try PDFFinisher.compressedOnly(pdf)
        #expect(compressed != pdf)
        // Header and trailer as cairo wrote them: no version raised, no ID (not a finished file).
        #expect(compressed.starts(with: Data("%PDF-1.5".utf8)))
        let text = String(decoding: compressed, as: UTF8.self)
        #expect(!text.contains("/ID"))
        #expect(text.contains("/Root 1 0 R") && text.contains("/Info 2 0 R"))
        let after = CairoXref.offsets(compressed)
        // A direct length is rewritten; an indirect one stays, and its object holds the new length.
        let (cmapDictionary, cmapData) = try Self.stream(5, in: compressed)
        #expect(cmapDictionary.contains("/Length \(cmapData.count) /Filter /FlateDecode"), "\(cmapDictionary)")
        #expect(Self.inflate(cmapData) == Self.cmap)
        let (contentDictionary, contentData) = try Self.stream(3, in: compressed)
        #expect(contentDictionary.contains("/Length 4 0 R /Filter /FlateDecode"), "\(contentDictionary)")
        #expect(Self.inflate(contentData) == Self.content)
        let length = try #require(CairoXref.object(4, in: compressed, offsets: after))
        #expect(String(decoding: length, as: UTF8.self) == "\(contentData.count)")
        // Already compressed, and metadata: byte for byte as they were.
        let offsets = CairoXref.offsets(pdf)
        for id: Int32 in [1, 2, 6, 7] {
            #expect(CairoXref.object(id, in: compressed, offsets: after) == CairoXref.object(id, in: pdf, offsets: offsets), "object \(id)")
        }
    }

    @Test func aFileWithNothingUncompressedComesBackAsItIs() throws {
        let pdf = Self.file(Array(Self.objects.prefix(2)) + [Self.objects[5]])
        #expect(try PDFFinisher.compressedOnly(pdf) == pdf)
        // cairo's own compressed output, as an in-process run gets it.
        let cairo = try PDFExporter.export(FinisherPartsTests.document)
        #expect(try PDFFinisher.compressedOnly(cairo) == cairo)
    }

    /// A stream whose length does not match its data, or whose length object is missing,
    /// is left uncompressed rather than cut.
    @Test func aStreamNotInCairosShapeIsLeftAlone() throws {
        var objects = Self.objects
        objects[2] = "<< /Length 9 0 R >>\nstream\n\(Self.content)endstream"
        objects[4] = "<< /Length 7 >>\nstream\n\(Self.cmap)endstream"
        let pdf = Self.file(objects)
        #expect(try PDFFinisher.compressedOnly(pdf) == pdf)
    }

    /// A process that finishes again (watch) reuses what it deflated for the same bytes.
    @Test func theCacheKeepsWhatTheLastFinishDeflated() throws {
        let pdf = Self.file(Self.objects)
        let offsets = CairoXref.offsets(pdf)
        var kept: StreamCompression.Cache? = [:]
        let first = StreamCompression.replacements(in: pdf, offsets: offsets, skipping: [3], previous: [:], kept: &kept)
        #expect(Set(first.keys) == [5], "the page content is the marker's")
        #expect(kept?.count == 1)
        var none: StreamCompression.Cache? = nil
        _ = StreamCompression.replacements(in: pdf, offsets: offsets, skipping: [3], previous: [:], kept: &none)
        #expect(none == nil, "a one-off finish keeps nothing")
        // A deliberately wrong cached value shows it was used rather than deflated again.
        var again: StreamCompression.Cache? = [:]
        let marker: [UInt8] = [1, 2, 3]
        let second = StreamCompression.replacements(
            in: pdf, offsets: offsets, skipping: [3], previous: [kept!.keys.first!: marker], kept: &again)
        #expect(again?.values.first == marker)
        #expect(second[5].map { String(decoding: $0, as: UTF8.self).contains("/Length 3 /Filter /FlateDecode") } == true)
    }
}
