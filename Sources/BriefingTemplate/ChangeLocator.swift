import BriefingContent
import BriefingModel

/// Finds where each changed fact shows: the cover, when the key judgements or a key figure
/// name it, and the chosen sections whose text names it in a placeholder
/// (`{{fig.students}}`, `{{supply.S.latest.china}}`) or that place a chart drawing it. A
/// change shown nowhere is still listed, marked as not shown, after those that are shown.
struct ChangeLocator {
    /// Every fact's placeholder names, from the catalog.
    let placeholderNames: [FactKey: [String]]

    init(facts: FactBase) {
        placeholderNames = Dictionary(facts.catalog().map { ($0.key, $0.names) }, uniquingKeysWith: { first, _ in first })
    }

    /// - Parameter cover: the text the cover prints from (`coverText`).
    func locate(
        _ changes: FactChanges, cover: String, sections: [Document.Section], texts: [(id: String, text: String)]
    ) -> FactChanges {
        var located = changes
        let textByID = Dictionary(texts.map { ($0.id, Named(in: $0.text)) }, uniquingKeysWith: { first, _ in first })
        let cover = Named(in: cover)
        let places = sections.map { Place($0, named: textByID[$0.id] ?? Named(in: "")) }
        for index in located.entries.indices {
            let key = fact(located.entries[index].key)
            located.entries[index].onCover = names(key, in: cover)
            located.entries[index].sections = places.filter { shows(key, in: $0) }.map(\.id)
        }
        // Within each kind, in reading order: by the first place showing the change (the
        // cover before any section), those shown nowhere last; the diff's key order otherwise.
        let position = Dictionary(sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let kinds = Dictionary(uniqueKeysWithValues: FactChanges.Entry.Kind.allCases.enumerated().map { ($1, $0) })
        func first(_ entry: FactChanges.Entry) -> Int {
            entry.onCover ? -1 : entry.sections.first.flatMap { position[$0] } ?? Int.max
        }
        located.entries = located.entries.enumerated().sorted { a, b in
            (kinds[a.element.kind]!, first(a.element), a.offset) < (kinds[b.element.kind]!, first(b.element), b.offset)
        }.map(\.element)
        return located
    }

    /// What the cover prints facts from: the key judgements' text and a placeholder for each
    /// key figure.
    static func coverText(judgements: String, keyFigures: [String]) -> String {
        judgements + keyFigures.map { "{{\($0)}}" }.joined()
    }

    /// A fact as the locator asks about it: its key read once, and every name a placeholder
    /// may give it.
    struct Fact {
        let key: FactKey?
        let names: [String]
    }

    func fact(_ key: String) -> Fact {
        let parsed = FactKey(key)
        return Fact(key: parsed, names: parsed.flatMap { placeholderNames[$0] } ?? [key])
    }

    /// A chosen section as the locator asks about it: the names its text's placeholders
    /// could mean and the charts it places, each gathered once for every fact asked about.
    struct Place {
        let id: String
        let named: Named
        let charts: [ChartFigure]

        init(_ section: Document.Section, named: Named) {
            id = section.id
            self.named = named
            charts = section.blocks.flatMap(\.charts)
        }
    }

    /// Whether a section shows the fact: its text names it in a placeholder, or it places a
    /// chart drawing it.
    func shows(_ fact: Fact, in place: Place) -> Bool {
        names(fact, in: place.named) || (fact.key.map { key in place.charts.contains { draws($0, key) } } ?? false)
    }

    func shows(_ key: String, in section: Document.Section, text: String) -> Bool {
        shows(fact(key), in: Place(section, named: Named(in: text)))
    }

    /// Whether the text names the fact in a placeholder, by its key or an alias of it
    /// (`FactEntry.names`: a supply row's `first`/`latest`, a series point's `previous`).
    func names(_ fact: Fact, in named: Named) -> Bool {
        fact.names.contains { named.names.contains(Substring($0)) }
    }

    func names(_ key: String, in text: String) -> Bool { names(fact(key), in: Named(in: text)) }

    /// Every name a text's placeholders could mean, read once: for each `{{`, the run after
    /// it up to each `.`, space or `}` (or the text's end). A name is named when it is one of
    /// them: `{{fig.a}}` or a field `{{fig.a.value}}` name `fig.a`; `{{fig.a-2030}}` does not.
    /// Asking a text about every fact of a briefing then costs one set lookup per name, not a
    /// search of the text.
    struct Named {
        let names: Set<Substring>

        init(in text: String) {
            var names = Set<Substring>()
            let utf8 = text.utf8
            var index = utf8.startIndex
            while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
                let next = utf8.index(after: open)
                guard next < utf8.endIndex, utf8[next] == UInt8(ascii: "{") else {
                    index = next
                    continue
                }
                let start = utf8.index(after: next)
                var end = start
                var length = 0
                scan: while length < 256 {
                    guard end < utf8.endIndex else {
                        if end > start { names.insert(text[start..<end]) }
                        break
                    }
                    switch utf8[end] {
                    case UInt8(ascii: "}"), UInt8(ascii: " "):
                        if end > start { names.insert(text[start..<end]) }
                        break scan
                    case UInt8(ascii: "."):
                        if end > start { names.insert(text[start..<end]) }
                    case UInt8(ascii: "\n"), UInt8(ascii: "{"):
                        break scan
                    default: break
                    }
                    end = utf8.index(after: end)
                    length += 1
                }
                index = start
            }
            self.names = names
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
