import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

/// Bar and line charts: bars from zero in proportion, lines spaced by what their periods mean.
@Suite struct GeneralChartTests {
    let width = 455.0

    private func draw(_ data: ChartFigure.Data, _ kind: ChartFigure.Kind) -> ChartDrawing {
        let drawing = ChartLayout.drawing(ChartFixtures.figure(data, kind: kind), width: width, measurer: FakeMeasurer()).drawing
        ChartCollisions.expectNone(drawing, width: width, insideMarks: true)
        return drawing
    }

    @Test func barsStartAtZeroAndAreProportional() {
        let bars = [("South Korea", 210.0), ("United States", 120), ("Japan", 85), ("Europe", 40)].map {
            ChartFigure.Bar(label: $0.0, value: $0.1, confidence: .reported)
        }
        let drawing = draw(.bars(bars, unit: "k wafers/month"), .bar)
        let rects = drawing.items.compactMap { item -> Rect? in
            if case .shape(.rect(let rect), _) = item, abs(rect.height - BarChart.barHeight) < 0.001 { return rect }
            return nil
        }
        #expect(rects.count == 4)
        #expect(Set(rects.map(\.x)).count == 1, "every bar starts on the zero line")
        for (rect, bar) in zip(rects, bars) { #expect(abs(rect.width / rects[0].width - bar.value / 210) < 0.001) }
    }

    /// A negative value's label sat on its category's label ("-1,990" over "2023"): it goes
    /// between them now; and as many bars as a chart may have stay within a page.
    @Test func negativeValuesAndManyBarsKeepTheirLabelsApart() {
        let mixed = [("2021", 1_200.0), ("2022", 950), ("2023", -1_990), ("2024", 400)].map {
            ChartFigure.Bar(label: $0.0, value: $0.1, confidence: .confirmed)
        }
        _ = draw(.bars(mixed, unit: "GWh"), .bar)  // no label touches another or a mark
        let many = (0..<ChartFigure.maximumBars).map {
            ChartFigure.Bar(label: "\(1995 + $0)", value: Double($0 * 7 + 100), confidence: .confirmed)
        }
        let tall = draw(.bars(many, unit: "GWh"), .bar)
        #expect(
            tall.size.height < 480, "\(ChartFigure.maximumBars) bars are \(tall.size.height) pt tall: more than a page holds with a caption"
        )
    }

    @Test func linePointsAreSpacedByTheirPeriods() throws {
        func series(_ id: String, _ points: [(String, Double)]) throws -> DataSeries {
            DataSeries(
                id: id, label: id, unit: "k", points: try points.map { .init(period: try Period.parse($0.0), value: $0.1) },
                attribution: ChartFixtures.attribution(), location: ChartFixtures.location)
        }
        let quarterly = try series("q", [("2024-Q1", 10), ("2024-Q2", 20), ("2025-Q1", 30)])
        let halves = try series("h", [("H1 2024", 5), ("H2 2024", 15)])
        let drawing = draw(.lines([quarterly, halves]), .line)
        let lines = drawing.items.compactMap { item -> [Point]? in
            if case .shape(.polyline(let points), _) = item { return points }
            return nil
        }
        #expect(lines.count == 2)
        let q = lines[0], h = lines[1]
        // Q1 to Q2 is a quarter, Q2 2024 to Q1 2025 three quarters: the gaps are 1 : 3.
        #expect(abs((q[2].x - q[1].x) / (q[1].x - q[0].x) - 3) < 0.001)
        // The middle of H1 2024 is the end of Q1 2024 ... halfway between the Q1 and Q2 midpoints.
        #expect(abs(h[0].x - (q[0].x + q[1].x) / 2) < 0.001)
        // Values on one zero-based axis: 20 is twice 10 above the axis.
        let zero = q[0].y + (q[1].y - q[0].y) * -1  // y of value 0 on a linear axis through (10, y0), (20, y1)
        #expect(abs((zero - q[1].y) / (zero - q[0].y) - 2) < 0.001)
    }
}

/// A chart printed on its own explains the markers it draws, and only those.
@Suite struct StandaloneMarkerNoteTests {
    func paragraphs(_ bars: [ChartFigure.Bar]) -> [String] {
        let figure = ChartFixtures.figure(.bars(bars, unit: "kt"), kind: .bar)
        return StandaloneChart.layout(figure, sources: [], measurer: FakeMeasurer(), creator: "test").paragraphs.map(\.plainText)
    }

    @Test func theNoteNamesEachMarkedGradeOnce() {
        let legend = Confidence.reported.legend(.english)
        let marked = paragraphs([
            .init(label: "A", value: 3, confidence: .reported), .init(label: "B", value: 2, confidence: .reported),
            .init(label: "C", value: 1, confidence: .confirmed),
        ])
        #expect(marked.filter { $0.contains(legend) } == ["\u{2020} " + legend], "\(marked)")
        let confirmed = paragraphs([.init(label: "C", value: 1, confidence: .confirmed)])
        #expect(!confirmed.contains { $0.contains(legend) }, "\(confirmed)")
    }
}
