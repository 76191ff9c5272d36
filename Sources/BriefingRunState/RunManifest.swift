import Foundation

/// What the last runs for one output did, kept in its state folder as JSON: the digest of every input
/// of the last successful run (for `--if-changed`), and the time and result of the last run
/// (for `schedule list` and `doctor`).
public struct RunManifest: Codable, Sendable, Equatable {
    public struct Input: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        /// Size and modification time when hashed: an unchanged pair lets the next run reuse
        /// the hash instead of reading the file (as make and git do).
        public var size: Int?
        public var modified: Double?
        public init(path: String, sha256: String, size: Int? = nil, modified: Double? = nil) {
            self.path = path
            self.sha256 = sha256
            self.size = size
            self.modified = modified
        }
    }

    public struct Run: Codable, Sendable, Equatable {
        /// ISO 8601, UTC.
        public var started: String
        public var durationSeconds: Double
        public var result: RunResult
        public var exitCode: Int32
        public var message: String?
        public init(started: String, durationSeconds: Double, result: RunResult, exitCode: Int32, message: String?) {
            self.started = started
            self.durationSeconds = durationSeconds
            self.result = result
            self.exitCode = exitCode
            self.message = message
        }
    }

    public struct Success: Codable, Sendable, Equatable {
        public var finished: String
        /// SHA-256 over every input below, the flags and the program version.
        public var inputDigest: String
        public var inputs: [Input]
        public var flags: [String]
        public var sections: [String]
        public var pages: Int
        public var bytes: Int
        public var outputSHA256: String
        /// The names of the files published beside the output (its page images), so the next
        /// run deletes only pages it wrote itself; nil for a PDF and for earlier versions.
        public var files: [String]?
        public init(
            finished: String, inputDigest: String, inputs: [Input], flags: [String], sections: [String], pages: Int, bytes: Int,
            outputSHA256: String, files: [String]? = nil
        ) {
            self.files = files
            self.finished = finished
            self.inputDigest = inputDigest
            self.inputs = inputs
            self.flags = flags
            self.sections = sections
            self.pages = pages
            self.bytes = bytes
            self.outputSHA256 = outputSHA256
        }
    }

    public var program: String
    public var output: String
    public var lastRun: Run?
    public var lastSuccess: Success?

    public init(program: String, output: String, lastRun: Run? = nil, lastSuccess: Success? = nil) {
        self.program = program
        self.output = output
        self.lastRun = lastRun
        self.lastSuccess = lastSuccess
    }

    /// `output/briefing.pdf` keeps its manifest in `output/.briefing/briefing.pdf/manifest.json`.
    public static func url(for output: URL) -> URL { RunState(output: output).manifest }

    public static func read(for output: URL) -> RunManifest? {
        guard let data = try? Data(contentsOf: url(for: output)) else { return nil }
        return try? JSONDecoder().decode(RunManifest.self, from: data)
    }

    public func write(for output: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: Self.url(for: output), options: .atomic)
    }

    public static func timestamp(_ date: Date) -> String {
        // gmtime_r, not a new ISO8601DateFormatter a call: a delivering run asks for dozens,
        // and each formatter costs about half a millisecond to make.
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// A `timestamp` read back; nil for anything else (an empty field).
    public static func date(_ timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)
    }
}
