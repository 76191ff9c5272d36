import BriefingRender
import Foundation

/// The fonts started loading before the command line is read. Reading it (ArgumentParser's
/// reflection and casts) and finding the program's files take about 7 ms of the main thread;
/// the fonts take longer than everything the main thread does before layout, so layout waits
/// for them. Started first thing in `main`, they load meanwhile on the second core.
///
/// Only for a command that will certainly draw PDF pages with the bundled fonts (`main`
/// decides from the words of the command line); the first pipeline that starts the same fonts
/// takes them. Fonts nobody took are waited for at exit: a process must not exit while the
/// font thread is inside fontconfig.
public enum EarlyFonts {
    private struct Started {
        var folder: String
        var load: Prefetch<PangoTextMeasurer>
    }

    nonisolated(unsafe) private static var started: Started?
    private static let lock = NSLock()

    /// Starts loading the fonts in `folder` for PDF pages with hyphenation, as a pipeline's
    /// `load` would.
    public static func start(fontsDirectory folder: URL, environment: [String: String]) {
        let load = Prefetch.measurer(
            fontsDirectory: folder, layout: true, drawnOn: .pdf, cache: CacheFolder.standard(environment: environment))
        lock.lock()
        started = Started(folder: folder.standardizedFileURL.path, load: load)
        lock.unlock()
        atexit { EarlyFonts.join() }
    }

    /// The early fonts, if they are the ones asked for (taken: a second pipeline loads its own).
    static func take(fontsDirectory folder: URL, layout: Bool, target: FontSetup.Target) -> Prefetch<PangoTextMeasurer>? {
        lock.lock()
        defer { lock.unlock() }
        guard layout, target == .pdf, let early = started, early.folder == folder.standardizedFileURL.path else { return nil }
        started = nil
        return early.load
    }

    /// Whether fonts were started and nobody took them (still loading, or loaded for nothing).
    public static var untaken: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started != nil
    }

    /// Ends the process now, flushing its output but without the exit handlers that would
    /// wait for fonts nobody took: a usage error or a missing template is not made to wait
    /// for fonts it never needed. The font thread is stopped where it is, as by a signal.
    public static func exitWithoutWaiting(_ status: Int32) -> Never {
        fflush(nil)
        _exit(status)
    }

    /// Waits for fonts nobody took.
    static func join() {
        lock.lock()
        let early = started
        lock.unlock()
        _ = try? early?.load.value()
    }
}
