import BriefingContent
import BriefingModel

/// What `{{ref.chart.ID}}` names and where it leads: a chart kind (its first placement in
/// this run), a chart block's `id`, or a figure number of the full briefing (a `--sections`
/// run renumbers its figures, but "Figure 3" in the text means the full briefing's third;
/// it links to that chart under its number in this run, or is printed as plain text when
/// the run leaves it out). Anything else is an error with the closest name.
struct ChartReferences {
    /// A chart of the full briefing, in reading order: its section, and the figure as this
    /// run numbers it (nil when the run leaves the section out).
    struct Placement {
        var section: String
        var kind: ChartFigure.Kind
        var blockID: String?
        var figure: ChartFigure?
    }

    enum Target {
        /// A chart this run includes.
        case figure(ChartFigure)
        /// A chart of the full briefing this run leaves out, described in `text`.
        case leftOut(String)
        /// Not a chart of this briefing: the message and a hint.
        case invalid(String, hint: String)
    }

    /// Every chart of the full briefing, or nil when a section this run leaves out could not
    /// be read (its charts' numbers and ids are then unknown).
    let placements: [Placement]?
    /// The figures this run includes, in reading order.
    let included: [ChartFigure]
    let labels: Labels

    func target(_ id: String) -> Target {
        if let kind = ChartFigure.Kind(rawValue: id) {
            if let figure = included.first(where: { $0.kind == kind }) { return .figure(figure) }
            // The reader knows the full briefing's figure numbers, not the template's ids.
            if let number = placements?.firstIndex(where: { $0.kind == kind }) {
                return .leftOut(labels.text(.leftOutFigure, ["n": "\(number + 1)"]))
            }
            return .leftOut(labels.text(.leftOutChart, ["id": id]))
        }
        guard let placements else {
            // A left-out section could not be read: only what this run includes can be named.
            if let figure = included.first(where: { $0.blockID == id }) { return .figure(figure) }
            return .leftOut(labels.text(.leftOutChart, ["id": id]))
        }
        if let number = Int(id) {
            guard placements.indices.contains(number - 1) else {
                return .invalid(
                    "{{ref.chart.\(id)}}: the briefing has no Figure \(number)",
                    hint: placements.isEmpty ? "it places no charts" : "its figures are numbered 1 to \(placements.count)")
            }
            let placement = placements[number - 1]
            if let figure = placement.figure { return .figure(figure) }
            return .leftOut(labels.text(.leftOutFigure, ["n": "\(number)"]))
        }
        let named = placements.enumerated().filter { $0.element.blockID == id }
        if named.count > 1 {
            return .invalid(
                "{{ref.chart.\(id)}}: the chart id '\(id)' names several charts (\(named.map { "Figure \($0.offset + 1)" }.joined(separator: ", ")))",
                hint: "give each chart block its own id")
        }
        if let (offset, placement) = named.first {
            if let figure = placement.figure { return .figure(figure) }
            return .leftOut(labels.text(.leftOutFigure, ["n": "\(offset + 1)"]))
        }
        let names = ChartFigure.Kind.allCases.map(\.rawValue) + placements.compactMap(\.blockID) + placements.indices.map { "\($0 + 1)" }
        return .invalid(
            "unknown chart '\(id)' in {{ref.chart.\(id)}}",
            hint: Suggestion.closest(to: id, in: names).map { "did you mean 'ref.chart.\($0)'?" }
                ?? "write ref.chart.ID with a chart block's id (\(placements.compactMap(\.blockID).prefix(6).joined(separator: ", "))), "
                + "a figure number (1 to \(placements.count)) or a chart kind (\(ChartResolver.ids.joined(separator: ", ")))")
    }
}
