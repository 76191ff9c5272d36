/// How a run of text looks. Families are roles, resolved to the bundled fonts by the renderer.
public struct TextStyle: Sendable, Hashable {
    public enum Family: String, Sendable, Hashable {
        /// Body text (Noto Serif).
        case serif
        /// Headings, panels, captions (Inter).
        case sans
    }

    public enum Weight: Int, Sendable, Hashable {
        case regular = 400, medium = 500, semibold = 600, bold = 700
    }

    public var family: Family
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    public var color: Color
    /// Raise the run by this many points (superscript markers).
    public var rise: Double
    /// Extra space between letters, in points (tracked capitals).
    public var letterSpacing: Double

    public init(
        family: Family, size: Double, weight: Weight = .regular, italic: Bool = false, color: Color,
        rise: Double = 0, letterSpacing: Double = 0
    ) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
        self.color = color
        self.rise = rise
        self.letterSpacing = letterSpacing
    }

    public func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// The part of a `TextStyle` that selects a font (colour, rise and spacing do not): what the
/// renderer loads, caches and can prepare ahead of layout.
public struct FontKey: Sendable, Hashable, CustomStringConvertible {
    public var family: TextStyle.Family
    public var size: Double
    public var weight: TextStyle.Weight
    public var italic: Bool

    public init(family: TextStyle.Family, size: Double, weight: TextStyle.Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    public init(_ style: TextStyle) {
        family = style.family
        size = style.size
        weight = style.weight
        italic = style.italic
    }

    public var description: String { "\(family) \(weight)\(italic ? " italic" : "") \(size)" }
}
