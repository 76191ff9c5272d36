import Testing

@testable import BriefingLayout

/// The span placer shapes a span's label only when a label of its minimum width could still
/// be placed. Placing is monotone in the width, so that must not change a single placement.
@Suite struct SpanPlacerTests {
    /// Deterministic pseudo-random spans across the chart (bars 0-120 pt long, earliest
    /// first as the timeline sorts them), labels 40-200 pt wide.
    private func spans(_ count: Int, seed: UInt64) -> [(bar: (Double, Double), width: Double)] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { _ -> (bar: (Double, Double), width: Double) in
            let start = next() * 440
            return (bar: (start, min(455, start + next() * 120)), width: 40 + next() * 160)
        }
        .sorted { $0.bar.0 < $1.bar.0 }
    }

    private func place(_ spans: [(bar: (Double, Double), width: Double)], bound: Double) -> (
        placements: [SpanPlacer.Placement?], rows: [Bool], measured: Int
    ) {
        final class Counter { var value = 0 }
        let counter = Counter()
        let requests = spans.map { span in
            SpanPlacer.Request(bar: span.bar, minimumWidth: { span.width * bound }) {
                counter.value += 1
                return span.width
            }
        }
        let placer = SpanPlacer(chartWidth: 455, top: 100, maximumBottom: 590, rowHeight: { $0 ? 21 : 13 })
        let (placements, rows) = placer.place(requests)
        return (placements, rows, counter.value)
    }

    @Test(arguments: [(12, 1), (200, 2), (2_000, 3)])
    func aLowerBoundChangesNoPlacement(count: Int, seed: UInt64) {
        let all = spans(count, seed: seed)
        let unbounded = place(all, bound: 0)
        for bound in [0.5, 0.85, 1.0] {
            let bounded = place(all, bound: bound)
            let differing = zip(bounded.placements, unbounded.placements).filter { pair in
                pair.0?.lane != pair.1?.lane || pair.0?.label.0 != pair.1?.label.0 || pair.0?.label.1 != pair.1?.label.1
                    || pair.0?.labelUnder != pair.1?.labelUnder
            }
            #expect(differing.isEmpty, "bound \(bound): \(differing.count) of \(count) spans placed differently")
            #expect(bounded.rows == unbounded.rows)
            #expect(bounded.measured <= unbounded.measured)
        }
    }

    @Test func aFewSpansAreAllLabelled() {
        let result = place(spans(12, seed: 5), bound: 0.85)
        #expect(result.placements.allSatisfy { $0 != nil })
        #expect(result.measured == 12)
    }

    @Test func placedLabelsStayInTheChartAndOffTheirRowsOtherSpans() {
        let all = spans(300, seed: 11)
        let result = place(all, bound: 0.85)
        var extents: [Int: [(Double, Double)]] = [:]
        for (span, placement) in zip(all, result.placements) {
            guard let placement else { continue }
            #expect(placement.label.0 >= 0 && placement.label.1 <= 455)
            extents[placement.lane, default: []].append((min(span.bar.0, placement.label.0), max(span.bar.1, placement.label.1)))
        }
        for (lane, taken) in extents {
            for (earlier, later) in zip(taken, taken.dropFirst()) {
                #expect(earlier.1 + SpanPlacer.spanGap <= later.0, "row \(lane): \(earlier) and \(later) overlap")
            }
        }
        #expect(100 + result.rows.map { $0 ? 21.0 : 13.0 }.reduce(0, +) <= 590)
    }

    @Test func aDenseTimelineShapesFewSpans() {
        let all = spans(2_000, seed: 7)
        let result = place(all, bound: 0.85)
        let placed = result.placements.compactMap { $0 }.count
        #expect(placed > 20)
        #expect(result.measured < placed * 3, "shaped \(result.measured) labels to place \(placed)")
        #expect(place(all, bound: 0).measured > result.measured * 2)
    }
}
