/// A dated milestone of the cooperation: a point at its true precision, or a span.
public struct Event: Sendable, Identifiable {
    public enum When: Sendable, Hashable {
        case point(FuzzyDate)
        case span(FuzzyDate, FuzzyDate)

        public var start: FuzzyDate {
            switch self {
            case .point(let date), .span(let date, _): date
            }
        }

        /// The date the event ends on: its own date for a point, the end of a span.
        public var endDate: FuzzyDate {
            switch self {
            case .point(let date), .span(_, let date): date
            }
        }

        /// "30 May 2024", or "1970s–1990s" / "2002–2021" for spans.
        public var description: String {
            switch self {
            case .point(let date): date.description
            case .span(let start, let end): "\(start)\u{2013}\(end)"
            }
        }
    }

    public var id: String
    public var title: String
    public var when: When
    public var domain: Domain
    public var attribution: Attribution
    public var location: SourceLocation

    public init(id: String, title: String, when: When, domain: Domain, attribution: Attribution, location: SourceLocation) {
        self.id = id
        self.title = title
        self.when = when
        self.domain = domain
        self.attribution = attribution
        self.location = location
    }
}
