/// Assigns timeline labels to horizontal lanes above the axis. Each label hangs from a
/// vertical leader at its event's x: beside it (left or right, the leader ending at the
/// label's middle) or above it (the leader ending under the label). A placement is accepted
/// only if the label clears every label in its lane and every leader crossing that lane, and
/// its own leader clears every label in the lanes below.
///
/// Two strategies; the one labelling more events wins, then the one using fewer lanes:
/// - `placeInGaps` builds lanes from the axis up and labels every event whenever a complete
///   labelling exists in its model (see there); it is used up to `gapSearchLimit` events;
/// - `placeAsStaircase`, the greedy left-to-right staircase, is linear in the event count and
///   asks for few label widths, so dense timelines of thousands of events stay fast.
struct LanePlacer {
    struct Request {
        var x: Double
        /// A width the label is known not to be narrower than. A label that would not fit even
        /// this narrow is rejected without its real width being asked for.
        var minimumWidth: Double
        /// Measures the label (shaping it: the expensive part of a dense timeline).
        var width: () -> Double
        /// The label broken onto the given number of lines (2 or 3), if it can be. Tried when
        /// the label fits nowhere on fewer lines.
        var wrapped: (Int) -> Wrapped?

        init(x: Double, minimumWidth: Double = 0, width: @escaping () -> Double, wrapped: @escaping (Int) -> Wrapped? = { _ in nil }) {
            self.x = x
            self.minimumWidth = minimumWidth
            self.width = width
            self.wrapped = wrapped
        }
    }

    /// A label set on `lines` lines: broken at `breakWidth`, `width` wide.
    struct Wrapped {
        var lines: Int
        var breakWidth: Double
        var width: Double
    }

    /// The most lines a label is broken onto, each filling a lane.
    static let maximumLines = 4

    struct Placement {
        var lane: Int
        /// Left and right edge of the label box.
        var minX: Double
        var maxX: Double
        /// True when the label stands over its leader, which then ends under the label rather
        /// than beside it.
        var above = false
        /// Set when the label is on several lines, filling as many lanes from this one up.
        var wrapped: Wrapped? = nil
    }

    let chartWidth: Double
    let maxLanes: Int
    /// Clearance between two labels in a lane.
    let gap: Double
    /// Clearance between a label and another event's leader.
    let leaderGap: Double
    /// Distance from an event's leader to its own label.
    let leaderOffset: Double
    /// The most events the gap search considers; above it only the staircase runs. The search
    /// is quadratic when it has to give up labels one by one, and such dense timelines label
    /// a small fraction of their events whatever the strategy.
    var gapSearchLimit = 120

    init(chartWidth: Double, maxLanes: Int, gap: Double = 5, leaderGap: Double = 2.5, leaderOffset: Double = 2.5) {
        self.chartWidth = chartWidth
        self.maxLanes = maxLanes
        self.gap = gap
        self.leaderGap = leaderGap
        self.leaderOffset = leaderOffset
    }

    /// Placements in request order (nil where a request could not be placed). Widths are
    /// measured at most once each, and only when a label of the request's minimum width fits.
    func place(_ requests: [Request]) -> [Placement?] {
        var widths = [Double?](repeating: nil, count: requests.count)
        func width(_ index: Int) -> Double {
            if let known = widths[index] { return known }
            let measured = requests[index].width()
            assert(
                measured >= requests[index].minimumWidth,
                "label \(index) measures \(measured), below its minimum \(requests[index].minimumWidth)")
            widths[index] = measured
            return measured
        }
        let staircase = placeAsStaircase(requests, width: width)
        guard requests.count <= gapSearchLimit else { return staircase }
        let gaps = placeInGaps(requests, width: width)
        // More labels first, then fewer lanes (a shorter chart); the staircase on a tie.
        func score(_ placements: [Placement?]) -> (labelled: Int, lanes: Int) {
            (
                placements.reduce(0) { $0 + ($1 == nil ? 0 : 1) },
                -(placements.compactMap { $0.map { $0.lane + ($0.wrapped?.lines ?? 1) } }.max() ?? 0)
            )
        }
        return score(gaps) > score(staircase) ? gaps : staircase
    }
}
