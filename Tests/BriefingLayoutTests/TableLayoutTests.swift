import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

/// Tables are laid out as tables: columns side by side, numbers right-aligned, the header row
/// repeated on every page the table continues on, tagged Table > TR > TH / TD.
@Suite struct TableLayoutTests {
    private func pages(rows: Int) -> PagedDocument {
        let table = Table(
            header: [[.text("Quarter")], [.text("Share")]],
            rows: (1...rows).map { [[.text("Q\($0 % 4 + 1) \(2000 + $0 / 4)")], [.text("\($0).5%")]] }, alignments: [.left, .right])
        var document = LayoutEngineTests().document(sections: 1)
        document.sections[0].blocks = [.paragraph([.text("Before.")]), .table(table), .paragraph([.text("After.")])]
        return LayoutEngine(measurer: FakeMeasurer(), style: BriefingStyle()).layout(document, creator: "test")
    }

    /// The text items of a page, as (paragraph text, role, x).
    private func texts(_ document: PagedDocument, page: Int) -> [(text: String, role: StructureRole?, x: Double)] {
        document.pages[page].items.compactMap { item in
            guard case .text(let index, _, let origin, _) = item else { return nil }
            return (document.paragraphs[index].plainText, document.paragraphs[index].role, origin.x)
        }
    }

    @Test func theHeaderRepeatsOnEveryPageTheTableContinuesOn() throws {
        let document = pages(rows: 150)
        let withRows = document.pages.indices.filter { page in texts(document, page: page).contains { $0.role == .tableCell } }
        #expect(withRows.count >= 3, "150 rows span several pages")
        for page in withRows {
            let cells = texts(document, page: page).filter { $0.role == .tableCell || $0.role == .tableHeader || $0.text == "Quarter" }
            #expect(cells.first?.text == "Quarter", "page \(page) starts its table part with the header")
        }
        // Only the first header is tagged TH; repeats are drawn untagged.
        let headers = document.pages.flatMap { $0.items }.compactMap { item -> String? in
            guard case .text(let index, _, _, _) = item, document.paragraphs[index].plainText == "Quarter" else { return nil }
            return document.paragraphs[index].role?.tag ?? "untagged"
        }
        #expect(headers.filter { $0 == "TH" }.count == 1)
        #expect(headers.count == withRows.count, "\(headers.count) headers on \(withRows.count) pages: \(withRows)")
        // The table's own elements (the document also has lists and a table of contents).
        let structure = document.pages.flatMap { $0.items }.compactMap { item -> String? in
            switch item {
            case .beginStructure(let role) where [.table, .tableRow].contains(role): "+\(role.tag)"
            case .endStructure(let role) where [.table, .tableRow].contains(role): "-\(role.tag)"
            default: nil
            }
        }
        #expect(structure.first == "+Table" && structure.last == "-Table")
        #expect(structure.filter { $0 == "+TR" }.count == 151)
    }

    @Test func aSplitTableKeepsThreeRowsOnEachPage() {
        // Tables longer than the kept-whole limit, started at every height down the page.
        for rows in [9, 12, 20, 45] {
            for lead in stride(from: 10, through: 600, by: 23) {
                let table = Table(
                    header: [[.text("Quarter")], [.text("Share")]], rows: (1...rows).map { [[.text("Q\($0)")], [.text("\($0)%")]] },
                    alignments: [.left, .right])
                var document = LayoutEngineTests().document(sections: 1)
                document.sections[0].blocks = [
                    .paragraph([.text(Array(repeating: "word", count: lead).joined(separator: " "))]), .table(table),
                    .paragraph([.text("After.")]),
                ]
                let paged = LayoutEngine(measurer: FakeMeasurer(), style: BriefingStyle()).layout(document, creator: "test")
                let perPage = paged.pages.indices.map { page in texts(paged, page: page).filter { $0.role == .tableCell }.count / 2 }
                    .filter { $0 > 0 }
                #expect(perPage.reduce(0, +) == rows)
                #expect(perPage.allSatisfy { $0 >= 3 }, "\(rows) rows after \(lead) words split \(perPage)")
            }
        }
    }

    @Test func numbersAlignRightAndColumnsSitSideBySide() {
        let document = pages(rows: 3)
        let page = document.pages.firstIndex {
            $0.items.contains { if case .text(let i, _, _, _) = $0 { document.paragraphs[i].role == .tableCell } else { false } }
        }!
        let cells = texts(document, page: page).filter { $0.role == .tableCell }
        #expect(cells.count == 6)
        #expect(cells[1].x > cells[0].x, "the share column is right of the quarter column")
        let shares = cells.filter { $0.text.hasSuffix("%") }
        for share in shares {
            #expect(document.paragraphs.first { $0.plainText == share.text }?.alignment == .right)
        }
    }
}
