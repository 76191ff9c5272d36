import BriefingModel

/// 100% stacked horizontal bars, one per period (or equipment category): the focus supplier
/// first, then each other named supplier, then "all others" as computed by the model.
/// Values sit inside a segment when they fit and in a staggered row under the bar when not.
struct SupplySharesChart {
    let series: SupplySeries
    let style: ChartStyle
    let width: Double

    static let barHeight = 14.0

    /// Suppliers in drawing order with their styles.
    var suppliers: [(name: String, style: ShapeStyle, focus: Bool)] {
        // The focus supplier (if any) first and solid; the others in order of appearance.
        var names: [String] = series.focus.map { [$0] } ?? []
        for row in series.rows {
            for share in row.shares where !names.contains(where: { $0.lowercased() == share.supplier.lowercased() }) {
                names.append(share.supplier)
            }
        }
        let offset = series.focus == nil ? 0 : 1
        var result = names.enumerated().map { index, name in
            let focus = series.focus != nil && index == 0
            return (name: name, style: style.supplier(index - offset, focus: focus), focus: focus)
        }
        if series.rows.contains(where: { $0.remainder > 0.05 }) {
            result.append((SupplySeries.othersLabel, style.others, false))
        }
        return result
    }

    func draw(store: ParagraphStore) -> ChartDrawing {
        var canvas = ChartCanvas(store: store)
        let suppliers = self.suppliers
        let legendBottom = drawLegend(suppliers, on: &canvas)

        let labels = series.rows.map { row -> [TextRun] in
            var runs = [TextRun(row.label, style.strongText)]
            if let marker = row.attribution.confidence.marker { runs.append(TextRun(marker, style.marker)) }
            return runs
        }
        let labelWidth = min(width * 0.35, (labels.map { canvas.measure($0).width }.max() ?? 0) + 10)
        let x0 = labelWidth, x1 = width - 2
        let scale = LinearScale(domain: 0...100, from: x0, to: x1)
        let top = legendBottom + 10
        let lineHeight = canvas.measure([TextRun("0%", style.text)]).height

        // Rows first (to know the height), grid lines drawn behind them.
        var rowItems = ChartCanvas(store: store)
        var y = top
        for (row, label) in zip(series.rows, labels) {
            rowItems.text(label, at: Point(x: 0, y: y + Self.barHeight / 2), anchor: .centerLeft, maxWidth: labelWidth)
            var x = x0
            var outside: [(center: Double, text: String)] = []
            var segments: [(name: String, percent: Double)] = suppliers.compactMap { supplier in
                guard supplier.name != SupplySeries.othersLabel, let percent = row.percent(of: supplier.name) else { return nil }
                return (supplier.name, percent)
            }
            if row.remainder > 0.05 { segments.append((SupplySeries.othersLabel, row.remainder)) }
            for segment in segments {
                let supplier = suppliers.first { $0.name == segment.name }!
                let segmentWidth = scale(segment.percent) - scale(0)
                let rect = Rect(x: x, y: y, width: segmentWidth, height: Self.barHeight)
                rowItems.shape(.rect(rect), supplier.style)
                let value = NumberFormatting.share(segment.percent)
                let valueStyle = supplier.focus ? style.valueInside : style.strongText
                let size = rowItems.measure([TextRun(value, valueStyle)])
                if size.width + 5 <= segmentWidth {
                    // A white pad under dark-on-pattern text keeps it legible over hatching.
                    if !supplier.focus {
                        rowItems.shape(
                            .rect(
                                Rect(
                                    x: rect.x + (segmentWidth - size.width) / 2 - 1.5, y: y + (Self.barHeight - size.height) / 2,
                                    width: size.width + 3, height: size.height)),
                            ShapeStyle(fill: Color(hex: 0xFFFFFF, alpha: 0.85)), isMark: false)
                    }
                    rowItems.text(
                        [TextRun(value, valueStyle)], at: Point(x: rect.x + segmentWidth / 2, y: y + Self.barHeight / 2), anchor: .center)
                } else {
                    outside.append((rect.x + segmentWidth / 2, value))
                }
                x += segmentWidth
            }
            y += Self.barHeight
            if !outside.isEmpty {
                // Staggered left to right so small-segment values never collide, then pushed
                // back from the right edge as a group (several tiny segments can end a bar).
                let widths = outside.map { rowItems.measure([TextRun($0.text, style.text)]).width }
                var lefts: [Double] = []
                var right = -Double.infinity
                for (label, labelWidth) in zip(outside, widths) {
                    let left = max(label.center - labelWidth / 2, right + 4)
                    lefts.append(left)
                    right = left + labelWidth
                }
                var bound = x1
                for index in lefts.indices.reversed() {
                    lefts[index] = min(lefts[index], bound - widths[index])
                    bound = lefts[index] - 4
                }
                for (label, left) in zip(outside, lefts) {
                    rowItems.line(Point(x: label.center, y: y + 0.5), Point(x: label.center, y: y + 3), color: style.axisLine)
                    rowItems.text([TextRun(label.text, style.text)], at: Point(x: left, y: y + 3.5))
                }
                y += lineHeight + 4
            }
            y += 8
        }
        let bottom = y - 8
        for tick in scale.ticks(count: 4) {
            let x = scale(tick)
            canvas.line(Point(x: x, y: top - 3), Point(x: x, y: bottom + 3), color: style.grid)
            canvas.tickLabel(
                [TextRun(NumberFormatting.percent(tick, decimals: scale.tickDecimals(count: 4, atLeast: 1)), style.axis)], x: x,
                top: bottom + 5, within: 0...width)
        }
        var drawing = ChartDrawing(
            size: Size(width: width, height: bottom + 5 + lineHeight), items: canvas.items + rowItems.items,
            labelBoxes: canvas.labelBoxes + rowItems.labelBoxes, markBoxes: rowItems.markBoxes)
        drawing.size.height = max(drawing.size.height, bottom)
        return drawing
    }

    /// Swatches and names, wrapping across lines; returns the legend's bottom.
    private func drawLegend(_ suppliers: [(name: String, style: ShapeStyle, focus: Bool)], on canvas: inout ChartCanvas) -> Double {
        var x = 0.0, y = 0.0
        let swatch = Size(width: 11, height: 8)
        var lineHeight = 0.0
        for supplier in suppliers {
            let name = supplier.name == SupplySeries.othersLabel ? style.labels[.allOthers] : supplier.name
            let size = canvas.measure([TextRun(name, style.text)])
            if x > 0, x + swatch.width + 4 + size.width > width {
                x = 0
                y += lineHeight + 4
            }
            lineHeight = max(lineHeight, size.height)
            canvas.shape(
                .rect(Rect(x: x, y: y + (size.height - swatch.height) / 2, width: swatch.width, height: swatch.height)),
                supplier.style.with(stroke: style.axisLine))
            canvas.text([TextRun(name, style.text)], at: Point(x: x + swatch.width + 4, y: y))
            x += swatch.width + 4 + size.width + 12
        }
        return y + lineHeight
    }
}

extension ShapeStyle {
    func with(stroke: Color, width: Double = 0.4) -> ShapeStyle {
        var copy = self
        copy.stroke = stroke
        copy.lineWidth = width
        return copy
    }
}
