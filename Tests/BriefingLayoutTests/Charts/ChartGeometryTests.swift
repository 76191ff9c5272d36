import BriefingContent
import BriefingModel
import TestSupport
import Testing

@testable import BriefingLayout

@Suite struct LinearScaleTests {
    @Test func choosesNiceTicks() {
        #expect(LinearScale.zeroBased(maximum: 132, from: 0, to: 100, ticks: 4).ticks(count: 4) == [0, 50, 100, 150])
        #expect(LinearScale.zeroBased(maximum: 60, from: 0, to: 100, ticks: 3).ticks(count: 3) == [0, 20, 40, 60])
        #expect(LinearScale(domain: 1963...2025, from: 0, to: 100).ticks(count: 7) == [1970, 1980, 1990, 2000, 2010, 2020])
        #expect(LinearScale(domain: 0...100, from: 0, to: 100).ticks(count: 4) == [0, 25, 50, 75, 100])
    }

    @Test func tickLabelsAreDistinctAtAnyScale() {
        // Spans from thousandths to millions: neighbouring ticks never print alike.
        for maximum in [0.004, 0.01, 0.03, 0.25, 1, 7.5, 40, 132, 2_500, 1_000_000] {
            let scale = LinearScale.zeroBased(maximum: maximum, from: 0, to: 100, ticks: 4)
            let labels = scale.ticks(count: 4).map { NumberFormatting.format($0, decimals: scale.tickDecimals(count: 4)) }
            #expect(Set(labels).count == labels.count, "ticks up to \(maximum) print as \(labels)")
        }
        let small = LinearScale.zeroBased(maximum: 0.01, from: 0, to: 100, ticks: 4)
        #expect(
            small.ticks(count: 4).map { NumberFormatting.format($0, decimals: small.tickDecimals(count: 4)) } == [
                "0", "0.0025", "0.005", "0.0075", "0.01",
            ])
        // Whole-number axes keep the two places they always had.
        #expect(LinearScale.zeroBased(maximum: 132, from: 0, to: 100, ticks: 4).tickDecimals(count: 4) == 2)
    }

    @Test func mapsLinearlyInEitherDirection() {
        let up = LinearScale(domain: 0...60, from: 200, to: 20)
        #expect(up(0) == 200 && up(60) == 20 && up(30) == 110)
    }
}

@Suite struct ChartGeometryTests {
    let width = 455.0

    private func draw(_ figure: ChartFigure) -> ChartDrawing {
        ChartLayout.drawing(figure, width: width, measurer: FakeMeasurer()).drawing
    }

    private func rects(_ drawing: ChartDrawing, height: Double) -> [Rect] {
        drawing.items.compactMap { item in
            if case .shape(.rect(let rect), _) = item, abs(rect.height - height) < 0.001 { return rect }
            return nil
        }
    }

    private func expectNoCollisions(
        _ drawing: ChartDrawing, insideMarks: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        ChartCollisions.expectNone(drawing, width: width, insideMarks: insideMarks, sourceLocation: sourceLocation)
    }

    @Test func supplySegmentsAreProportionalAndFillTheBar() throws {
        let row = { (label: String, shares: [SupplySeries.Share]) in
            SupplySeries.Row(
                label: label, period: nil, shares: shares, complete: false, attribution: ChartFixtures.attribution(),
                location: ChartFixtures.location)
        }
        let series = SupplySeries(
            id: "x", title: "t", measure: "m", focus: "China",
            rows: [
                row("2008–12", [.init(supplier: "China", percent: 45)]),
                row(
                    "2021–25",
                    [
                        .init(supplier: "China", percent: 80), .init(supplier: "Türkiye", percent: 7),
                        .init(supplier: "Netherlands", percent: 4.6),
                    ]),
            ], location: ChartFixtures.location)
        let drawing = draw(ChartFixtures.figure(.supplyShares(series), kind: .supplyShares))
        let segments = rects(drawing, height: SupplySharesChart.barHeight)
        #expect(segments.count == 6)  // 45 + others; 80 + 7 + 4.6 + others
        let perPercent = segments[0].width / 45
        let expected = [45, 55, 80, 7, 4.6, 8.4]
        for (segment, percent) in zip(segments, expected) {
            #expect(abs(segment.width - percent * perPercent) < 0.01, "segment \(segment.width) is not \(percent)%")
        }
        // Both rows span the same full bar.
        #expect(abs(segments[0].x - segments[2].x) < 0.001)
        #expect(abs(segments[1].maxX - segments[5].maxX) < 0.001)
        expectNoCollisions(drawing, insideMarks: true)
    }

    @Test func supplySharesTakeTheCategoryForm() throws {
        let rows = [("Main battle tanks", 60.0), ("Howitzers", 70.0), ("Fighter aircraft", 40.0)].map { label, china in
            SupplySeries.Row(
                label: label, period: nil, shares: [.init(supplier: "China", percent: china), .init(supplier: "Ukraine", percent: 20)],
                complete: false, attribution: ChartFixtures.attribution(), location: ChartFixtures.location)
        }
        let series = SupplySeries(id: "c", title: "t", measure: "m", focus: "China", rows: rows, location: ChartFixtures.location)
        let (drawing, paragraphs) = ChartLayout.drawing(
            ChartFixtures.figure(.supplyShares(series), kind: .supplyShares), width: width, measurer: FakeMeasurer())
        let texts = paragraphs.map(\.plainText)
        for expected in ["Main battle tanks", "Howitzers", "Fighter aircraft", "60%", "20%", "Ukraine"] {
            #expect(texts.contains { $0.hasPrefix(expected) }, "no label '\(expected)'")
        }
        #expect(rects(drawing, height: SupplySharesChart.barHeight).count == 9)
        expectNoCollisions(drawing, insideMarks: true)
    }

    @Test func growthBarsStartAtZeroAndAreProportional() {
        let rates = [("a", 81.0), ("b", 84.0), ("c", 18.0), ("d", 132.0)].map { id, percent in
            GrowthRate(
                id: id, label: "Label \(id)", percent: percent, since: FuzzyDate(year: 2019), asOf: nil,
                attribution: ChartFixtures.attribution(), location: ChartFixtures.location)
        }
        let drawing = draw(ChartFixtures.figure(.growthRates(rates, projection: nil), kind: .growthRates))
        let bars = rects(drawing, height: GrowthRatesChart.barHeight)
        #expect(bars.count == 4)
        #expect(Set(bars.map(\.x)).count == 1, "every bar starts on the zero line")
        let perPercent = bars[0].width / 81
        for (bar, percent) in zip(bars, [81.0, 84, 18, 132]) { #expect(abs(bar.width - percent * perPercent) < 0.01) }
        expectNoCollisions(drawing, insideMarks: true)
    }

    @Test func projectionPanelShowsBothEndsOnAZeroBasedAxis() {
        let projection = Projection(
            id: "p", label: "Trade", unit: "bn USD", from: .init(value: 3.5, year: 2021), to: .init(value: 60, year: 2031),
            attribution: ChartFixtures.attribution(.unconfirmed), location: ChartFixtures.location)
        let (drawing, paragraphs) = ChartLayout.drawing(
            ChartFixtures.figure(.growthRates([], projection: projection), kind: .growthRates),
            width: width, measurer: FakeMeasurer())
        let bars = drawing.items.compactMap { item -> Rect? in
            if case .shape(.rect(let rect), let style) = item, style.pattern != nil, rect.width == 16 { return rect }
            return nil
        }
        #expect(bars.count == 2)
        #expect(abs(bars[0].maxY - bars[1].maxY) < 0.001, "both bars stand on zero")
        #expect(abs(bars[1].height / bars[0].height - 60 / 3.5) < 0.001)
        #expect(paragraphs.contains { $0.plainText.contains("32.9% a year") })
        expectNoCollisions(drawing, insideMarks: true)
    }

    @Test(arguments: [10, 100, 1_000, 5_000])
    func timelineLabelsNeverCollide(count: Int) {
        let events = ChartFixtures.events(count)
        let drawing = draw(ChartFixtures.figure(.timeline(events), kind: .timeline))
        expectNoCollisions(drawing)
        // Every event is either labelled on the chart or listed for the continuation table.
        let pointLabels = drawing.labelBoxes.count
        #expect(pointLabels > 0)
        #expect(drawing.unlabelled.allSatisfy { events.indices.contains($0) })
        #expect(Set(drawing.unlabelled).count == drawing.unlabelled.count)
        #expect(drawing.size.height < 600, "the timeline must fit on an A4 page")
        if count <= 10 { #expect(drawing.unlabelled.isEmpty, "ten events must all be labelled") }
    }

    @Test func timelineMarksEachPrecisionWithItsOwnWidth() {
        let event = { (date: FuzzyDate) in
            Event(
                id: "\(date)", title: "t", when: .point(date), domain: ChartFixtures.domain("space"),
                attribution: ChartFixtures.attribution(),
                location: ChartFixtures.location)
        }
        let events = [
            event(FuzzyDate(year: 1970, precision: .decade)), event(FuzzyDate(year: 2000)), event(FuzzyDate(year: 2010, month: 5)),
            event(FuzzyDate(year: 2020, month: 5, day: 30)),
        ]
        let drawing = draw(ChartFixtures.figure(.timeline(events), kind: .timeline))
        let bars = rects(drawing, height: 8).sorted { $0.x < $1.x }
        #expect(bars.count == 4)
        let perYear = bars[1].width
        #expect(abs(bars[0].width - 10 * perYear) < 0.01)
        // A month is 1/12 of a year wide, but never narrower than the 1.2 pt a day gets.
        #expect(abs(bars[2].width - max(perYear / 12, 1.2)) < 0.01)
        #expect(abs(bars[3].width - 1.2) < 0.01, "a day is drawn at the minimum visible width")
    }
}
