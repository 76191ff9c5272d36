import CShapeReuse

/// HarfBuzz shaping reused across Pango's line breaking (`Sources/CShapeReuse`): Pango 1.50
/// shapes a paragraph's text about 2.4 times while it breaks lines; a range whose ends
/// HarfBuzz marks safe to break is copied from the earlier shaping of the whole item. Glyphs
/// and positions are HarfBuzz's own by its definition of a safe break; tests turn checking
/// on to prove it for the bundled fonts and briefings.
public enum ShapeReuse {
    public struct Counts: Equatable, Sendable {
        /// Buffers HarfBuzz shaped, and buffers filled from an earlier shaping instead.
        public var shaped: Int
        public var reused: Int
        /// Reuses that differed from HarfBuzz's own result (counted only while checking).
        public var mismatches: Int
    }

    /// Since the process started, over every thread.
    public static var counts: Counts {
        let counts = briefing_shape_reuse_counts_get()
        return Counts(shaped: counts.shaped, reused: counts.reused, mismatches: counts.mismatches)
    }

    /// While on, every reuse is shaped by HarfBuzz as well and compared glyph by glyph;
    /// the buffer keeps HarfBuzz's result. For tests.
    public static func setChecking(_ on: Bool) { briefing_shape_reuse_set_checking(on ? 1 : 0) }
}
