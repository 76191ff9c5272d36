import TestSupport
import Testing

@testable import BriefingLayout

/// Pagination rules checked on hand-built flows where the page break falls exactly where a
/// rule matters.
@Suite struct PaginatorTests {
    let lineHeight = 13.0  // FakeMeasurer: size 10 * 1.3
    let frame = Rect(x: 0, y: 0, width: 100, height: 130)  // ten lines

    /// A paragraph of exactly `lines` lines (the fake fits 20 characters per line at size 10).
    func paragraph(lines: Int) -> FlowElement {
        let text = Array(repeating: String(repeating: "x", count: 19), count: lines).joined(separator: " ")
        let measured = FakeMeasurer().measure(
            Paragraph([TextRun(text, TextStyle(family: .serif, size: 10, color: Color(hex: 0)))]), width: 100)
        precondition(measured.lines.count == lines)
        return FlowElement(kind: .paragraph(index: lines, measured: measured), width: 100)
    }

    func place(_ elements: [FlowElement]) -> [[FrameItem]] {
        var paginator = Paginator(frame: frame, firstPageIndex: 0, boxColor: Color(hex: 0))
        paginator.place(elements)
        return paginator.pages
    }

    func texts(_ page: [FrameItem]) -> [(paragraph: Int, lines: Range<Int>)] {
        page.compactMap { item in
            if case .text(let paragraph, let lines, _, _) = item { return (paragraph, lines) }
            return nil
        }
    }

    @Test func headingMovesWithAShortParagraphThatCannotSplit() {
        var heading = paragraph(lines: 1)
        heading.keepWithNext = true
        // 7 lines of filler, a heading on line 8, then a three-line paragraph: two lines would
        // fit, but splitting 2 + 1 leaves a widow, so the paragraph and its heading move.
        let pages = place([paragraph(lines: 7), heading, paragraph(lines: 3)])
        #expect(pages.count == 2)
        #expect(texts(pages[0]).map(\.paragraph) == [7])
        #expect(texts(pages[1]).map(\.paragraph) == [1, 3])
    }

    @Test func longParagraphSplitsKeepingTwoLinesEachSide() {
        // 9 lines used; an eight-line paragraph would leave one line (orphan): it must move.
        let orphan = place([paragraph(lines: 9), paragraph(lines: 8)])
        #expect(texts(orphan[1]).first?.lines == 0..<8)
        // 6 lines used; four fit, leaving four: split 4 + 4.
        let split = place([paragraph(lines: 6), paragraph(lines: 8)])
        #expect(texts(split[0]).last?.lines == 0..<4)
        #expect(texts(split[1]).first?.lines == 4..<8)
        // 3 lines used; seven fit of eight, leaving one (widow): split 6 + 2.
        let widow = place([paragraph(lines: 3), paragraph(lines: 8)])
        #expect(texts(widow[0]).last?.lines == 0..<6)
        #expect(texts(widow[1]).first?.lines == 6..<8)
    }

    @Test func aParagraphTallerThanAPageStillFlows() {
        let pages = place([paragraph(lines: 25)])
        #expect(pages.count == 3)
        #expect(pages.flatMap(texts).map(\.lines.count).reduce(0, +) == 25)
    }

    /// A figure that does not fit floats to the next page while text flows on, but never past
    /// the start of the next section.
    @Test func aFigureFloatsNoFurtherThanTheNextSection() {
        var figure = FlowElement(kind: .drawing([], height: 60, alt: "chart"), width: 100)
        figure.floatGroup = 0
        var sectionStart = paragraph(lines: 2)
        sectionStart.flushesFloats = true
        // 6 lines, a 60 pt figure (does not fit in the 4 lines left), 2 lines that flow on,
        // then the next section, which must come after the figure.
        let pages = place([paragraph(lines: 6), figure, paragraph(lines: 1), sectionStart])
        #expect(pages.count == 2)
        #expect(texts(pages[0]).map(\.paragraph) == [6, 1], "the short paragraph flows on under the first")
        let second = pages[1].compactMap { item -> String? in
            switch item {
            case .beginStructure: "figure"
            case .text(let paragraph, _, _, _): "text \(paragraph)"
            default: nil
            }
        }
        #expect(second == ["figure", "text 2"], "the figure opens the next page, before the next section")
    }

    /// A figure waiting for room is not placed while a list is open (it would become one of
    /// the list's structure children): it goes where the list ends, if it fits there.
    @Test func aWaitingFigureIsPlacedAfterTheListNotInsideIt() {
        var figure = FlowElement(kind: .drawing([], height: 60, alt: "chart"), width: 100)
        figure.floatGroup = 0
        // 6 lines, a figure that does not fit, then a list whose one item runs onto the next
        // page (4 + 3 lines) and a paragraph after the list.
        let pages = place([
            paragraph(lines: 6), figure, .begin(.list), .begin(.listItem), paragraph(lines: 7), .end(.listItem), .end(.list),
            paragraph(lines: 1),
        ])
        var depth = 0, depthAtFigure: Int?, order: [String] = []
        for item in pages.flatMap({ $0 }) {
            switch item {
            case .beginStructure(.figure):
                depthAtFigure = depth
                order.append("figure")
            case .beginStructure: depth += 1
            case .endStructure(.figure): break
            case .endStructure(let role):
                depth -= 1
                if role == .list { order.append("end of list") }
            case .text(let paragraph, _, _, _): order.append("text \(paragraph)")
            default: break
            }
        }
        #expect(depthAtFigure == 0, "the figure is no child of the list")
        #expect(order == ["text 6", "text 7", "text 7", "end of list", "figure", "text 1"], "\(order)")
        #expect(pages.count == 2, "the figure fits under the list's end on the second page")
    }

    /// A list item begun at the foot of a page whose first lines go to the next starts on
    /// that next page, with them: begun where nothing of it is drawn, cairo gave the element
    /// empty marked content there that its kids did not list.
    @Test func aListItemBeginsOnThePageItsFirstLinesAreOn() {
        // 9 lines, then an item of 3 lines: one line is left, and a paragraph does not start
        // with a lone line at the foot of a page.
        let pages = place([paragraph(lines: 9), .begin(.list), .begin(.listItem), paragraph(lines: 3), .end(.listItem), .end(.list)])
        #expect(pages.count == 2)
        let first = pages[0].filter { if case .beginStructure = $0 { return true } else { return false } }
        #expect(first.isEmpty, "nothing is begun on the first page: \(pages[0])")
        #expect(Array(pages[1].prefix(3)) == [.beginStructure(.list), .beginStructure(.listItem), pages[1][2]])
        #expect(texts(pages[1]).map(\.paragraph) == [3])
    }
}
