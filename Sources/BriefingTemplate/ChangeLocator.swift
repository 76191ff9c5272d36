import BriefingContent
import BriefingModel

/// Finds the chosen sections that show each changed fact: those whose text names it in a
/// placeholder (`{{fig.students}}`, `{{supply.S.latest.china}}`), or that place a chart
/// drawing it. A change no chosen section shows is still listed, marked as not shown, after
/// those that are shown.
struct ChangeLocator {
    let facts: FactBase

    func locate(_ changes: FactChanges, sections: [Document.Section], texts: [(id: String, text: String)]) -> FactChanges {
        var located = changes
        let textByID = Dictionary(texts.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        for index in located.entries.indices {
            let key = located.entries[index].key
            located.entries[index].sections = sections.filter { shows(key, in: $0, text: textByID[$0.id] ?? "") }.map(\.id)
        }
        // Within each kind, in reading order: by the first section showing the change, those
        // no chosen section shows last; the diff's key order otherwise.
        let position = Dictionary(sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let kinds = Dictionary(uniqueKeysWithValues: FactChanges.Entry.Kind.allCases.enumerated().map { ($1, $0) })
        located.entries = located.entries.enumerated().sorted { a, b in
            let first = a.element.sections.first.flatMap { position[$0] } ?? Int.max
            let second = b.element.sections.first.flatMap { position[$0] } ?? Int.max
            return (kinds[a.element.kind]!, first, a.offset) < (kinds[b.element.kind]!, second, b.offset)
        }.map(\.element)
        return located
    }

    /// Whether a section shows the fact: its text names it in a placeholder, or it places a
    /// chart drawing it.
    func shows(_ key: String, in section: Document.Section, text: String) -> Bool {
        names(key, in: text) || section.blocks.flatMap(\.charts).contains { draws($0, key) }
    }

    /// Whether `text` names the fact in a placeholder.
    func names(_ key: String, in text: String) -> Bool {
        placeholderNames(of: key).contains { text.contains("{{" + $0) }
    }

    /// How placeholders may name the fact: its key, and for supply shares the `first` and
    /// `latest` aliases of its row; a derived annual rate is named by its projection.
    private func placeholderNames(of key: String) -> [String] {
        if key.hasSuffix(".cagr") { return [String(key.dropLast(5))] }
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 4, parts[0] == "supply", let series = facts.series(parts[1]) else { return [key] }
        var names = [key]
        if series.rows.first?.key == parts[2] { names.append("supply.\(parts[1]).first.\(parts[3])") }
        if series.rows.last?.key == parts[2] { names.append("supply.\(parts[1]).latest.\(parts[3])") }
        return names
    }

    private func draws(_ figure: ChartFigure, _ key: String) -> Bool {
        switch figure.data {
        case .timeline(let events, _): events.contains { "event.\($0.id)" == key }
        case .supplyShares(let series): key.hasPrefix("supply.\(series.id).")
        case .growthRates(let rates, let projection):
            rates.contains { "growth.\($0.id)" == key }
                || projection.map { key == "projection.\($0.id)" || key == "projection.\($0.id).cagr" } ?? false
        case .bars(let bars, _): bars.contains { $0.key == key }
        case .lines(let series): series.contains { key.hasPrefix("series.\($0.id).") }
        }
    }
}
