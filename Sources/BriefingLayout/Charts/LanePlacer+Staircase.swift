extension LanePlacer {
    /// The greedy staircase: placements in request order (nil where a request could not be placed).
    ///
    /// Labels preferably extend left, into the past, where timelines are usually sparse;
    /// placed left to right they stack as a staircase whose leaders clear earlier labels.
    /// Events too near the left edge extend right instead, placed right to left afterwards for
    /// the same reason.
    ///
    /// A label's width is asked for only if a label of its minimum width would still fit. That
    /// gives the same result as measuring every label first, because fitting is monotone in
    /// width (a narrower box at the same anchor clears everything a wider one clears) and
    /// lanes only fill up as placement proceeds; in a timeline of thousands of events most
    /// labels are then never shaped.
    func placeAsStaircase(_ requests: [Request], width: (Int) -> Double) -> [Placement?] {
        var lanes = Lanes(count: maxLanes)
        var result = [Placement?](repeating: nil, count: requests.count)

        var rightward: [Int] = []
        for index in requests.indices.sorted(by: { (requests[$0].x, $0) < (requests[$1].x, $1) }) {
            let request = requests[index]
            if request.x - leaderOffset - request.minimumWidth < 0 {
                rightward.append(index)
                continue
            }
            guard slot(for: request.x, width: request.minimumWidth, in: lanes) != nil else { continue }
            let exact = width(index)
            if request.x - leaderOffset - exact < 0 {
                rightward.append(index)
            } else if let found = slot(for: request.x, width: exact, in: lanes) {
                lanes.add(found, leader: request.x)
                result[index] = found
            }
        }
        for index in rightward.reversed() {
            let request = requests[index]
            guard slot(for: request.x, width: request.minimumWidth, in: lanes) != nil,
                let found = slot(for: request.x, width: width(index), in: lanes)
            else { continue }
            lanes.add(found, leader: request.x)
            result[index] = found
        }
        return result
    }

    /// Label boxes and the leaders crossing each lane, as placement proceeds.
    struct Lanes {
        var boxes: [[(minX: Double, maxX: Double)]]
        var leaders: [[Double]]

        init(count: Int) {
            boxes = Array(repeating: [], count: count)
            leaders = Array(repeating: [], count: count)
        }

        mutating func add(_ placement: Placement, leader x: Double) {
            boxes[placement.lane].append((placement.minX, placement.maxX))
            for crossed in 0...placement.lane { leaders[crossed].append(x) }
        }
    }

    /// The first place a label of `width` hanging from a leader at `x` fits: left of the leader
    /// if it can, else right; lowest lane first.
    func slot(for x: Double, width: Double, in lanes: Lanes) -> Placement? {
        let left = (x - leaderOffset - width, x - leaderOffset)
        let right = (x + leaderOffset, x + leaderOffset + width)
        for candidate in [left, right] where candidate.0 >= 0 && candidate.1 <= chartWidth {
            for lane in 0..<maxLanes {
                // The leader rises through every lower lane and ends in this one: once a
                // lane's labels cover it, no lane above can be reached.
                if lanes.boxes[lane].contains(where: { x >= $0.minX - leaderGap && x <= $0.maxX + leaderGap }) { break }
                let clearOfBoxes = lanes.boxes[lane].allSatisfy { candidate.1 + gap <= $0.minX || candidate.0 - gap >= $0.maxX }
                let clearOfLeaders = lanes.leaders[lane].allSatisfy { $0 < candidate.0 - leaderGap || $0 > candidate.1 + leaderGap }
                if clearOfBoxes && clearOfLeaders { return Placement(lane: lane, minX: candidate.0, maxX: candidate.1) }
            }
        }
        return nil
    }
}
