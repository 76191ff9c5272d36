/// A field events belong to (diplomacy, export controls, ...): the timeline colour- and
/// shape-codes events by it, and its legend and alt text name it. A template declares its
/// own under `domains:` in `data.yaml`; without them, the six fields of the default briefing.
public struct Domain: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    /// As it reads in a legend: "Defence and strategic".
    public var title: String
    /// As it reads inside a sentence: "defence and strategic", "IT and AI".
    public var phrase: String
    /// The colour of its marks and dates, as 0xRRGGBB.
    public var colour: Int
    public var marker: Marker
    /// Position in the template's list, which orders legends and alt text.
    public var order: Int

    public init(id: String, title: String, phrase: String? = nil, colour: Int, marker: Marker, order: Int) {
        self.id = id
        self.title = title
        self.phrase = phrase ?? Self.phrase(title)
        self.colour = colour
        self.marker = marker
        self.order = order
    }

    /// A title as it reads inside a sentence, when the template gives no `phrase`: each
    /// capitalised word in lower case ("Energy" -> "energy"), a word with another capital
    /// letter or none kept as written ("EU", "NATO", "ΕΜΠΌΡΙΟ", "iPhone"). A proper noun
    /// ("China") cannot be told from the title: the template writes `phrase` for it.
    static func phrase(_ title: String) -> String {
        title.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.count > 1, let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase) else {
                return String(word)
            }
            return word.lowercased()
        }.joined(separator: " ")
    }

    /// The symbol drawn for an event of the domain, so domains differ in shape as well as
    /// colour and stay distinct in greyscale print.
    public enum Marker: String, Sendable, CaseIterable {
        case circle, square, diamond, triangle
        case triangleDown = "triangle-down"
        case plus, star, hexagon
    }

    public var description: String { id }

    public static func == (lhs: Domain, rhs: Domain) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The domains of a template that declares none.
    public static let defaults: [Domain] = [
        Domain(id: "diplomacy", title: "Diplomacy", colour: 0x7A5195, marker: .diamond, order: 0),
        Domain(id: "defence", title: "Defence and strategic", colour: 0xB0452F, marker: .triangle, order: 1),
        Domain(id: "space", title: "Space", colour: 0x1F6FB4, marker: .circle, order: 2),
        Domain(id: "it", title: "IT and AI", phrase: "IT and AI", colour: 0x23877B, marker: .square, order: 3),
        Domain(id: "energy", title: "Energy", colour: 0xC98B12, marker: .triangleDown, order: 4),
        Domain(id: "trade", title: "Trade", colour: 0x5C7A1F, marker: .plus, order: 5),
    ]

    /// Colours given to declared domains without one, in order: dark and light alternate so
    /// neighbours differ in greyscale too, and every one reads on white.
    public static let palette = [0x1F6FB4, 0xC98B12, 0x7A5195, 0x5C7A1F, 0xB0452F, 0x23877B, 0x8C6D3F, 0x4D4D4D]
}
