/// Assigns timeline labels to horizontal lanes above the axis. Each label hangs from a
/// vertical leader at its event's x. A placement is accepted only if the label clears every
/// label in its lane and every leader crossing that lane, and its own leader clears every
/// label in the lanes below. Labels extend left of their leader, or right near the left edge.
///
/// A lane holds at most `width / narrowest label` labels, so each check is bounded by the
/// lane count and the chart width, not by the number of events: placement is linear in the
/// event count, and events that fit nowhere are returned unplaced.
struct LanePlacer {
    struct Request {
        var x: Double
        var width: Double
    }

    struct Placement {
        var lane: Int
        /// Left and right edge of the label box.
        var minX: Double
        var maxX: Double
    }

    let chartWidth: Double
    let maxLanes: Int
    /// Clearance between two labels in a lane.
    let gap: Double
    /// Clearance between a label and another event's leader.
    let leaderGap: Double
    /// Distance from an event's leader to its own label.
    let leaderOffset: Double

    init(chartWidth: Double, maxLanes: Int, gap: Double = 5, leaderGap: Double = 2.5, leaderOffset: Double = 2.5) {
        self.chartWidth = chartWidth
        self.maxLanes = maxLanes
        self.gap = gap
        self.leaderGap = leaderGap
        self.leaderOffset = leaderOffset
    }

    /// Placements in request order (nil where a request could not be placed).
    func place(_ requests: [Request]) -> [Placement?] {
        var boxes = [[(minX: Double, maxX: Double)]](repeating: [], count: maxLanes)
        var leaders = [[Double]](repeating: [], count: maxLanes)
        var result = [Placement?](repeating: nil, count: requests.count)

        // Labels preferably extend left, into the past, where timelines are usually sparse;
        // placed left to right they stack as a staircase whose leaders clear earlier labels.
        // Events too near the left edge extend right instead, placed right to left for the
        // same reason.
        let leftward = requests.indices.filter { requests[$0].x - leaderOffset - requests[$0].width >= 0 }
        let leftwardSet = Set(leftward)
        let rightward = requests.indices.filter { !leftwardSet.contains($0) }
        let order = leftward.sorted { requests[$0].x < requests[$1].x } + rightward.sorted { requests[$0].x > requests[$1].x }

        for index in order {
            let request = requests[index]
            let left = (request.x - leaderOffset - request.width, request.x - leaderOffset)
            let right = (request.x + leaderOffset, request.x + leaderOffset + request.width)
            let candidates = [left, right].filter { $0.0 >= 0 && $0.1 <= chartWidth }
            placement: for candidate in candidates {
                for lane in 0..<maxLanes {
                    // The leader rises through every lower lane and ends in this one: once a
                    // lane's labels cover it, no lane above can be reached.
                    if boxes[lane].contains(where: { request.x >= $0.minX - leaderGap && request.x <= $0.maxX + leaderGap }) { break }
                    let clearOfBoxes = boxes[lane].allSatisfy { candidate.1 + gap <= $0.minX || candidate.0 - gap >= $0.maxX }
                    let clearOfLeaders = leaders[lane].allSatisfy { $0 < candidate.0 - leaderGap || $0 > candidate.1 + leaderGap }
                    if clearOfBoxes && clearOfLeaders {
                        boxes[lane].append((candidate.0, candidate.1))
                        for crossed in 0...lane { leaders[crossed].append(request.x) }
                        result[index] = Placement(lane: lane, minX: candidate.0, maxX: candidate.1)
                        break placement
                    }
                }
            }
        }
        return result
    }
}
