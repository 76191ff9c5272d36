import BriefingModel
import BriefingSchedule
import Foundation

/// The contract every `generate` run keeps, scheduled or not: one run per output at a time
/// (a lock), the new file published whole or not at all, `--if-changed` skipping a run whose
/// inputs are as at the last success, dated copies in `archive/` with `--keep`, and a
/// manifest and log line in the output's state folder (`RunState`) whatever happened.
public struct RunContract {
    public var output: URL
    public var ifChanged = false
    /// Keep this many dated copies in `archive/` beside the output.
    public var keep: Int?
    /// Program name and version: part of the input digest, and written to the manifest.
    public var program: String

    public init(output: URL, ifChanged: Bool = false, keep: Int? = nil, program: String) {
        self.output = output.standardizedFileURL
        self.ifChanged = ifChanged
        self.keep = keep
        self.program = program
    }

    /// What a run did, for the caller to report.
    public struct Outcome {
        public var result: RunResult
        /// The file written, or the pattern of the page files (`output/briefing-*.png`).
        public var path: String
        public var pages: Int
        public var bytes: Int
        public var seconds: Double
        /// Nil when the run was skipped as unchanged.
        public var made: BriefingOutput?
    }

    /// Runs the pipeline for `request` under the contract.
    /// - Parameter exitCode: how the caller numbers a failure, recorded in the manifest and log.
    public func run(_ request: BriefingRequest, pipeline: Pipeline, exitCode: (Error) -> Int32) throws -> Outcome {
        let started = Date()
        try pipeline.checkInputs(request)
        let state = RunState(output: output)
        let lock = try acquireLock(state)
        defer { withExtendedLifetime(lock) {} }
        state.removeStaleTemporaries()
        defer { pipeline.timer.report() }

        var manifest = RunManifest.read(for: output) ?? RunManifest(program: program, output: output.path)
        manifest.program = program
        do {
            var outcome = try publish(request, pipeline: pipeline, state: state, started: started, manifest: &manifest)
            outcome.seconds = Date().timeIntervalSince(started)
            manifest.lastRun = .init(
                started: RunManifest.timestamp(started), durationSeconds: rounded(outcome.seconds), result: outcome.result,
                exitCode: 0, message: nil)
            try? manifest.write(for: output)
            try? RunLog.append(logLine(started, outcome.result, outcome.seconds, detail: "\(outcome.pages) pages"), to: state.log)
            return outcome
        } catch {
            let code = exitCode(error), seconds = Date().timeIntervalSince(started)
            let message = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            manifest.lastRun = .init(
                started: RunManifest.timestamp(started), durationSeconds: rounded(seconds), result: .failed, exitCode: code,
                message: message)
            try? manifest.write(for: output)
            try? RunLog.append(logLine(started, .failed, seconds, detail: "exit \(code): \(message)"), to: state.log)
            throw error
        }
    }

    /// A run whose output is a stream (standard output, a device, a pipe): the PDF is made and
    /// written there, with no lock, state folder or archive, which belong to files.
    /// `--if-changed`, `--keep` and page images need a file, and are usage errors here.
    public static func stream(
        _ request: BriefingRequest, to target: OutputTarget, pipeline: Pipeline, ifChanged: Bool = false, keep: Int? = nil
    ) throws -> Outcome {
        let started = Date()
        try pipeline.checkInputs(request)
        let name = target == .standardOutput ? "standard output (-)" : "a device or pipe"
        func refuse(_ what: String) -> InputError {
            InputError(kind: .usage, SourceLocation(file: "--output"), "\(what) needs a file; the output is \(name)")
        }
        if request.format != .pdf { throw refuse("--format \(request.format.rawValue) (one file per page)") }
        if ifChanged { throw refuse("--if-changed") }
        if keep != nil { throw refuse("--keep") }
        defer { pipeline.timer.report() }
        let made = try pipeline.generate(request).get()
        try target.write(made.files[0])
        pipeline.timer.mark("publish")
        let path: String
        switch target {
        case .standardOutput: path = "-"
        case .special(let url), .file(let url): path = url.path
        }
        return Outcome(
            result: .success, path: path, pages: made.pageCount, bytes: made.files[0].count, seconds: Date().timeIntervalSince(started),
            made: made)
    }

    private func acquireLock(_ state: RunState) throws -> RunLock {
        try AtomicFile.checkFolder(of: output)
        do {
            try state.prepare()
        } catch {
            throw OutputError(message: "cannot create the state folder \(state.folder.path): \(error.localizedDescription)")
        }
        guard let lock = try RunLock(path: state.lock.path) else {
            throw OutputError(message: "already running: another run is writing \(output.path); nothing was changed", kind: .tryAgain)
        }
        return lock
    }

    private func publish(
        _ request: BriefingRequest, pipeline: Pipeline, state: RunState, started: Date, manifest: inout RunManifest
    ) throws -> Outcome {
        // Fonts load on the other core while the template is read, except when the run may
        // well stop at "unchanged" and should not pay for fonts it will not use.
        if !ifChanged { pipeline.startFonts() }
        let loaded = try pipeline.load(request)
        let inputs = try digest(loaded, pipeline: pipeline, previous: manifest.lastSuccess?.inputs ?? [])
        if ifChanged, let last = manifest.lastSuccess, last.inputDigest == inputs.digest, request.format == .pdf,
            let current = try? Data(contentsOf: output), InputDigest.sha256(of: current) == last.outputSHA256
        {
            return Outcome(result: .unchanged, path: output.path, pages: last.pages, bytes: last.bytes, seconds: 0, made: nil)
        }
        pipeline.timer.mark("digest")
        let made = try pipeline.finish(loaded)

        var path = output.path, bytes = 0, outputDigest = ""
        if request.format == .pdf {
            try AtomicFile.publish(made.files[0], to: output, temporary: state.temporary(for: output.lastPathComponent))
            bytes = made.files[0].count
            outputDigest = InputDigest.sha256(of: made.files[0])
            if let keep { try Archive.store(output, at: started, keep: keep) }
        } else {
            let pages = PageFiles(pdf: output, format: request.format.rawValue, count: made.files.count)
            for (file, data) in zip(pages.urls, made.files) {
                try AtomicFile.publish(data, to: file, temporary: state.temporary(for: file.lastPathComponent))
                bytes += data.count
            }
            pages.removeStale()
            path = pages.pattern
        }
        pipeline.timer.mark("publish")
        manifest.lastSuccess = .init(
            finished: RunManifest.timestamp(Date()), inputDigest: inputs.digest, inputs: inputs.files, flags: inputs.flags,
            sections: loaded.sections, pages: made.pageCount, bytes: bytes, outputSHA256: outputDigest)
        return Outcome(result: .success, path: path, pages: made.pageCount, bytes: bytes, seconds: 0, made: made)
    }

    /// The inputs: template files, data, fonts, flags, version. A date from the "today"
    /// policy does not count, so `--if-changed` skips a week in which nothing was edited.
    private func digest(_ loaded: LoadedBriefing, pipeline: Pipeline, previous: [RunManifest.Input]) throws -> (
        digest: String, files: [RunManifest.Input], flags: [String]
    ) {
        let request = loaded.request
        var flags = [
            "template=\(request.template.standardizedFileURL.path)", "data=\(request.data?.standardizedFileURL.path ?? "-")",
            "sections=\(loaded.sections.joined(separator: ","))", "format=\(request.format.rawValue)", "dpi=\(request.dpi)",
        ]
        if let date = request.date {
            flags.append("date=\(date)")
        } else if let epoch = pipeline.world.environment["SOURCE_DATE_EPOCH"] {
            flags.append("date-epoch=\(epoch)")
        }
        var folders = [request.template.standardizedFileURL]
        if case .folder(let fonts) = pipeline.world.fonts { folders.append(fonts) }
        let files = try InputDigest.inputs(
            folders: folders, files: request.data.map { [$0.standardizedFileURL] } ?? [], previous: previous)
        return (InputDigest.combine(inputs: files, flags: flags, program: program), files, flags)
    }

    private func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    private func logLine(_ started: Date, _ result: RunResult, _ seconds: Double, detail: String) -> String {
        "\(RunManifest.timestamp(started)) \(result.rawValue) \(String(format: "%.2f", seconds))s \(detail)"
    }
}
