import BriefingModel
import Foundation

/// One palette and type scale for every chart, derived from the house style so charts match
/// the body text. Every series also has a pattern or symbol, so greyscale print stays legible.
public struct ChartStyle: Sendable {
    public let house: BriefingStyle
    /// The template's words for the charts' fixed phrases (legend notes, axis titles).
    public let labels: Labels

    public init(house: BriefingStyle = BriefingStyle(), labels: Labels = .english) {
        self.house = house
        self.labels = labels
    }

    public var text: TextStyle { TextStyle(family: .sans, size: 7.4, color: house.ink) }
    public var strongText: TextStyle { text.with { $0.weight = .semibold } }
    public var valueInside: TextStyle {
        text.with {
            $0.weight = .semibold; $0.color = Color(hex: 0xFFFFFF)
        }
    }
    public var axis: TextStyle { TextStyle(family: .sans, size: 6.8, color: house.muted) }

    /// The fonts chart text is set in (headings and legends are the semibold cuts): what a run
    /// that sets only charts, the HTML edition, loads ahead. `LayoutEngine.fonts` has them too.
    public var fonts: [FontKey] {
        [text, strongText, axis, axis.with { $0.weight = .semibold }, marker].map(FontKey.init)
    }
    public var grid: Color { Color(hex: 0xDDE2E8) }
    public var axisLine: Color { Color(hex: 0x8A929C) }
    public var marker: TextStyle {
        house.marker.with {
            $0.size = 6.4; $0.rise = 2.4
        }
    }

    // MARK: Suppliers

    /// The focus supplier is solid navy; the others cycle through colours and hatchings of
    /// clearly different lightness; "all others" is pale grey with fine hatching.
    public func supplier(_ index: Int, focus: Bool) -> ShapeStyle {
        if focus { return ShapeStyle(fill: house.navy) }
        let styles: [ShapeStyle] = [
            ShapeStyle(fill: Color(hex: 0xD9894A), pattern: .diagonal(Color(hex: 0x8A4A1C), spacing: 3)),
            ShapeStyle(fill: Color(hex: 0x6FA8A0), pattern: .backDiagonal(Color(hex: 0x2F6A62), spacing: 3)),
            ShapeStyle(fill: Color(hex: 0xB9A3D1), pattern: .horizontal(Color(hex: 0x5E4A80), spacing: 2.6)),
            ShapeStyle(fill: Color(hex: 0xE3C565), pattern: .dots(Color(hex: 0x7D6614), spacing: 3)),
            ShapeStyle(fill: Color(hex: 0x9DB7D5), pattern: .crossHatch(Color(hex: 0x3E5F86), spacing: 3.4)),
        ]
        return styles[index % styles.count]
    }

    public var others: ShapeStyle { ShapeStyle(fill: Color(hex: 0xE6E8EC), pattern: .diagonal(Color(hex: 0xA9AFB8), spacing: 2.2)) }

    // MARK: Domains

    public func color(_ domain: Domain) -> Color { Color(hex: UInt32(domain.colour)) }

    /// The domain's symbol, centred on `center`, so domains differ in shape as well as colour.
    public func symbol(_ domain: Domain, at center: Point, size: Double) -> Shape {
        let r = size / 2
        let x = center.x, y = center.y
        switch domain.marker {
        case .circle:
            return .circle(center: center, radius: r)
        case .square:
            return .rect(Rect(x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8))
        case .diamond:
            return .polygon([
                Point(x: x, y: y - r * 1.2), Point(x: x + r * 1.2, y: y), Point(x: x, y: y + r * 1.2), Point(x: x - r * 1.2, y: y),
            ])
        case .triangle:
            return .polygon([Point(x: x, y: y - r * 1.15), Point(x: x + r * 1.1, y: y + r * 0.85), Point(x: x - r * 1.1, y: y + r * 0.85)])
        case .triangleDown:
            return .polygon([Point(x: x, y: y + r * 1.15), Point(x: x + r * 1.1, y: y - r * 0.85), Point(x: x - r * 1.1, y: y - r * 0.85)])
        case .plus:
            let a = r * 0.38, b = r * 1.1
            return .polygon([
                Point(x: x - a, y: y - b), Point(x: x + a, y: y - b), Point(x: x + a, y: y - a), Point(x: x + b, y: y - a),
                Point(x: x + b, y: y + a), Point(x: x + a, y: y + a), Point(x: x + a, y: y + b), Point(x: x - a, y: y + b),
                Point(x: x - a, y: y + a), Point(x: x - b, y: y + a), Point(x: x - b, y: y - a), Point(x: x - a, y: y - a),
            ])
        case .star:
            return .polygon(
                (0..<10).map { index in
                    let angle = Double(index) * .pi / 5 - .pi / 2
                    let radius = index % 2 == 0 ? r * 1.25 : r * 0.55
                    return Point(x: x + radius * cos(angle), y: y + radius * sin(angle))
                })
        case .hexagon:
            return .polygon(
                (0..<6).map { index in
                    let angle = Double(index) * .pi / 3
                    return Point(x: x + r * 1.05 * cos(angle), y: y + r * 1.05 * sin(angle))
                })
        }
    }
}
