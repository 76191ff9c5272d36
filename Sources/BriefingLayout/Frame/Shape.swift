/// A vector shape of a chart, in page coordinates.
public enum Shape: Sendable, Hashable {
    case rect(Rect)
    case circle(center: Point, radius: Double)
    case polygon([Point])
    case polyline([Point])

    /// The smallest rectangle containing the shape.
    public var bounds: Rect {
        switch self {
        case .rect(let rect): return rect
        case .circle(let center, let radius): return Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        case .polygon(let points), .polyline(let points):
            let xs = points.map(\.x), ys = points.map(\.y)
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
                return Rect(x: 0, y: 0, width: 0, height: 0)
            }
            return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        }
    }

    func offsetBy(dx: Double, dy: Double) -> Shape {
        switch self {
        case .rect(let rect): .rect(rect.offsetBy(dx: dx, dy: dy))
        case .circle(let center, let radius): .circle(center: Point(x: center.x + dx, y: center.y + dy), radius: radius)
        case .polygon(let points): .polygon(points.map { Point(x: $0.x + dx, y: $0.y + dy) })
        case .polyline(let points): .polyline(points.map { Point(x: $0.x + dx, y: $0.y + dy) })
        }
    }
}

/// Hatching drawn over a fill, so series stay distinguishable in greyscale print.
public enum Pattern: Sendable, Hashable {
    /// Lines rising to the right, `spacing` points apart.
    case diagonal(Color, spacing: Double)
    /// Lines falling to the right.
    case backDiagonal(Color, spacing: Double)
    case horizontal(Color, spacing: Double)
    case crossHatch(Color, spacing: Double)
    case dots(Color, spacing: Double)
}

public struct ShapeStyle: Sendable, Hashable {
    public var fill: Color?
    public var pattern: Pattern?
    public var stroke: Color?
    public var lineWidth: Double
    public var dash: [Double]

    public init(fill: Color? = nil, pattern: Pattern? = nil, stroke: Color? = nil, lineWidth: Double = 0.5, dash: [Double] = []) {
        self.fill = fill
        self.pattern = pattern
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.dash = dash
    }
}
