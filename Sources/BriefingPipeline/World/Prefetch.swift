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
    /// hyphenation on a thread of its own (the words kept in `cache`, and the patterns when
    /// it has none: `Hyphenator`). Without `layout` (the HTML edition alone: only its charts
    /// are set, and they never hyphenate) hyphenation loads only if asked for, so the two
    /// cores are not shared with work nobody uses. `target` is the surface the pages will be
    /// drawn on (`FontSetup.Target`); `cache` keeps font descriptions and hyphenated words
    /// between runs (nil: none).
    static func measurer(
        fontsDirectory: URL, layout: Bool = true, drawnOn target: FontSetup.Target = .pdf, cache: CacheFolder? = nil
    ) -> Prefetch<PangoTextMeasurer> {
        let fontCache = cache.map { FontPatternCache(file: $0.file(FontPatternCache.fileName)) }
        guard layout else {
            return Prefetch {
                let measurer = PangoTextMeasurer(fonts: try FontSetup(fontsDirectory: fontsDirectory, drawnOn: target, cache: fontCache))
                measurer.hyphenationCache = cache
                measurer.prepare(ChartStyle().fonts)
                return measurer
            }
        }
        let hyphenator = Prefetch<Hyphenator> {
            let hyphenator = Hyphenator(cache: cache)
            hyphenator.loadPatternsUnlessCached()
            return hyphenator
        }
        return Prefetch {
            // Joined before this work ends (it is long done by then), so no thread outlives it.
            defer { _ = try? hyphenator.value() }
            let measurer = PangoTextMeasurer(fonts: try FontSetup(fontsDirectory: fontsDirectory, drawnOn: target, cache: fontCache)) {
                (try? hyphenator.value()) ?? Hyphenator(cache: cache)
            }
            measurer.hyphenationCache = cache
            measurer.prepare(LayoutEngine.fonts(BriefingStyle()))
            return measurer
        }
    }
}
