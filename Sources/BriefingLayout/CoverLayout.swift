import BriefingContent
import BriefingModel

/// The first page: a title band, the key judgements, the key-figures panel and the note that
/// explains the confidence markers.
struct CoverLayout {
    let style: BriefingStyle
    let store: ParagraphStore
    let styler: InlineStyler

    static let bandHeight = 292.0

    /// Items of the cover, plus any overflow pages of key judgements, and how many lines of
    /// text those hold (0 when the cover fits).
    func layout(_ document: Document) -> (pages: [[FrameItem]], outline: [PagedDocument.OutlineEntry], overflowLines: Int) {
        var items: [FrameItem] = []
        let page = style.pageSize
        let left = style.marginLeft, width = style.frameWidth

        func place(_ paragraph: Paragraph, at top: Double, x: Double = left, width: Double = width) -> Double {
            let (index, measured) = store.add(paragraph, width: width)
            items.append(.text(paragraph: index, lines: 0..<measured.lines.count, origin: Point(x: x, y: top), width: width))
            return top + measured.height
        }

        // Title band.
        items.append(.fill(Rect(x: 0, y: 0, width: page.width, height: Self.bandHeight), style.coverBand))
        items.append(.fill(Rect(x: 0, y: Self.bandHeight, width: page.width, height: 4), style.accent))
        let kicker = style.label.with {
            $0.color = style.coverSubtle; $0.size = 8.4; $0.letterSpacing = 1.6
        }
        let labels = document.labels
        _ = place(
            Paragraph([TextRun("\(labels[.kicker])  \u{00B7}  \(document.publisher.uppercased())", kicker)], role: .paragraph), at: 58)
        let titleStyle = TextStyle(family: .sans, size: 27, weight: .bold, color: style.coverText)
        var y = place(Paragraph([TextRun(document.title, titleStyle)], lineSpacing: 0.98, role: .title), at: 96)
        if !document.subtitle.isEmpty {
            let subtitle = TextStyle(family: .sans, size: 12.5, color: style.coverSubtle)
            y = place(
                Paragraph([TextRun(document.subtitle, subtitle)], lineSpacing: 1.05, role: .paragraph), at: y + 12, width: width * 0.86)
        }
        let meta = TextStyle(family: .sans, size: 9, weight: .medium, color: style.coverText)
        var metaText = document.dateText
        if !document.audience.isEmpty { metaText += "   \u{00B7}   \(labels[.audience]) \(document.audience)" }
        _ = place(Paragraph([TextRun(metaText, meta)], role: .paragraph), at: Self.bandHeight - 36)

        // Key figures panel, anchored to the foot of the page. Drawn after the key judgements
        // (moved below): a screen reader follows the drawing order, and the judgements come first.
        let panelStart = items.count
        let noteTop = page.height - 66
        let panel = keyFigures(document, bottom: noteTop - 16)
        items += panel.items

        // Note explaining the markers (the target of every marker link).
        if document.gradesUsed.contains(where: { $0.marker != nil }) {
            items.append(.anchor(name: Anchor.confidenceNote, at: Point(x: left, y: noteTop)))
            var runs: [TextRun] = []
            let note = style.small.with { $0.size = 7.4 }
            for grade in document.gradesUsed {
                guard let marker = grade.marker else { continue }
                if !runs.isEmpty { runs.append(TextRun("   ", note)) }
                runs.append(
                    TextRun(
                        marker + " ",
                        note.with {
                            $0.color = style.accent; $0.family = .serif; $0.size = 8.4
                        }))
                runs.append(TextRun(grade.legend(labels), note))
            }
            runs.append(TextRun("  " + labels[.sourcesNote], note))
            items.append(
                .line(from: Point(x: left, y: noteTop - 6), to: Point(x: left + width, y: noteTop - 6), color: style.rule, width: 0.5))
            _ = place(Paragraph(runs, lineSpacing: 1.05, role: .paragraph), at: noteTop)
        }

        let afterJudgements = Array(items[panelStart...])
        items.removeSubrange(panelStart...)

        // Key judgements between the band and the panel; overflow continues on extra pages.
        let judgementsTop = Self.bandHeight + 34
        items.append(.anchor(name: Anchor.keyJudgements, at: Point(x: left, y: judgementsTop)))
        _ = place(Paragraph([TextRun(labels[.keyJudgements], style.label)], role: .section), at: judgementsTop)
        var builder = FlowBuilder(style: style, store: store, styler: styler, labels: labels)
        builder.add(document.keyJudgements, anchorPrefix: Anchor.keyJudgements)
        let frame = Rect(x: left, y: judgementsTop + 18, width: width, height: panel.top - 24 - (judgementsTop + 18))
        // A continuation page is a body page: its judgements start at the top margin.
        let later = Rect(x: left, y: style.marginTop, width: width, height: style.frameBottom - style.marginTop)
        var paginator = Paginator(frame: frame, later: later, firstPageIndex: 0, boxColor: style.panel)
        paginator.place(builder.elements)
        var pages = paginator.pages
        // Lines pushed off the cover (a list's bullets are drawn beside their lines, not counted).
        let overflow = pages.dropFirst().flatMap { $0 }.reduce(0) { count, item in
            guard case .text(let index, let lines, _, _) = item, store.paragraphs[index].role != .label else { return count }
            return count + lines.count
        }
        pages[0] = items + pages[0] + afterJudgements
        let outline = [
            PagedDocument.OutlineEntry(title: labels[.keyJudgementsBookmark], level: 1, destination: Anchor.keyJudgements, page: 0)
        ]
        return (pages, outline, overflow)
    }

    /// Tiles of the key figures, in rows of up to four, ending at `bottom`.
    private func keyFigures(_ document: Document, bottom: Double) -> (items: [FrameItem], top: Double) {
        let figures = document.keyFigures
        guard !figures.isEmpty else { return ([], bottom) }
        let columns = min(4, figures.count), gap = 10.0, padding = 9.0
        let tileWidth = (style.frameWidth - gap * Double(columns - 1)) / Double(columns)
        let inner = tileWidth - 2 * padding
        let valueStyle = TextStyle(family: .sans, size: 19, weight: .bold, color: style.navy)
        let labelStyle = TextStyle(family: .sans, size: 8.2, weight: .medium, color: style.ink)
        let detailStyle = style.small.with { $0.size = 7.3 }

        // Measure every tile first so a row shares one height.
        struct Tile { var parts: [(Int, MeasuredParagraph)] }
        var tiles: [Tile] = []
        for figure in figures {
            var value = [TextRun(figure.value, valueStyle)]
            if let marker = figure.confidence.marker {
                value.append(
                    TextRun(
                        marker,
                        style.marker.with {
                            $0.size = 11; $0.rise = 7
                        }, link: .destination(Anchor.confidenceNote)))
            }
            var detail = [TextRun(figure.detail, detailStyle)]
            if let number = document.citationNumber(figure.sourceID) {
                // The space before the citation is not part of the link's words.
                detail.append(TextRun(" ", detailStyle))
                detail.append(
                    TextRun("[\(number)]", detailStyle.with { $0.color = style.navy }, link: .destination(Anchor.source(number))))
            }
            tiles.append(
                Tile(parts: [
                    store.add(Paragraph(InlineStyler.merge(value), role: .paragraph), width: inner),
                    store.add(Paragraph([TextRun(figure.label, labelStyle)], lineSpacing: 1.02, role: .paragraph), width: inner),
                    store.add(Paragraph(InlineStyler.merge(detail), role: .paragraph), width: inner),
                ]))
        }
        let rows = stride(from: 0, to: tiles.count, by: columns).map { Array(tiles[$0..<min($0 + columns, tiles.count)]) }
        let gaps = [0.0, 4, 5]
        func tileHeight(_ tile: Tile) -> Double {
            var height = 2 * padding + 3
            for (part, gapBefore) in zip(tile.parts, gaps) { height += part.1.height + gapBefore }
            return height
        }
        let rowHeights: [Double] = rows.map { row in row.map(tileHeight).max() ?? 0 }
        let labelHeight = 18.0
        let top = bottom - rowHeights.reduce(0, +) - gap * Double(rows.count - 1) - labelHeight
        var items: [FrameItem] = []
        // A selection still shows the briefing's headline numbers, and says so.
        let labels = document.labels
        let panelTitle =
            document.isSelection ? "\(labels[.keyFigures])  \u{00B7}  \(labels[.wholeBriefing])" : labels[.keyFigures]
        let label = store.add(Paragraph([TextRun(panelTitle, style.label)], role: .section), width: style.frameWidth)
        items.append(
            .text(
                paragraph: label.index, lines: 0..<label.measured.lines.count, origin: Point(x: style.marginLeft, y: top),
                width: style.frameWidth))
        var y = top + labelHeight
        for (row, height) in zip(rows, rowHeights) {
            for (column, tile) in row.enumerated() {
                let x = style.marginLeft + Double(column) * (tileWidth + gap)
                items.append(.fill(Rect(x: x, y: y, width: tileWidth, height: height), style.panel))
                items.append(.fill(Rect(x: x, y: y, width: tileWidth, height: 3), style.navy))
                var partTop = y + 3 + padding
                for ((index, measured), gapBefore) in zip(tile.parts, gaps) {
                    partTop += gapBefore
                    let origin = Point(x: x + padding, y: partTop)
                    items.append(.text(paragraph: index, lines: 0..<measured.lines.count, origin: origin, width: inner))
                    partTop += measured.height
                }
            }
            y += height + gap
        }
        return (items, top)
    }
}
