import Testing

@testable import BriefingLayout

/// The placer asks for a label's width only when a label of its minimum width could still fit.
/// Because fitting is monotone in width, that must not change a single placement.
@Suite struct LanePlacerTests {
    /// Deterministic pseudo-random labels: positions across the chart, widths 40-200 pt.
    private func labels(_ count: Int, seed: UInt64) -> [(x: Double, width: Double)] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { _ in (x: 6 + next() * 443, width: 40 + next() * 160) }
    }

    private func place(_ labels: [(x: Double, width: Double)], bound: Double) -> (placements: [LanePlacer.Placement?], measured: Int) {
        final class Counter { var value = 0 }
        let counter = Counter()
        let requests = labels.map { label in
            LanePlacer.Request(x: label.x, minimumWidth: label.width * bound) {
                counter.value += 1
                return label.width
            }
        }
        return (LanePlacer(chartWidth: 455, maxLanes: 26).place(requests), counter.value)
    }

    @Test(arguments: [(20, 1), (300, 2), (3_000, 3)])
    func aLowerBoundChangesNoPlacement(count: Int, seed: UInt64) {
        let all = labels(count, seed: seed)
        let unbounded = place(all, bound: 0)
        for bound in [0.5, 0.85, 1.0] {
            let bounded = place(all, bound: bound)
            let differing = zip(bounded.placements, unbounded.placements).filter { pair in
                pair.0?.lane != pair.1?.lane || pair.0?.minX != pair.1?.minX || pair.0?.maxX != pair.1?.maxX
            }
            #expect(differing.isEmpty, "bound \(bound): \(differing.count) of \(count) labels placed differently")
            #expect(bounded.measured <= unbounded.measured)
        }
    }

    @Test func aDenseTimelineMeasuresFewLabels() {
        let all = labels(3_000, seed: 7)
        let result = place(all, bound: 0.85)
        let placed = result.placements.compactMap { $0 }.count
        #expect(placed > 20)
        // Roughly the labels placed plus a few near misses; without a bound, hundreds more.
        #expect(result.measured < placed * 4, "measured \(result.measured) labels to place \(placed)")
        #expect(place(all, bound: 0).measured > result.measured * 3)
    }
}
