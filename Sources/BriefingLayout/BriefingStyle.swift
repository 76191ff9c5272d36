/// The house style: page geometry, palette and type scale, in one place so the cover, body,
/// panels (and later charts) agree.
public struct BriefingStyle: Sendable {
    public var pageSize = Size.a4
    public var marginLeft = 70.0
    public var marginRight = 70.0
    public var marginTop = 78.0
    public var marginBottom = 74.0
    /// Baselines of the running header and footer.
    public var headerBaseline = 44.0
    public var footerBaseline = 806.0

    // MARK: Palette
    public var ink = Color(hex: 0x1E2126)
    public var navy = Color(hex: 0x16365C)
    public var accent = Color(hex: 0xB0452F)
    public var muted = Color(hex: 0x5F6670)
    public var rule = Color(hex: 0xC9CED6)
    public var panel = Color(hex: 0xEEF2F6)
    public var coverBand = Color(hex: 0x16365C)
    public var coverText = Color(hex: 0xFFFFFF)
    public var coverSubtle = Color(hex: 0xB9C7D9)

    // MARK: Type scale
    public var bodySize = 10.2
    public var bodySpacing = 1.04
    public var smallSize = 8.2

    public init() {}

    public var frameWidth: Double { pageSize.width - marginLeft - marginRight }
    public var frameBottom: Double { pageSize.height - marginBottom }

    public var body: TextStyle { TextStyle(family: .serif, size: bodySize, color: ink) }
    public var sectionHeading: TextStyle { TextStyle(family: .sans, size: 15, weight: .semibold, color: navy) }
    public var subHeading: TextStyle { TextStyle(family: .sans, size: 11, weight: .semibold, color: navy) }
    public var minorHeading: TextStyle { TextStyle(family: .sans, size: 10, weight: .semibold, color: ink) }
    public var label: TextStyle { TextStyle(family: .sans, size: 7.6, weight: .semibold, color: accent, letterSpacing: 0.9) }
    public var small: TextStyle { TextStyle(family: .sans, size: smallSize, color: muted) }
    public var citation: TextStyle { TextStyle(family: .sans, size: 6.6, weight: .medium, color: navy, rise: 2.6) }
    public var marker: TextStyle { TextStyle(family: .serif, size: 7.2, color: accent, rise: 3) }
    public var running: TextStyle { TextStyle(family: .sans, size: 7.6, color: muted) }
}
