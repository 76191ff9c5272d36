import BriefingContent
import BriefingModel

/// Finds the chosen sections that show each changed fact: those whose text names it in a
/// placeholder (`{{fig.students}}`, `{{supply.S.latest.china}}`), or that place a chart
/// drawing it. A change no chosen section shows is still listed, marked as not shown, after
/// those that are shown.
struct ChangeLocator {
    /// Every fact's placeholder names, from the catalog.
    let placeholderNames: [FactKey: [String]]

    init(facts: FactBase) {
        placeholderNames = Dictionary(facts.catalog().map { ($0.key, $0.names) }, uniquingKeysWith: { first, _ in first })
    }

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
        names(key, in: text) || (FactKey(key).map { key in section.blocks.flatMap(\.charts).contains { draws($0, key) } } ?? false)
    }

    /// Whether `text` names the fact in a placeholder, by its key or an alias of it
    /// (`FactEntry.names`: a supply row's `first`/`latest`, a series point's `previous`).
    func names(_ key: String, in text: String) -> Bool {
        let names = FactKey(key).flatMap { placeholderNames[$0] } ?? [key]
        return names.contains { name in
            // The name whole: `{{fig.a}}` or a field `{{fig.a.value}}`, not `{{fig.a-2030}}`.
            text.ranges(of: "{{" + name).contains { range in
                range.upperBound == text.endIndex || ["}", ".", " "].contains(text[range.upperBound])
            }
        }
    }

    private func draws(_ figure: ChartFigure, _ key: FactKey) -> Bool {
        switch (figure.data, key) {
        case (.timeline(let events, _), .event(let id)): events.contains { $0.id == id }
        case (.supplyShares(let series), .share(let id, _, _)): series.id == id
        case (.growthRates(let rates, _), .growth(let id)): rates.contains { $0.id == id }
        case (.growthRates(_, let projection?), .projection(let id)), (.growthRates(_, let projection?), .projectionRate(let id)):
            projection.id == id
        case (.bars(let bars, _), _): bars.contains { $0.key == key }
        case (.lines(let series), .seriesPoint(let id, _)): series.contains { $0.id == id }
        default: false
        }
    }
}
