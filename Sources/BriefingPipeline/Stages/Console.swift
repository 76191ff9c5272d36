import Foundation

/// Where a run's messages go: standard output and standard error, or, for a row of a batch
/// made on a worker thread, that row's own buffer. The batch prints each row's buffer whole
/// and in row order, so what a batch prints does not depend on which worker finished first
/// and two rows' lines never interleave.
public enum Console {
    /// A row's messages, kept until the batch prints them.
    public final class Capture: @unchecked Sendable {
        public private(set) var output = ""
        public private(set) var errors = ""

        public init() {}

        fileprivate func add(_ text: String, error: Bool) {
            if error { errors += text } else { output += text }
        }

        /// Prints what was kept: its standard output, then its standard error.
        public func flush() {
            if !output.isEmpty {
                print(output, terminator: "")
                fflush(nil)
            }
            if !errors.isEmpty { Console.standardError(errors) }
        }
    }

    private static let key = "briefing.console.capture"

    /// Runs `body` with this thread's messages kept in `capture`.
    public static func capturing<T>(into capture: Capture, _ body: () throws -> T) rethrows -> T {
        Thread.current.threadDictionary[key] = capture
        defer { Thread.current.threadDictionary.removeObject(forKey: key) }
        return try body()
    }

    private static var capture: Capture? { Thread.current.threadDictionary[key] as? Capture }

    /// A line on standard output (or the row's buffer).
    public static func line(_ text: String) {
        if let capture { capture.add(text + "\n", error: false) } else { print(text) }
    }

    /// A line on standard error (or the row's buffer); a final line break is added if missing.
    public static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if let capture { capture.add(line, error: true) } else { standardError(line) }
    }

    /// Writes to file descriptor 2 as it is, ignoring failures: a closed standard error (a
    /// pipe into `head`) must not crash the run at its last step, as FileHandle's write did
    /// (a Swift trap, SIGILL, so the exit status was lost).
    public static func standardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
