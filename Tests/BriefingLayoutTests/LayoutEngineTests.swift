import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

@Suite struct LayoutEngineTests {
    let style = BriefingStyle()

    /// A document of `sections` sections, each with a sub-heading, paragraphs of varying
    /// length, a list and a callout, so every element kind meets every page position.
    func document(sections: Int) -> Document {
        var all: [Document.Section] = []
        for number in 1...sections {
            var blocks: [Block] = []
            for paragraph in 0..<(2 + number % 4) {
                let words = Array(repeating: "word", count: 20 + (number * 37 + paragraph * 53) % 140)
                blocks.append(.paragraph([.text(words.joined(separator: " ")), .citation(sourceID: "s1"), .confidenceMarker(.reported)]))
            }
            blocks.append(.heading(level: 2, [.text("Sub-heading \(number)")]))
            blocks.append(
                .bulletList(
                    (0..<3).map { item in [.paragraph([.text(Array(repeating: "item", count: 10 + item * 15).joined(separator: " "))])] }))
            blocks.append(.callout([.paragraph([.text(Array(repeating: "boxed", count: 40).joined(separator: " "))])]))
            all.append(Document.Section(id: "s\(number)", number: number, title: "Section \(number)", blocks: blocks))
        }
        return Document(
            title: "Title", subtitle: "Subtitle", publisher: "Publisher", audience: "Analysts", author: nil, keywords: [],
            dateText: "30 November 2026", date: FuzzyDate(year: 2026, month: 11, day: 30),
            keyJudgements: [.bulletList([[.paragraph([.text("A judgement.")])]])],
            keyFigures: [.init(value: "28,023", label: "students", detail: "2018", confidence: .reported, sourceID: "s1")],
            sections: all, sources: [.init(number: 1, id: "s1", text: "Source one.", url: "https://example.org")],
            gradesUsed: [.reported])
    }

    func layout(sections: Int) -> PagedDocument {
        LayoutEngine(measurer: FakeMeasurer(), style: style).layout(document(sections: sections), creator: "test")
    }

    /// Bounding boxes of the text drawn on a page (the lines' extents, not the column width).
    func textBoxes(_ paged: PagedDocument, page: Int) -> [(rect: Rect, paragraph: Int, lines: Range<Int>)] {
        let measurer = FakeMeasurer()
        return paged.pages[page].items.compactMap { item in
            guard case .text(let index, let lines, let origin, let width) = item else { return nil }
            let measured = measurer.measure(paged.paragraphs[index], width: width)
            let placed = measured.lines[lines]
            let top = placed.first!.top, bottom = placed.last!.bottom
            let left = placed.map(\.x).min()!, right = placed.map { $0.x + $0.width }.max()!
            return (Rect(x: origin.x + left, y: origin.y + top, width: right - left, height: bottom - top), index, lines)
        }
    }

    func isHeading(_ paragraph: Paragraph) -> Bool {
        paragraph.runs.last.map { $0.style == style.sectionHeading || $0.style == style.subHeading } ?? false
    }

    @Test(arguments: [1, 3, 10, 40])
    func textNeverOverlapsAndStaysOnThePage(sections: Int) {
        let paged = layout(sections: sections)
        for page in paged.pages.indices {
            let boxes = textBoxes(paged, page: page)
            for (i, a) in boxes.enumerated() {
                #expect(a.rect.x >= 0 && a.rect.maxX <= style.pageSize.width + 0.01)
                #expect(a.rect.y >= 0 && a.rect.maxY <= style.pageSize.height)
                for b in boxes[(i + 1)...] {
                    #expect(!a.rect.intersects(b.rect), "page \(page + 1): \(a.rect) overlaps \(b.rect)")
                }
            }
        }
    }

    @Test(arguments: [3, 10, 40])
    func bodyTextStaysInsideTheFrame(sections: Int) {
        let paged = layout(sections: sections)
        for page in 1..<paged.pages.count {
            for box in textBoxes(paged, page: page) where box.rect.y > style.headerBaseline + 10 && box.rect.y < style.footerBaseline - 20 {
                #expect(box.rect.y >= style.marginTop - 0.01)
                #expect(box.rect.maxY <= style.frameBottom + 0.01, "page \(page + 1): \(box.rect) runs past the frame")
            }
        }
    }

    @Test(arguments: [3, 10, 40])
    func everyLineIsPlacedExactlyOnce(sections: Int) {
        let paged = layout(sections: sections)
        var placed: [Int: [Int]] = [:]
        for page in paged.pages.indices {
            for box in textBoxes(paged, page: page) { placed[box.paragraph, default: []] += Array(box.lines) }
        }
        let measurer = FakeMeasurer()
        for (index, lines) in placed {
            let total = measurer.measure(
                paged.paragraphs[index],
                width: paged.pages.flatMap(\.items).compactMap { item -> Double? in
                    if case .text(index, _, _, let width) = item { return width }
                    return nil
                }[0]
            ).lines.count
            #expect(lines.sorted() == Array(0..<total) || lines.count == 1, "paragraph \(index) placed lines \(lines) of \(total)")
        }
    }

    @Test func minorHeadingsAreHeadingsThatSkipNoLevel() {
        var doc = document(sections: 2)
        doc.sections[0].blocks = [.heading(level: 3, [.text("Early minor")]), .paragraph([.text("Text.")])]
        doc.sections[1].blocks = [
            .heading(level: 2, [.text("Major")]), .paragraph([.text("Text.")]), .heading(level: 4, [.text("Minor")]),
            .paragraph([.text("Text.")]),
        ]
        let paged = LayoutEngine(measurer: FakeMeasurer(), style: style).layout(doc, creator: "test")
        func role(_ text: String) -> StructureRole? {
            paged.paragraphs.first { $0.runs.map(\.text).joined() == text }?.role
        }
        // Section H2; "Early minor" has no `##` above it in its section, so it is H3, not H4.
        #expect(role("Early minor") == .heading(level: 3))
        #expect(role("Major") == .heading(level: 3))
        #expect(role("Minor") == .heading(level: 4))
    }

    @Test(arguments: [3, 10, 40])
    func headingsNeverEndAPage(sections: Int) {
        let paged = layout(sections: sections)
        for page in 1..<paged.pages.count {
            let body = textBoxes(paged, page: page).filter { $0.rect.y > style.marginTop - 1 && $0.rect.maxY < style.frameBottom + 1 }
            guard let last = body.max(by: { $0.rect.maxY < $1.rect.maxY }) else { continue }
            #expect(!isHeading(paged.paragraphs[last.paragraph]), "page \(page + 1) ends with a heading")
        }
    }

    @Test(arguments: [10, 40])
    func splitParagraphsLeaveNoWidowsOrOrphans(sections: Int) {
        let paged = layout(sections: sections)
        var fragments: [Int: [Int]] = [:]
        for page in paged.pages.indices {
            for box in textBoxes(paged, page: page) { fragments[box.paragraph, default: []].append(box.lines.count) }
        }
        var splits = 0
        for (_, counts) in fragments where counts.count > 1 {
            splits += 1
            #expect(counts.allSatisfy { $0 >= 2 }, "a split paragraph has a fragment of one line: \(counts)")
        }
        #expect(splits > 0, "the test document should split some paragraphs")
    }

    @Test func outlineListsSectionsInOrderOnNonDecreasingPages() {
        let paged = layout(sections: 10)
        let sections = paged.outline.filter { $0.level == 1 }
        #expect(sections.map(\.title) == ["Key judgements", "Contents"] + (1...10).map { "\($0) Section \($0)" } + ["Sources"])
        #expect(zip(sections, sections.dropFirst()).allSatisfy { $0.page <= $1.page })
        // Every outline destination exists as an anchor on the page the outline names.
        for entry in paged.outline {
            #expect(paged.pages[entry.page].items.contains(.anchor(name: entry.destination, at: anchorPoint(paged, entry))))
        }
    }

    private func anchorPoint(_ paged: PagedDocument, _ entry: PagedDocument.OutlineEntry) -> Point {
        for item in paged.pages[entry.page].items {
            if case .anchor(entry.destination, let point) = item { return point }
        }
        return Point(x: -1, y: -1)
    }

    @Test func labelsAndFootersCountFrontMatterAndBodySeparately() {
        let paged = layout(sections: 10)
        let labels = paged.pages.map(\.label)
        // Cover and contents in roman numerals, the body from 1.
        #expect(Array(labels.prefix(3)) == ["i", "ii", "1"])
        let bodyCount = paged.pages.count - 2
        #expect(labels.last == String(bodyCount))
        for page in 1..<paged.pages.count {
            let texts = paged.pages[page].items.compactMap { item -> String? in
                if case .text(let index, _, _, _) = item { return paged.paragraphs[index].plainText }
                return nil
            }
            let footer = page == 1 ? "page ii" : "page \(page - 1) of \(bodyCount)"
            #expect(texts.contains(footer), "page \(page + 1) lacks '\(footer)'")
        }
    }

    @Test func contentsListsEverySectionWithItsPageLabel() {
        let paged = layout(sections: 10)
        let contents = paged.pages[1]
        let texts = contents.items.compactMap { item -> String? in
            if case .text(let index, _, _, _) = item { return paged.paragraphs[index].plainText }
            return nil
        }
        for entry in paged.outline where entry.level == 1 && entry.title.hasPrefix("1") || entry.title == "Sources" {
            #expect(texts.contains { entry.title.hasSuffix($0) }, "contents lacks \(entry.title)")
        }
        // Every contents entry links to an anchor that exists on the page its label names, and
        // its link covers the row up to the page number.
        let drawn = paged.links(onPage: 1)
        let links = drawn.map(\.target)
        #expect(links.count == paged.outline.filter { $0.page > 1 }.count)
        #expect(drawn.allSatisfy { $0.rects.allSatisfy { $0.maxX > style.marginLeft + style.frameWidth - 1 } })
        for case .destination(let name) in links {
            #expect(paged.outline.contains { $0.destination == name })
        }
    }

    /// Section ids may end in "-2": block anchors must not collide with another section's.
    @Test func anchorsAreUniqueWhateverTheSectionIDs() {
        var document = document(sections: 12)
        for index in document.sections.indices { document.sections[index].id = index == 0 ? "part" : "part-\(index + 1)" }
        let paged = LayoutEngine(measurer: FakeMeasurer(), style: style).layout(document, creator: "test")
        let anchors = paged.pages.flatMap { $0.items.compactMap(\.anchorName) }
        #expect(
            Set(anchors).count == anchors.count,
            "duplicate anchors: \(Dictionary(grouping: anchors) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        let contents = paged.pages[1...2].flatMap { page in
            page.items.compactMap { item -> String? in
                if case .text(let index, _, _, _) = item { return paged.paragraphs[index].plainText }
                return nil
            }
        }
        for number in 1...12 { #expect(contents.contains("Sub-heading \(number)"), "contents lacks sub-heading \(number)") }
    }

    @Test func citationsAndMarkersLinkToTheirTargets() {
        let paged = layout(sections: 1)
        let runs = paged.paragraphs.flatMap(\.runs)
        #expect(runs.contains { $0.text == "[1]" && $0.link == .destination("source-1") })
        #expect(runs.contains { $0.text == "\u{2020}" && $0.link == .destination("confidence-note") })
        let anchors = paged.pages.flatMap(\.items).compactMap { item -> String? in
            if case .anchor(let name, _) = item { return name }
            return nil
        }
        #expect(anchors.contains("source-1") && anchors.contains("confidence-note"))
    }
}
