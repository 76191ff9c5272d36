import BriefingContent
import BriefingModel

extension ChartResolver {
    /// The timeline: all events or those listed in `events`, on an axis limited by `axis:
    /// 2020..2026` (or `from`/`to`, each a date) when given. Events wholly outside the axis are
    /// left out and counted in the caption; those reaching over its ends are clipped.
    static func timeline(_ options: [String: String], facts: FactBase, labels: Labels, at location: SourceLocation) throws
        -> ChartFigure
    {
        var events = facts.events
        if let list = options["events"], list != "all" {
            events = try names(list).map { id in
                guard let event = facts.event(id) else { throw unknown("event", id, facts.events.map(\.id), location) }
                return event
            }
        }
        guard !events.isEmpty else {
            throw InputError(
                kind: .invalidData, location, "chart 'timeline' has no events to draw", hint: "add entries under 'events:' in the data")
        }
        // By start date, stably: the keys sorted with their positions, then the events moved
        // once (sorting the events themselves moved each large value about log n times).
        let keys = events.map { ($0.when.start.start, $0.when.start.end) }
        events = keys.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }.map { events[$0] }
        var axis = try timelineAxis(options, at: location)
        var outside = 0
        if let limits = axis {
            let shown = events.filter { $0.when.start.start < limits.upperBound && $0.when.endDate.end > limits.lowerBound }
            outside = events.count - shown.count
            events = shown
            guard !events.isEmpty else {
                throw InputError(
                    kind: .invalidData, location, "chart 'timeline': no event falls within the axis",
                    hint: "widen 'axis' or list other events")
            }
            // An open end (only `from` or only `to`) reaches the shown events' whole years.
            let low = limits.lowerBound.isFinite ? limits.lowerBound : events.map(\.when.start.start).min()!.rounded(.down)
            let high = limits.upperBound.isFinite ? limits.upperBound : events.map(\.when.endDate.end).max()!.rounded(.up)
            axis = low...high
        }
        let first = axis.map { Int($0.lowerBound) } ?? events.map(\.when.start.year).min()!
        let last = axis.map { Int($0.upperBound.rounded(.up)) - 1 } ?? events.map { $0.lastYear }.max()!
        var altText = AltText(labels: labels).timeline(events)
        if outside > 0 {
            altText +=
                " "
                + labels.counted(
                    outside, one: .timelineOutsideOne, other: .timelineOutside,
                    ["count": "\(outside)", "first": "\(first)", "last": "\(last)"])
        }
        var figure = ChartFigure(
            kind: .timeline, data: .timeline(events, axis: axis),
            title: labels.text(.timelineTitle, ["first": "\(first)", "last": "\(last)"]), altText: altText,
            sourceIDs: unique(events.map(\.attribution.sourceID)), sourceNote: labels[.timelineNote])
        figure.spokenDetail = AltText(labels: labels).timelineEvents(events)
        return figure
    }

    /// `axis: 2020..2026` (both ends dates, so `2020-06..2024` works too), or `from`/`to`.
    private static func timelineAxis(_ options: [String: String], at location: SourceLocation) throws -> ClosedRange<Double>? {
        var fromText = options["from"], toText = options["to"]
        if let axis = options["axis"] {
            guard fromText == nil, toText == nil else {
                throw InputError(kind: .invalidData, location, "chart 'timeline': give 'axis' or 'from'/'to', not both")
            }
            let ends = axis.components(separatedBy: "..")
            guard ends.count == 2 else {
                throw InputError(
                    kind: .invalidData, location, "chart 'timeline': 'axis: \(axis)' is not a range", hint: "write it as 2020..2026")
            }
            fromText = ends[0].trimmingCharacters(in: .whitespaces)
            toText = ends[1].trimmingCharacters(in: .whitespaces)
        }
        guard fromText != nil || toText != nil else { return nil }
        func date(_ text: String?, _ key: String) throws -> FuzzyDate? {
            guard let text, !text.isEmpty else { return nil }
            do { return try FuzzyDate.parse(text) } catch {
                throw InputError(kind: .invalidData, location, "chart 'timeline', option '\(key)': \(error.message)")
            }
        }
        let low = try date(fromText, "from")?.start ?? -Double.infinity
        let high = try date(toText, "to")?.end ?? Double.infinity
        guard low < high else {
            throw InputError(
                kind: .invalidData, location, "chart 'timeline': the axis ends (\(toText ?? "")) before it starts (\(fromText ?? ""))")
        }
        return low...high
    }
}
