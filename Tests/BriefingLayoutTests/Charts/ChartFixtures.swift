import BriefingContent
import BriefingModel

/// Deterministic generated data for chart geometry tests.
enum ChartFixtures {
    static let location = SourceLocation(file: "test.yaml", line: 1, column: 1)

    /// One of the default domains, by id.
    static func domain(_ id: String) -> Domain { Domain.defaults.first { $0.id == id }! }

    static func attribution(_ confidence: Confidence = .reported) -> Attribution {
        Attribution(sourceID: "s", confidence: confidence, location: location)
    }

    /// `count` events between 1963 and 2025 with every precision, all domains and some spans,
    /// crowded towards recent years the way real timelines are.
    static func events(_ count: Int, seed: UInt64 = 42) -> [Event] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0..<count).map { index in
            let r = Double(next() % 10_000) / 10_000
            let year = 1963 + Int((1 - (1 - r) * (1 - r)) * 62)  // denser near 2025
            let month = Int(next() % 12) + 1
            let day = Int(next() % 28) + 1
            let when: Event.When
            switch next() % 10 {
            case 0:
                when = .span(
                    FuzzyDate(year: year / 10 * 10, precision: .decade), FuzzyDate(year: min(2020, year / 10 * 10 + 10), precision: .decade)
                )
            case 1: when = .span(FuzzyDate(year: year), FuzzyDate(year: min(2025, year + 1 + Int(next() % 8))))
            case 2, 3: when = .point(FuzzyDate(year: year))
            case 4, 5: when = .point(FuzzyDate(year: year, month: month))
            default: when = .point(FuzzyDate(year: year, month: month, day: day))
            }
            let words = ["Agreement", "signed", "on", "satellite", "cooperation", "and", "joint", "research", "centre", "opened"]
            let title = (0..<(2 + Int(next() % 6))).map { words[($0 + index) % words.count] }.joined(separator: " ")
            return Event(
                id: "e\(index)", title: "\(title) \(index)", when: when, domain: Domain.defaults[Int(next() % 6)],
                attribution: attribution(index % 3 == 0 ? .unconfirmed : .reported), location: location)
        }
    }

    static func figure(_ data: ChartFigure.Data, kind: ChartFigure.Kind) -> ChartFigure {
        ChartFigure(kind: kind, data: data, number: 1, title: "Test", altText: "alt", sourceIDs: ["s"], sourceNote: nil)
    }
}
