import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Variables the program sets in its own process for the libraries it links, which are not
/// the user's: set again whenever the process takes another environment (`run-job` takes
/// cron's), and never passed on to the programs it runs (sendmail, hooks, crontab), whose
/// environment is the user's, by hand or under cron alike.
public enum OwnEnvironment {
    /// `CAIRO_DEBUG_PDF`: cairo 1.16 writes page content uncompressed under it. The finisher
    /// decodes every page to mark artifacts and deflates each stream once itself, so cairo's
    /// deflate was thrown away (`StreamCompression`). cairo reads it when a PDF surface is
    /// made, so a run that lost it would write the same pages in other bytes.
    public static let variables = ["CAIRO_DEBUG_PDF": "1"]

    /// Sets the variables. setenv in a threaded process is not safe: call it from `main`
    /// before any thread starts, or where the environment is replaced anyway.
    public static func set() {
        for (name, value) in variables { setenv(name, value, 1) }
    }

    /// `environment` without the program's own variables, for a child process.
    public static func forChildren(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        environment.filter { variables[$0.key] == nil }
    }
}
