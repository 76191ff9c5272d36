/// What a `{{ref.section.ID}}` or `{{ref.chart.ID}}` placeholder points at.
public struct CrossReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case section
        case chart
    }

    public var kind: Kind
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}
