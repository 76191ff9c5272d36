import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

/// Where pages break: short tables whole, headings with the block after them, footnotes after
/// a figure that floated, the author's page break, and a cover that does not fit.
@Suite struct BreakTests {
    let flows = PaginatorTests()

    func table(rows: Int) -> Block {
        .table(
            Table(
                header: [[.text("Region")], [.text("Capacity")]],
                rows: (1...rows).map { [[.text("Row \($0)")], [.text("\($0 * 10)")]] }, alignments: [.left, .right]))
    }

    /// The body elements of `blocks`, laid out on pages of `height` points after `lines` lines
    /// of filler, as (page, text) in drawing order.
    func placed(_ blocks: [Block], after lines: Int, height: Double = 300) -> [(page: Int, text: String)] {
        let store = ParagraphStore(measurer: FakeMeasurer())
        var builder = FlowBuilder(
            style: BriefingStyle(), store: store, styler: InlineStyler(style: BriefingStyle(), marks: InlineMarks(sources: [], revisedText: "rev")),
            labels: .english)
        builder.add(blocks, anchorPrefix: "section-test")
        var paginator = Paginator(frame: Rect(x: 0, y: 0, width: 451, height: height), firstPageIndex: 0, boxColor: Color(hex: 0))
        paginator.place([filler(lines: lines)] + builder.elements)
        return paginator.pages.enumerated().flatMap { page, items in
            items.compactMap { item -> (Int, String)? in
                guard case .text(let index, _, _, _) = item else { return nil }
                return (page, index < store.paragraphs.count ? store.paragraphs[index].plainText : "filler")
            }
        }
    }

    /// `lines` lines of filler at the full text width (13 pt each with the fake measurer).
    func filler(lines: Int) -> FlowElement {
        let text = Array(repeating: String(repeating: "x", count: 80), count: lines).joined(separator: " ")
        let measured = FakeMeasurer().measure(
            Paragraph([TextRun(text, TextStyle(family: .serif, size: 10, color: Color(hex: 0)))]), width: 451)
        precondition(measured.lines.count == lines)
        return FlowElement(kind: .paragraph(index: 10_000, measured: measured), width: 451)
    }

    @Test func aTableOfUpToEightRowsMovesWhole() {
        for rows in [4, 8] {
            // Filler ending anywhere from well above the table's height to the page's foot.
            for lines in 8...21 {
                let texts = placed([table(rows: rows)], after: lines, height: 300)
                let rowPages = Set(texts.filter { $0.text.hasPrefix("Row ") }.map(\.page))
                #expect(rowPages.count == 1, "\(rows) rows after \(lines) lines split over pages \(rowPages.sorted())")
                #expect(texts.first { $0.text == "Region" }?.page == rowPages.first, "the header stays with its rows")
            }
        }
        // A longer table still splits, starting where it stands, rather than leave most of a page empty.
        let texts = placed([table(rows: 30)], after: 12, height: 300)
        #expect(texts.first { $0.text == "Row 1" }?.page == 0)
        #expect(Set(texts.filter { $0.text.hasPrefix("Row ") }.map(\.page)).count > 1)
    }

    @Test func aHeadingKeepsWithTheBoxAfterIt() {
        // A heading, then a shaded box: the heading never ends a page with the box on the next.
        let box = Block.callout([.paragraph([.text("Boxed start " + Array(repeating: "boxed", count: 60).joined(separator: " "))])])
        for lines in 10...22 {
            let texts = placed([.heading(level: 2, [.text("Assessment")]), box], after: lines)
            let heading = texts.first { $0.text == "Assessment" }?.page
            let boxed = texts.first { $0.text.hasPrefix("Boxed start") }?.page
            #expect(heading == boxed, "after \(lines) lines the heading is on page \(heading ?? -1), the box on \(boxed ?? -1)")
        }
    }

    @Test func footnotesComeAfterAFigureThatFloated() {
        var figure = FlowElement(kind: .drawing([], height: 60, alt: "chart"), width: 100)
        figure.floatGroup = 0
        var builder = FlowBuilder(
            style: BriefingStyle(), store: ParagraphStore(measurer: FakeMeasurer()),
            styler: InlineStyler(style: BriefingStyle(), marks: InlineMarks(sources: [], revisedText: "rev")),
            labels: .english)
        builder.addNotes([Footnote(number: 1, blocks: [.paragraph([.text("A note.")])])], x: 0, width: 100)
        // 6 lines, a figure that does not fit in the 4 left, a line of text, then the notes.
        let pages = flows.place([flows.paragraph(lines: 6), figure, flows.paragraph(lines: 1)] + builder.elements)
        let order = pages.enumerated().flatMap { page, items in
            items.compactMap { item -> String? in
                switch item {
                case .beginStructure(.figure): "figure on \(page)"
                case .beginStructure(.note): "note on \(page)"
                default: nil
                }
            }
        }
        #expect(order == ["figure on 1", "note on 1"], "\(order)")
    }

    @Test func anAuthorsPageBreakStartsANewPage() {
        let texts = placed([.paragraph([.text("Before the break.")]), .pageBreak, .paragraph([.text("After the break.")])], after: 2)
        #expect(texts.map(\.page) == [0, 0, 1], "\(texts)")
        // At the top of a page a break adds no empty page.
        let top = placed([.pageBreak, .paragraph([.text("First words.")])], after: 23)
        #expect(top.map(\.page) == [0, 1], "\(top)")
    }

    @Test func aCoverThatDoesNotFitSaysByHowManyLines() {
        var document = LayoutEngineTests().document(sections: 1)
        let engine = LayoutEngine(measurer: FakeMeasurer(), style: BriefingStyle())
        #expect(engine.layout(document, creator: "test").coverOverflowLines == 0)
        let judgement = Array(repeating: "a long judgement", count: 60).joined(separator: " ")
        document.keyJudgements = [.bulletList((0..<6).map { _ in [.paragraph([.text(judgement)])] })]
        let overflowing = engine.layout(document, creator: "test")
        #expect(overflowing.coverOverflowLines > 0)
        // Every line pushed off the cover is counted, bullets not.
        let lines = overflowing.pages.dropFirst().flatMap(\.items).reduce(0) { count, item in
            guard case .text(let index, let lines, _, _) = item, overflowing.paragraphs[index].plainText == judgement else { return count }
            return count + lines.count
        }
        #expect(overflowing.coverOverflowLines == lines)
        // The continuation is a body page: it starts at the top margin, not below a title band.
        let continuationTop = LayoutEngineTests().textBoxes(overflowing, page: 1)
            .filter { overflowing.paragraphs[$0.paragraph].plainText == judgement }.map(\.rect.y).min()
        let style = BriefingStyle()
        #expect(
            continuationTop.map { abs($0 - style.marginTop) < 12 } == true, "continuation starts at \(String(describing: continuationTop))")
    }
}
