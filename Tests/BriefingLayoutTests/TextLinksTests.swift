import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

/// A link is drawn with its words: one annotation and one Link element per link, across a
/// line break too, and once on each page when a page break cuts it.
@Suite struct TextLinksTests {
    let style = TextStyle(family: .serif, size: 10, color: Color(red: 0, green: 0, blue: 0))

    func document(_ paragraph: Paragraph, width: Double, pages: [Range<Int>]) -> PagedDocument {
        let measured = FakeMeasurer().measure(paragraph, width: width)
        return PagedDocument(
            pageSize: Size(width: 300, height: 300),
            pages: pages.map { lines in
                .init(items: [.text(paragraph: 0, lines: lines, origin: Point(x: 10, y: 20), width: width)])
            }, paragraphs: [paragraph], links: [measured.links], outline: [],
            metadata: .init(title: "", author: "", subject: "", keywords: "", creator: "", creationDate: ""))
    }

    @Test func aLinkThatWrapsIsOneLinkWithARectanglePerLine() {
        // 20 characters a line: "see the section", "number six here", "[1][2]"; the link
        // "section number six" wraps.
        let paragraph = Paragraph([
            TextRun("see the ", style), TextRun("section number six", style, link: .destination("section-six")),
            TextRun(" here [1]", style), TextRun("[2]", style, link: .destination("source-2")),
        ])
        let document = document(paragraph, width: 100, pages: [0..<3])
        let links = document.links(onPage: 0)
        #expect(links.map(\.target) == [.destination("section-six"), .destination("source-2")])
        #expect(links[0].rects.count == 2)
        #expect(links[0].rects[0].y < links[0].rects[1].y)
        #expect(links[1].rects.count == 1)
    }

    @Test func aLinkCutByAPageBreakIsDrawnOnEachPage() {
        let paragraph = Paragraph([TextRun("see the ", style), TextRun("section number six", style, link: .destination("six"))])
        let document = document(paragraph, width: 100, pages: [0..<1, 1..<2])
        #expect(document.links(onPage: 0).map(\.rects.count) == [1])
        #expect(document.links(onPage: 1).map(\.rects.count) == [1])
        #expect(document.links(onPage: 1).first?.target == .destination("six"))
    }
}
