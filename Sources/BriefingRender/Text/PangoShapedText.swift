import BriefingLayout
import CCairoPango

/// A paragraph shaped by Pango, owned by whoever holds it (the measurer's cache, a finished
/// `PagedDocument`): the painter draws these lines without going back to the measurer.
///
/// Sendable because nothing changes it after it is made; Pango only reads a finished layout
/// when it is drawn.
final class PangoShapedText: ShapedText, @unchecked Sendable {
    let layout: OpaquePointer
    /// Where each line sits, relative to the paragraph's top-left corner.
    let lines: [LineMetrics]
    /// The bytes of the layout's text each link covers, in order: the painter draws the runs
    /// within them inside Link elements.
    let links: [Range<Int>]
    /// The fonts the layout was shaped with, kept alive as long as the layout is.
    private let fonts: FontSetup

    /// Takes over the caller's reference to `layout`.
    init(layout: OpaquePointer, lines: [LineMetrics], links: [Range<Int>] = [], fonts: FontSetup) {
        self.layout = layout
        self.lines = lines
        self.links = links
        self.fonts = fonts
    }

    deinit { briefing_object_unref(UnsafeMutableRawPointer(layout)) }
}
