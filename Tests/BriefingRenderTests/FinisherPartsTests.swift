import BriefingContent
import BriefingLayout
import Foundation
import Testing

@testable import BriefingRender

/// The PDF finisher's parts on small inputs: content streams marked for PDF/UA, cairo's xref
/// read as text, and a whole two-page file finished (catalog, version, XMP, artifacts).
@Suite struct FinisherPartsTests {
    private func marked(_ content: String) -> String? {
        ArtifactMarker.mark(Array(content.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Searching cairo's bytes in place: from any position, in a slice of a larger buffer,
    /// past near misses, and up to the very last byte.
    @Test func findingBytesInPlace() {
        let whole = Data("xx/Subtype /Lin/Subtype /Link>>/Subtype /Link".utf8)
        let data = whole[2...]
        #expect(CairoXref.find("/Subtype /Link", in: data, from: data.startIndex) == 15)
        #expect(CairoXref.find("/Subtype /Link", in: data, from: 16) == 31)
        #expect(CairoXref.find("/Subtype /Link", in: data, from: 32) == nil)
        #expect(CairoXref.find("xx", in: data, from: data.startIndex) == nil)
        #expect(CairoXref.find(">>/S", in: data, from: data.startIndex) == 29)
        #expect(CairoXref.find("k", in: data, from: 44) == 44)
        #expect(CairoXref.find("", in: data, from: data.startIndex) == nil)
    }

    @Test func untaggedPaintingIsBracketedAndTaggedContentIsLeftAlone() throws {
        let content = """
            q 0 0 1 rg 0 0 10 10 re f Q
            /P <</MCID 0>> BDC BT /F1 12 Tf 1 0 0 1 5 5 Tm (Hi) Tj ET EMC
            0 0 m 10 10 l S
            """
        let result = try #require(marked(content))
        // The rule before the tagged text and the line after it, each bracketed; the text not.
        #expect(result.components(separatedBy: "/Artifact BMC").count - 1 == 2, "\(result)")
        #expect(result.components(separatedBy: "EMC").count - 1 == 3)
        let tagged = try #require(result.range(of: "/P <</MCID 0>> BDC"))
        let firstArtifact = try #require(result.range(of: "/Artifact BMC"))
        #expect(firstArtifact.lowerBound < tagged.lowerBound)
        let taggedEnd = try #require(result[tagged.upperBound...].range(of: "EMC"))
        #expect(!result[tagged.lowerBound..<taggedEnd.lowerBound].contains("/Artifact"), "nothing inside the tagged sequence: \(result)")
        // Painting is only bracketed: the operators are all there, in order.
        let operators = { (text: String) in
            text.split(whereSeparator: \.isWhitespace).filter { ["re", "f", "Tj", "m", "l", "S"].contains($0) }
        }
        #expect(operators(result) == operators(content))
    }

    /// A long file is searched a mebibyte at a time: a match across a window's end is found
    /// once, as are matches at its first and last bytes.
    @Test func searchingByWindowsMissesNothingAtTheirEdges() {
        let window = 1 << 20, needle = "/S /Figure"
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3 * window)
        // Objects start every 64 KiB; matches straddling the first edge, ending at the
        // second, starting on it, and at the very end of the file.
        var offsets: [Int32: Int] = [:]
        for (index, start) in stride(from: 0, to: bytes.count, by: 1 << 16).enumerated() { offsets[Int32(index + 1)] = start }
        let places = [window - 4, 2 * window - needle.utf8.count, 2 * window, bytes.count - needle.utf8.count]
        for place in places { bytes.replaceSubrange(place..<(place + needle.utf8.count), with: Array(needle.utf8)) }
        let found = CairoXref.objects(in: Data(bytes), containing: needle, offsets: offsets)
        #expect(found == places.map { Int32($0 >> 16) + 1 })
    }

    /// The marker's switches say what the operator sets say, for every code of up to two
    /// bytes and the three-byte operators.
    @Test func operatorSwitchesAgreeWithTheSets() {
        typealias Op = ArtifactMarker.Op
        #expect([Op.BI, Op.BDC, Op.BMC, Op.EMC, Op.BT, Op.ET] == ["BI", "BDC", "BMC", "EMC", "BT", "ET"].map(Op.code))
        var codes = Array(UInt32(0)..<0x1_0000)
        codes += ["BDC", "BMC", "EMC", "rer", "Tjx"].map(Op.code)
        for op in codes {
            #expect(Op.constructsPath(op) == Op.pathConstruction.contains(op), "\(String(op, radix: 16))")
            #expect(Op.paintsPath(op) == Op.pathPainting.contains(op), "\(String(op, radix: 16))")
            #expect(Op.paints(op) == Op.painting.contains(op), "\(String(op, radix: 16))")
        }
    }

    @Test func contentAlreadyAllTaggedIsUnchanged() throws {
        let content = "/P <</MCID 0>> BDC BT /F1 12 Tf (A) Tj ET EMC /P <</MCID 1>> BDC BT (B) Tj ET EMC"
        #expect(try #require(marked(content)).contains("/Artifact") == false)
    }

    @Test func whatCannotBeMarkedSafelyIsLeftAsItIs() {
        #expect(marked("/P <</MCID 0>> BDC 0 0 m 1 1 l S") == nil, "marked content never closed")
        #expect(marked("q BI /W 1 /H 1 /BPC 8 /CS /G ID \u{0} EI Q") == nil, "an inline image")
    }

    /// A real cairo file, read through its xref as the finisher reads it.
    @Test func cairosXrefLeadsToEveryObject() throws {
        let pdf = try PDFExporter.export(Self.document)
        let offsets = CairoXref.offsets(pdf)
        #expect(offsets.count > 5)
        for (id, _) in offsets {
            let object = try #require(CairoXref.object(id, in: pdf, offsets: offsets), "object \(id)")
            #expect(!object.isEmpty)
        }
        let catalogs = CairoXref.objects(in: pdf, containing: "/Type /Catalog", offsets: offsets)
        #expect(catalogs.count == 1)
    }

    /// An xref table with two subsections, a free entry and CR LF or LF line ends.
    @Test func xrefEntriesAreReadByNumber() {
        let table =
            "xref\r\n0 3\r\n0000000000 65535 f\r\n0000000015 00000 n\r\n0000000120 00000 n\r\n7 2\n0000004096 00000 n\n0000000000 00000 f\n"
        let pdf = Data(("%PDF-1.5\n" + table + "trailer\n<< /Size 9 >>\nstartxref\n9\n%%EOF\n").utf8)
        #expect(CairoXref.offsets(pdf) == [1: 15, 2: 120, 7: 4096])
        #expect(CairoXref.offsets(Data("%PDF-1.5\nstartxref\n9\n%%EOF\n".utf8)).isEmpty, "no table where startxref points")
    }

    @Test func textStringsEscapeWhatALiteralMust() {
        #expect(CairoXref.textString("Go to (a) \\ b") == "(Go to \\(a\\) \\\\ b)")
        #expect(CairoXref.textString("") == "()")
        #expect(CairoXref.textString("é") == "<FEFF00E9>")
    }

    @Test func aFinishedFileClaimsWhatItHas() throws {
        let finished = try PDFFinisher.finish(try PDFExporter.export(Self.document), document: Self.document, standard: .ua1)
        let text = String(decoding: finished, as: UTF8.self)
        #expect(finished.starts(with: Data("%PDF-1.7".utf8)))
        // (Page contents are deflated: their marking is ArtifactMarker's test above.)
        let missing = ["/Lang", "/MarkInfo", "/DisplayDocTitle", "pdfuaid:part", "/Tabs"].filter { !text.contains($0) }
        #expect(missing.isEmpty, "missing: \(missing)")
        // Bytes repeat for the same input.
        #expect(finished == (try PDFFinisher.finish(try PDFExporter.export(Self.document), document: Self.document, standard: .ua1)))
    }

    /// Two pages: a tagged heading over an untagged rule, then an untagged band.
    static let document = PagedDocument(
        pageSize: Size(width: 200, height: 200),
        pages: [
            PagedDocument.Page(items: [
                .beginStructure(.document),
                .fill(Rect(x: 10, y: 10, width: 180, height: 1), Color(red: 0.5, green: 0.5, blue: 0.5)),
            ]),
            PagedDocument.Page(items: [
                .fill(Rect(x: 0, y: 0, width: 200, height: 40), Color(red: 0.1, green: 0.2, blue: 0.4)),
                .endStructure(.document),
            ]),
        ], paragraphs: [], outline: [],
        metadata: .init(title: "Finisher test", author: "a", subject: "s", keywords: "", creator: "test", creationDate: "2026-11-30"))
}
