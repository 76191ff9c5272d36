/// A name for one fact, as written in placeholders and in `key_figures`: `fig.students`,
/// `growth.it-sector`, `projection.ecommerce-trade`, `event.paksat-mm1`.
public enum FactReference: Sendable, Hashable {
    case figure(String)
    case growth(String)
    case projection(String)
    case event(String)

    public static let prefixes = ["fig", "growth", "projection", "event"]

    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let id = String(text[text.index(after: dot)...])
        switch text[..<dot] {
        case "fig": self = .figure(id)
        case "growth": self = .growth(id)
        case "projection": self = .projection(id)
        case "event": self = .event(id)
        default: return nil
        }
    }
}

extension FactBase {
    /// True when the reference names a fact in this data.
    public func contains(_ reference: FactReference) -> Bool {
        switch reference {
        case .figure(let id): figure(id) != nil
        case .growth(let id): growthRate(id) != nil
        case .projection(let id): projection(id) != nil
        case .event(let id): event(id) != nil
        }
    }

    /// Every valid reference, for "did you mean" hints.
    public var allReferences: [String] {
        figures.map { "fig.\($0.id)" } + growthRates.map { "growth.\($0.id)" }
            + projections.map { "projection.\($0.id)" } + events.map { "event.\($0.id)" }
    }
}
