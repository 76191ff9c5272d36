/// What a `Pattern` draws over a shape's bounds, clipped by the painter to the shape: the
/// PDF's painter and the HTML edition's SVG draw the same lines and dots from here, so a
/// series looks the same in print and on screen.
public enum Hatching: Sendable, Equatable {
    /// Lines of `width`, each from `from` to `to`, stroked together.
    case lines(Color, width: Double, [Segment])
    /// Dots of `radius` at the points, filled together.
    case dots(Color, radius: Double, [Point])

    public struct Segment: Sendable, Equatable {
        public var from: Point
        public var to: Point
    }

    public static let lineWidth = 0.45
    public static let dotRadius = 0.55
}

extension Pattern {
    /// The strokes and dots of the hatching over `bounds`, in drawing order (a cross-hatch is
    /// two strokes, rising then falling).
    public func hatching(in bounds: Rect) -> [Hatching] {
        switch self {
        case .diagonal(let color, let spacing): [Self.lines(color, spacing: spacing, slope: 1, bounds: bounds)]
        case .backDiagonal(let color, let spacing): [Self.lines(color, spacing: spacing, slope: -1, bounds: bounds)]
        case .horizontal(let color, let spacing): [Self.lines(color, spacing: spacing, slope: 0, bounds: bounds)]
        case .crossHatch(let color, let spacing):
            [Self.lines(color, spacing: spacing, slope: 1, bounds: bounds), Self.lines(color, spacing: spacing, slope: -1, bounds: bounds)]
        case .dots(let color, let spacing):
            [.dots(color, radius: Hatching.dotRadius, Self.dots(spacing: spacing, bounds: bounds))]
        }
    }

    /// Lines at 45 degrees (or level) through the bounds, anchored to positions that follow
    /// the bounds, `spacing` apart.
    private static func lines(_ color: Color, spacing: Double, slope: Double, bounds: Rect) -> Hatching {
        let reach = bounds.width + bounds.height
        var segments: [Hatching.Segment] = []
        var offset = -reach
        while offset <= reach {
            if slope == 0 {
                let y = bounds.y + offset + reach
                if y >= bounds.y && y <= bounds.maxY {
                    segments.append(.init(from: Point(x: bounds.x, y: y), to: Point(x: bounds.maxX, y: y)))
                }
            } else {
                let startX = bounds.x + offset
                segments.append(
                    .init(
                        from: Point(x: startX, y: slope > 0 ? bounds.maxY : bounds.y),
                        to: Point(x: startX + reach, y: slope > 0 ? bounds.maxY - reach : bounds.y + reach)))
            }
            offset += spacing
        }
        return .lines(color, width: Hatching.lineWidth, segments)
    }

    private static func dots(spacing: Double, bounds: Rect) -> [Point] {
        var points: [Point] = []
        var y = bounds.y + spacing / 2
        while y < bounds.maxY {
            var x = bounds.x + spacing / 2
            while x < bounds.maxX {
                points.append(Point(x: x, y: y))
                x += spacing
            }
            y += spacing
        }
        return points
    }
}
