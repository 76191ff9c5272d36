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
            if !errors.isEmpty { FileHandle.standardError.write(Data(errors.utf8)) }
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
        if let capture { capture.add(line, error: true) } else { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
