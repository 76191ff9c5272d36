extension LanePlacer {
    /// Builds lanes from the axis up. A label placed in a lane must clear the leaders of every
    /// event not yet placed (they rise through this lane), so it has to fit in the gap between
    /// its neighbouring leaders. Placing a label only ever widens the gaps of the others, so
    /// an event that fits now fits in a later lane too, and filling each lane with the events
    /// that fit labels all of them whenever some order could. Only when no event fits any
    /// more is one given up: the one that misses its gap by most.
    ///
    /// In each lane, events are taken left to right; a label goes left of its leader if it
    /// can (into the past, where timelines are usually sparse), else right of it, else over it,
    /// as far left as the labels already in the lane allow; a label that fits nowhere on one
    /// line is tried on two, then three, filling as many lanes. Events on the same date share one
    /// leader: their labels stack beside it, on either side, and only the last may stand over it.
    func placeInGaps(_ requests: [Request], width: (Int) -> Double) -> [Placement?] {
        var result = [Placement?](repeating: nil, count: requests.count)
        var remaining = requests.indices.sorted { (requests[$0].x, $0) < (requests[$1].x, $1) }
        var wrappings: [Int: Wrapped?] = [:]
        func wrapped(_ index: Int, lines: Int) -> Wrapped? {
            let key = index * Self.maximumLines + lines
            if let known = wrappings[key] { return known }
            let measured = requests[index].wrapped(lines)
            wrappings[key] = .some(measured)
            return measured
        }
        var lane = 0
        // Labels on several lines reach from the lane they start in into those above.
        var reserved: [Int: [(minX: Double, maxX: Double)]] = [:]
        while !remaining.isEmpty, lane < maxLanes {
            var occupied = reserved[lane] ?? []
            var placed = Set<Int>()
            for position in remaining.indices {
                let index = remaining[position]
                let room = gapAround(position, in: remaining, requests)
                guard room.high - room.low >= requests[index].minimumWidth / Double(Self.maximumLines) else { continue }
                let x = requests[index].x
                var found: Placement?
                if room.high - room.low >= requests[index].minimumWidth,
                    let box = box(for: x, width: width(index), room: room, clear: occupied)
                {
                    found = Placement(lane: lane, minX: box.minX, maxX: box.maxX, above: box.above)
                } else {
                    for lines in 2...Self.maximumLines where lane + lines <= maxLanes {
                        guard let form = wrapped(index, lines: lines),
                            let box = box(for: x, width: form.width, room: room, clear: lanesClear(lane, lines, occupied, reserved))
                        else { continue }
                        found = Placement(lane: lane, minX: box.minX, maxX: box.maxX, above: box.above, wrapped: form)
                        for above in (lane + 1)..<(lane + lines) { reserved[above, default: []].append((box.minX, box.maxX)) }
                        break
                    }
                }
                guard let found else { continue }
                result[index] = found
                occupied.append((found.minX, found.maxX))
                placed.insert(index)
            }
            let carried = reserved[lane] ?? []
            if placed.isEmpty, carried.isEmpty {
                // Nothing fits: give up the label that misses its gap by most, and try again.
                // The narrowest a label could be set is about its width over the most lines:
                // an estimate, so choosing whom to give up shapes no wrapped labels.
                let shortfalls = remaining.indices.map { position -> Double in
                    let room = gapAround(position, in: remaining, requests)
                    return width(remaining[position]) / Double(Self.maximumLines) - (room.high - room.low)
                }
                remaining.remove(at: shortfalls.indices.max { shortfalls[$0] < shortfalls[$1] }!)
                continue
            }
            remaining.removeAll { placed.contains($0) }
            reserved[lane] = nil
            lane += 1
        }
        return result
    }

    /// The boxes a label filling `lines` lanes from `lane` up must clear.
    private func lanesClear(
        _ lane: Int, _ lines: Int, _ occupied: [(minX: Double, maxX: Double)], _ reserved: [Int: [(minX: Double, maxX: Double)]]
    ) -> [(minX: Double, maxX: Double)] {
        occupied + ((lane + 1)..<(lane + lines)).flatMap { reserved[$0] ?? [] }
    }

    /// Where a label for `remaining[position]` may lie: between the leaders of the nearest
    /// events on either side (on another date) and the chart's edges; `shared` when another
    /// event on the same date is still to be placed, so the leader continues upwards.
    private func gapAround(_ position: Int, in remaining: [Int], _ requests: [Request]) -> Room {
        let x = requests[remaining[position]].x
        var room = Room(low: 0, high: chartWidth, shared: false)
        var before = position - 1
        while before >= 0 {
            let other = requests[remaining[before]].x
            if abs(other - x) > Self.sameDate {
                room.low = max(room.low, other + leaderGap)
                break
            }
            room.shared = true
            before -= 1
        }
        var after = position + 1
        while after < remaining.count {
            let other = requests[remaining[after]].x
            if abs(other - x) > Self.sameDate {
                room.high = min(room.high, other - leaderGap)
                break
            }
            room.shared = true
            after += 1
        }
        return room
    }

    private struct Room {
        var low: Double
        var high: Double
        var shared: Bool
    }

    /// Leaders closer than this (in points) are one leader.
    static let sameDate = 0.01

    /// The label box for a leader at `x` within the room, clear of the `clear` boxes: beside
    /// the leader on the left, else on the right, else (unless the leader is shared) over it,
    /// as far left as allowed.
    private func box(for x: Double, width: Double, room: Room, clear: [(minX: Double, maxX: Double)])
        -> (minX: Double, maxX: Double, above: Bool)?
    {
        func fits(_ start: Double) -> Bool {
            start >= room.low && start + width <= room.high
                && clear.allSatisfy { start + width + gap <= $0.minX || start - gap >= $0.maxX }
        }
        let left = x - leaderOffset - width
        if fits(left) { return (left, x - leaderOffset, false) }
        let right = x + leaderOffset
        if fits(right) { return (right, right + width, false) }
        guard !room.shared else { return nil }
        // Over the leader: the leftmost start from the room's edge or just after a box.
        let starts = ([max(room.low, left)] + clear.map { $0.maxX + gap }).filter { $0 >= left && $0 <= right }.sorted()
        guard let start = starts.first(where: fits) else { return nil }
        return (start, start + width, true)
    }
}
