import BriefingLayout
import BriefingRender
import Foundation

/// Work started on another thread now and collected later. A run spends its first tens of
/// milliseconds reading the template and its data on one core; loading the fonts, Pango and
/// the hyphenation patterns needs none of that, so it runs on the second core meanwhile.
///
/// The value is touched by one thread at a time (the worker until it signals, then whoever
/// calls `value()`), which is what makes the unchecked `Sendable` sound.
final class Prefetch<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            finished.signal()
        }.start()
    }

    /// Waits for the work and returns its value, or throws its error.
    func value() throws -> Value {
        finished.wait()
        defer { finished.signal() }
        return try result!.get()
    }
}

extension Prefetch where Value == PangoTextMeasurer {
    /// The fonts in `fontsDirectory` with every font the layout uses already loaded, and the
    /// hyphenation patterns loading on a thread of their own. Without `layout` (the HTML
    /// edition alone: only its charts are set, and they never hyphenate) the patterns load
    /// only if asked for, so the two cores are not shared with work nobody uses. `target` is
    /// the surface the pages will be drawn on (`FontSetup.Target`).
    static func measurer(
        fontsDirectory: URL, layout: Bool = true, drawnOn target: FontSetup.Target = .pdf, cache: FontPatternCache? = nil
    ) -> Prefetch<PangoTextMeasurer> {
        guard layout else {
            return Prefetch {
                let measurer = PangoTextMeasurer(fonts: try FontSetup(fontsDirectory: fontsDirectory, drawnOn: target, cache: cache))
                measurer.prepare(ChartStyle().fonts)
                return measurer
            }
        }
        let hyphenator = Prefetch<Hyphenator> { Hyphenator() }
        return Prefetch {
            // Joined before this work ends (it is long done by then), so no thread outlives it.
            defer { _ = try? hyphenator.value() }
            let measurer = PangoTextMeasurer(fonts: try FontSetup(fontsDirectory: fontsDirectory, drawnOn: target, cache: cache)) {
                (try? hyphenator.value()) ?? Hyphenator()
            }
            measurer.prepare(LayoutEngine.fonts(BriefingStyle()))
            return measurer
        }
    }
}
