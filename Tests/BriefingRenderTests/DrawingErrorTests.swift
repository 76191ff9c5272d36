import BriefingContent
import BriefingLayout
import BriefingRender
import Foundation
import Testing

/// A drawing that cairo refuses, or structure tags that do not nest, is an internal error
/// that names its page and place: never "cannot write the output".
@Suite struct DrawingErrorTests {
    static func document(_ pages: [[FrameItem]]) -> PagedDocument {
        PagedDocument(
            pageSize: Size(width: 200, height: 200), pages: pages.map { PagedDocument.Page(items: $0) }, paragraphs: [], outline: [],
            metadata: .init(title: "t", author: "a", subject: "", keywords: "", creator: "test", creationDate: ""))
    }

    static func drawingError(_ pages: [[FrameItem]]) -> (message: String, place: String)? {
        do {
            _ = try PDFExporter.export(document(pages))
            return nil
        } catch RenderError.drawing(let message, let place) {
            return (message, place)
        } catch {
            return ("unexpected \(error)", "")
        }
    }

    @Test func anEndWithoutItsBeginIsNamedAtItsPlace() throws {
        let error = try #require(
            Self.drawingError([
                [.anchor(name: "section-outlook", at: Point(x: 0, y: 0))],
                [.anchor(name: "section-outlook.4", at: Point(x: 0, y: 0)), .beginStructure(.list), .endStructure(.figure(alt: "x"))],
            ]))
        #expect(error.message.contains("the end of a Figure element while a L element (opened on page 2) is open"))
        #expect(error.place == "page 2, section 'outlook', block 4")
    }

    @Test func anElementNeverClosedIsNamed() throws {
        let error = try #require(Self.drawingError([[.beginStructure(.table)]]))
        #expect(error.message.contains("a Table element is never closed"))
        #expect(error.place == "page 1")
    }

    @Test func whatCairoRefusesIsReportedWithItsPage() throws {
        // cairo 1.16 refuses an Artifact structure tag: nested correctly, refused by cairo.
        let error = try #require(
            Self.drawingError([
                [.fill(Rect(x: 0, y: 0, width: 10, height: 10), Color(red: 0, green: 0, blue: 0))],
                [
                    .anchor(name: "figure-3", at: Point(x: 0, y: 0)), .beginStructure(.artifact), .endStructure(.artifact),
                    .fill(Rect(x: 0, y: 0, width: 10, height: 10), Color(red: 0, green: 0, blue: 0)),
                ],
            ]))
        #expect(error.message == "cairo: invalid tag name, attributes, or nesting")
        #expect(error.place == "page 2, Figure 3")
        #expect(!RenderError.drawing(message: error.message, place: error.place).description.contains("cannot write"))
    }

    @Test func anImageFloatedToThePageTopDrawsInsideItsFigure() throws {
        // An unclipped paint as a page's first drawing made cairo drop the Figure tag before it.
        let image = ImageFigure(path: "x.png", alt: "a dot", title: "", format: .png, data: Self.onePixelPNG, width: 1, height: 1)
        let pdf = try PDFExporter.export(
            Self.document([
                [.fill(Rect(x: 0, y: 0, width: 10, height: 10), Color(red: 0, green: 0, blue: 0))],
                [
                    .beginStructure(.figure(alt: "a dot")), .image(image, Rect(x: 10, y: 10, width: 50, height: 50)),
                    .endStructure(.figure(alt: "a dot")),
                ],
            ]))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    /// A 1x1 white PNG.
    static let onePixelPNG = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")!
}
