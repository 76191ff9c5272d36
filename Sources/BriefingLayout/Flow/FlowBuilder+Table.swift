import BriefingContent
import BriefingModel

extension FlowBuilder {
    /// Tables of up to this many body rows move to the next page whole rather than split.
    static let tableKeptWhole = 8
    /// A longer table split across pages keeps at least this many body rows on each side.
    static let tableEdgeRows = 3

    /// A table: a header row (semibold, ruled under) and body rows, columns sized to their
    /// content within the text width, numbers right-aligned; the header repeats on every page
    /// the table continues on. Tagged Table > TR > TH / TD.
    mutating func addTable(_ table: Table, x: Double, width: Double, box: Int?, anchor: String) {
        let columns = table.alignments.count
        guard columns > 0 else { return }
        let text = style.small.with {
            $0.color = style.ink; $0.size = 8.6
        }
        let headerText = text.with { $0.weight = .semibold }
        // Space between columns, half on each side of a cell, so a right-aligned number and
        // the next column's text never touch.
        let padding = 10.0
        // Column widths: each column's widest one-line cell, shrunk in proportion when the
        // table is wider than the text (cells then wrap).
        func natural(_ cell: [Inline], _ base: TextStyle) -> Double {
            let runs = styler.runs(cell, base: base)
            return runs.isEmpty ? 0 : store.measurer.measure(Paragraph(runs), width: 10_000).lines.map(\.width).max() ?? 0
        }
        var widths = (0..<columns).map { column in
            let header = column < table.header.count ? natural(table.header[column], headerText) : 0
            let body = table.rows.map { column < $0.count ? natural($0[column], text) : 0 }.max() ?? 0
            return max(header, body, 12) + padding
        }
        let total = widths.reduce(0, +)
        if total > width {
            // Keep short columns whole; shrink the long ones to share what is left.
            let fair = width / Double(columns)
            let fixed = widths.filter { $0 <= fair }.reduce(0, +)
            let flexible = total - fixed
            widths = widths.map { $0 <= fair ? $0 : max(fair * 0.5, $0 * (width - fixed) / flexible) }
        }
        let offsets = widths.indices.map { widths[..<$0].reduce(0, +) }
        let tableWidth = widths.reduce(0, +)

        /// - Parameter tagged: false for the header's repeats on later pages, drawn without
        ///   structure roles (the structure tree holds the header once).
        func row(_ cells: [[Inline]], header: Bool, tagged: Bool = true) -> FlowElement.TableRow {
            var laid: [(index: Int, measured: MeasuredParagraph, x: Double, width: Double)] = []
            var height = 0.0
            for column in 0..<columns {
                let cell = column < cells.count ? cells[column] : []
                let alignment: Paragraph.Alignment =
                    switch table.alignments[column] {
                    case .left: .left
                    case .center: .center
                    case .right: .right
                    }
                let cellWidth = widths[column] - (column == 0 ? padding / 2 : padding)
                let paragraph = Paragraph(
                    styler.runs(cell, base: header ? headerText : text), alignment: alignment, lineSpacing: 1.0,
                    role: tagged ? (header ? .tableHeader : .tableCell) : nil)
                let (index, measured) = store.add(paragraph, width: cellWidth)
                let cellX = offsets[column] + (column == 0 ? 0 : padding / 2)
                laid.append((index, measured, cellX, cellWidth))
                height = max(height, measured.height)
            }
            return FlowElement.TableRow(
                cells: laid, height: height + (header ? 5 : 3.5), isHeader: header, ruleBelow: header ? style.navy : nil,
                width: tableWidth)
        }

        let header = row(table.header, header: true)
        let repeatedHeader = row(table.header, header: true, tagged: false)
        elements.append(.begin(.table, x: x, box: box))
        var first = FlowElement(
            kind: .tableRow(header), x: x, width: tableWidth, spaceBefore: 4, keepWithNext: true, anchor: anchor, box: box)
        first.spaceAfter = 2
        elements.append(first)
        // A short table is kept whole: split, its last rows would stand alone on the next page.
        // A long one breaks only with `tableEdgeRows` rows or more on each side: never a header
        // and one row at a page's foot, nor one row alone at the next page's top.
        let count = table.rows.count
        let keepWhole = count <= Self.tableKeptWhole
        for (offset, cells) in table.rows.enumerated() {
            var element = FlowElement(kind: .tableRow(row(cells, header: false)), x: x, width: tableWidth, box: box)
            element.repeatedHeader = repeatedHeader
            let atAnEdge = offset < Self.tableEdgeRows - 1 || offset >= count - Self.tableEdgeRows
            element.keepWithNext = (keepWhole || atAnEdge) && offset < count - 1
            elements.append(element)
        }
        elements.append(
            FlowElement(kind: .rule(style.rule, thickness: 0.5), x: x, width: tableWidth, spaceBefore: 1, spaceAfter: 0, box: box))
        elements.append(FlowElement(kind: .structure(.table, begin: false), x: x, spaceAfter: 8, box: box))
    }
}
