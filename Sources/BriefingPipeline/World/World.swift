import BriefingLayout
import BriefingModel
import Foundation

/// Everything a run takes from outside the request: how files are read, which fonts set the
/// text, the environment and the clock (typst's `World`). Production reads the disk, the
/// bundled `Fonts/` and the real clock; a test injects files held in memory, a fake text
/// measurer (layout without Cairo) or a fixed day, and the same pipeline runs.
public struct World {
    /// Where text gets measured and shaped.
    public enum Fonts {
        /// The bundled font folder: Pango measures and Cairo can draw (loaded on the second core).
        case folder(URL)
        /// Any measurer, for layout only: a PDF needs text shaped by the bundled fonts.
        case measurer(any TextMeasurer)
    }

    public var files: any TemplateFiles
    public var fonts: Fonts
    /// Read for `SOURCE_DATE_EPOCH` (the date printed) and `BRIEFING_TIMINGS`.
    public var environment: [String: String]
    /// "Today", for a template whose date policy is `today`.
    public var now: () -> Date

    public init(
        files: any TemplateFiles = DiskFiles(), fonts: Fonts, environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping () -> Date = Date.init
    ) {
        self.files = files
        self.fonts = fonts
        self.environment = environment
        self.now = now
    }
}
