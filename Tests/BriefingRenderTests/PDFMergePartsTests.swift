import BriefingLayout
import Foundation
import Testing

@testable import BriefingRender

/// The pieces the watch's page merge is made of, on small inputs: object text parsed and
/// written back, references renumbered, names decoded, page labels and bookmarks written as
/// cairo writes them.
@Suite struct PDFMergePartsTests {
    func parse(_ text: String) throws -> PDFObjectBody { try PDFObjectBody.parse(ArraySlice(Array(text.utf8))) }

    func written(_ body: PDFObjectBody) -> String {
        var bytes: [UInt8] = []
        body.write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func objectsReadAndWriteBackWithTheirReferencesRenumbered() throws {
        let body = try parse(
            "<< /Type /StructElem /S /P /P 3 0 R /Pg 12 0 R /K [ 0 1 << /Type /MCR /MCID 2 /Pg 14 0 R >> ] /Alt (a (nested) \\) paren) /ID <FEFF0041> /Q 0.5 /N null /B true >>"
        )
        #expect(body.value["/S"]?.name == "/P")
        #expect(body.value["/P"]?.reference == 3)
        #expect(body.value["/K"]?.elements.count == 3)
        #expect(body.value["/K"]?.elements[0].integer == 0, "a lone integer is no reference")
        let renumbered = PDFObjectBody(value: body.value.renumbered { $0 == 3 ? 100 : $0 == 14 ? 7 : nil }, streamTail: nil)
        #expect(
            written(renumbered)
                == "<< /Type /StructElem /S /P /P 100 0 R /Pg 12 0 R /K [ 0 1 << /Type /MCR /MCID 2 /Pg 7 0 R >> ] /Alt (a (nested) \\) paren) /ID <FEFF0041> /Q 0.5 /N null /B true >>"
        )
        var references: [Int32] = []
        body.value.forEachReference { references.append($0) }
        #expect(references == [3, 12, 14])
    }

    @Test func aStreamKeepsItsDataAsWritten() throws {
        let data = "stream\n\u{0}\u{1}endobj) ( << >> 1 0 R\nendstream"
        let body = try parse("<< /Length 5 0 R /Filter /FlateDecode >>\n" + data)
        #expect(body.value["/Length"]?.reference == 5)
        #expect(body.streamTail.map { String(decoding: $0, as: UTF8.self) } == data)
        #expect(written(body) == "<< /Length 5 0 R /Filter /FlateDecode >>\n" + data)
    }

    @Test func malformedTextIsRefused() {
        for text in ["<< /A 1", "[ 1 2", "(open", "<< 1 2 >>", "<< /A 1 >> trailing", ""] {
            #expect(throws: PDFValueParser.ParseError.self, "\(text)") { try parse(text) }
        }
    }

    @Test func destinationNamesAreComparedAsTheirBytes() {
        #expect(PDFPageMerge.decodedString(Array("(a\\(b\\)c\\\\d\\101)".utf8)) == Array("a(b)c\\dA".utf8))
        #expect(PDFPageMerge.decodedString(Array("<FEFF0041>".utf8)) == [0xFE, 0xFF, 0x00, 0x41])
        #expect(PDFPageMerge.decodedString(Array("<414>".utf8)) == [0x41, 0x40])
        #expect(PDFPageMerge.literalString(Array("a(b)\\".utf8)) == Array("(a\\(b\\)\\\\)".utf8))
    }

    @Test func pageLabelsRunAsCairosDo() {
        var text: [UInt8] = []
        PDFPageMerge.pageLabels(["i", "ii", "1", "2", "3", "A", "7", "8"])?.write(to: &text)
        #expect(
            String(decoding: text, as: UTF8.self)
                == "<< /Nums [ 0 << /P (i) >> 1 << /P (ii) >> 2 << /S /D /St 1 >> 5 << /P (A) >> 6 << /S /D /St 7 >> ] >>")
        #expect(PDFPageMerge.pageLabels(["", ""]) == nil)
    }

    @Test func bookmarksNestByLevel() throws {
        let outline = [
            PagedDocument.OutlineEntry(title: "One", level: 1, destination: "one", page: 0),
            PagedDocument.OutlineEntry(title: "One a", level: 2, destination: "one.a", page: 0),
            PagedDocument.OutlineEntry(title: "One b", level: 2, destination: "one.b", page: 1),
            PagedDocument.OutlineEntry(title: "Zwei ü", level: 1, destination: "two", page: 2),
        ]
        let objects = Dictionary(uniqueKeysWithValues: PDFPageMerge.outlineObjects(outline, rootID: 10).map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
        #expect(objects[10] == "<< /Type /Outlines /First 11 0 R /Last 14 0 R /Count -2 >>")
        #expect(objects[11] == "<< /Title (One) /Parent 10 0 R /Next 14 0 R /First 12 0 R /Last 13 0 R /Count -2 /Dest (one) >>")
        #expect(objects[12] == "<< /Title (One a) /Parent 11 0 R /Next 13 0 R /Dest (one.a) >>")
        #expect(objects[13] == "<< /Title (One b) /Parent 11 0 R /Prev 12 0 R /Dest (one.b) >>")
        #expect(objects[14] == "<< /Title <FEFF005A007700650069002000FC> /Parent 10 0 R /Prev 11 0 R /Dest (two) >>")
    }
}
