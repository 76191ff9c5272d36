import BriefingContent
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// The contract every `generate` run keeps, scheduled or not: one run per output at a time
/// (a lock), the new file published whole or not at all, `--if-changed` skipping a run whose
/// inputs are as at the last success, dated copies in `archive/` with `--keep`, and a
/// manifest and log line in the output's state folder (`RunState`) whatever happened, and
/// each publish recorded as an edition with its fact base (`EditionStore`).
///
/// The run wraps the pipeline: `run` takes the lock, calls `Pipeline.load` and
/// `Pipeline.make` as functions of their inputs (the output's editions handed in as an
/// `EditionHistory`), then publishes and records, in that order and nothing in between.
public struct RunContract {
    public var output: URL
    public var ifChanged = false
    /// Keep this many dated copies in `archive/` beside the output.
    public var keep: Int?
    /// Program name and version: part of the input digest, and written to the manifest.
    public var program: String
    /// Time and memory a run may take before it is stopped (exit 75, the last briefing kept).
    public var limits: RunGuard.Limits

    public init(output: URL, ifChanged: Bool = false, keep: Int? = nil, program: String, limits: RunGuard.Limits = .init()) {
        self.output = output.standardizedFileURL
        self.ifChanged = ifChanged
        self.keep = keep
        self.program = program
        self.limits = limits
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
        /// The edition recorded (nil for a draft, a skipped run or a stream) and the digest
        /// of its inputs, for delivery to compare with the last edition sent.
        public var edition: Int?
        public var inputDigest: String?
        /// The output's edition store was damaged and moved aside: the briefing was
        /// published and recorded in a new store, and the run ends with 73 saying so.
        public var storeDamage: EditionStoreDamaged?
    }

    /// Runs the pipeline for `request` under the contract, in one pass: guard the output,
    /// take the lock, load, digest (and stop if unchanged), make, then publish and record.
    /// - Parameters:
    ///   - exitCode: how the caller numbers a failure, recorded in the manifest and log.
    ///   - companion: what is recorded with the edition, in its transaction (delivery's
    ///     queued mail); nil records the edition alone.
    public func run(
        _ request: BriefingRequest, pipeline: Pipeline, exitCode: (Error) -> Int32, companion: (any EditionCompanion)? = nil
    ) throws -> Outcome {
        let started = Date()
        try OutputGuard.refuseOverwritingInputs(output, of: request)
        let state = RunState(output: output)
        let lock = try acquireLock(state)
        defer { withExtendedLifetime(lock) {} }
        state.removeStaleTemporaries()
        defer { pipeline.timer.report() }

        var manifest = RunManifest.read(for: output) ?? RunManifest(program: program, output: output.path)
        manifest.program = program
        let records = RunRecords(state: state, started: started)
        let watchdog = stopping(manifest, records: records, state: state, code: exitCode(OutputError(message: "stopped", kind: .tryAgain)))
        defer { watchdog.finish() }
        do {
            let loaded = try pipeline.load(request)
            // The digest decides `--if-changed` before anything is made; otherwise it is only
            // recorded (manifest, edition). Computed while the fonts load on the other core.
            let inputs = try digest(loaded, world: pipeline.world, previous: manifest.lastSuccess?.inputs ?? [])
            pipeline.timer.mark("digest")
            if ifChanged, let last = manifest.lastSuccess, isUnchanged(inputs, since: last, format: request.format) {
                let outcome = Outcome(result: .unchanged, path: output.path, pages: last.pages, bytes: last.bytes, seconds: 0, made: nil)
                return watchdog.commit { records.succeeded(&manifest, outcome) }
            }
            let history = EditionHistory(state: state)
            let made = try pipeline.make(loaded, editions: history)
            var outcome = try watchdog.commit {
                try publish(
                    made, inputs: inputs, state: state, manifest: &manifest, records: records, companion: companion, pipeline: pipeline)
            }
            outcome.storeDamage = history.damage
            pipeline.timer.mark("record")
            return outcome
        } catch {
            let code = exitCode(error)
            let message = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            let result: RunResult = error is ClaimsNeedReview ? .needsReview : .failed
            watchdog.commit { records.failed(&manifest, code: code, message: message, result: result) }
            throw error
        }
    }

    private func acquireLock(_ state: RunState) throws -> RunLock {
        try AtomicFile.checkFolder(of: output)
        do {
            try state.prepare()
        } catch {
            throw OutputError(message: "cannot create the state folder \(state.folder.path): \(error.localizedDescription)")
        }
        guard let lock = try RunLock(path: state.lock.path) else { throw AlreadyRunning(output: output) }
        return lock
    }

    /// The watchdog for `--timeout` and `--max-memory`: a stopped run keeps the last good
    /// briefing, and its failure is on record like any other.
    private func stopping(_ manifest: RunManifest, records: RunRecords, state: RunState, code: Int32) -> RunGuard {
        RunGuard(limits: limits) { [manifest, records, output] reason in
            var stopped = manifest
            records.failed(&stopped, code: code, message: reason)
            state.removeStaleTemporaries()
            Console.error("briefing: error: \(reason); \(output.path) was not changed")
            return code
        }
    }

    /// `--if-changed`: the inputs are as at the last success and the published file is the
    /// one that run wrote (page images are always written again).
    private func isUnchanged(_ inputs: Digest, since last: RunManifest.Success, format: OutputFormat) -> Bool {
        guard last.inputDigest == inputs.digest, format.files == .one, let current = try? Data(contentsOf: output) else { return false }
        // The other formats it wrote must still be there.
        for name in last.files ?? []
        where !FileManager.default.fileExists(atPath: output.deletingLastPathComponent().appendingPathComponent(name).path) {
            return false
        }
        return InputDigest.sha256(of: current) == last.outputSHA256
    }

    /// The input digest, the files it covers and the flags it includes.
    typealias Digest = (digest: String, files: [RunManifest.Input], flags: [String])

    /// Publishes the files, archives a copy, records the edition and the success.
    private func publish(
        _ made: BriefingOutput, inputs: Digest, state: RunState, manifest: inout RunManifest, records: RunRecords,
        companion: (any EditionCompanion)?, pipeline: Pipeline
    ) throws -> Outcome {
        let loaded = made.loaded
        let request = loaded.request

        var path = output.path, bytes = 0, outputDigest = "", published: [String]?
        switch request.format.files {
        case .one:
            try AtomicFile.publish(made.files[0], to: output, temporary: state.temporary(for: output.lastPathComponent))
            bytes = made.files[0].count
            outputDigest = InputDigest.sha256(of: made.files[0])
            if let keep { try Archive.store(output, at: records.started, keep: keep) }
            // The other formats of the same load, beside it: `NAME.html` for `pdf,html`.
            for (format, data) in made.also {
                let file = URL(fileURLWithPath: format.path(beside: output.path))
                try OutputGuard.refuseOverwritingInputs(file, of: request)
                try AtomicFile.publish(data, to: file, temporary: state.temporary(for: file.lastPathComponent))
                bytes += data.count
                if let keep { try Archive.store(file, at: records.started, keep: keep) }
                published = (published ?? []) + [file.lastPathComponent]
            }
        case .perPage:
            let pages = PageFiles(pdf: output, format: request.format.fileExtension, count: made.files.count)
            for file in pages.urls { try OutputGuard.refuseOverwritingInputs(file, of: request) }
            for (file, data) in zip(pages.urls, made.files) {
                try AtomicFile.publish(data, to: file, temporary: state.temporary(for: file.lastPathComponent))
                bytes += data.count
            }
            pages.removeStale(written: manifest.lastSuccess?.files ?? [])
            published = pages.names
            path = pages.pattern
            outputDigest = InputDigest.sha256(of: made.files.reduce(Data(), +))
        }
        pipeline.timer.mark("publish")
        // A draft (claims that need review) is not an edition: the next run still compares
        // with the last one readers were given.
        var edition: Int?
        if made.document.draftBanner == nil {
            let number = try recordEdition(
                made, inputDigest: inputs.digest, outputDigest: outputDigest, state: state, companion: companion)
            edition = number
            pipeline.timer.mark("edition")
            if request.format.files == .one {
                let files = [(output, made.files[0])] + made.also.map { (URL(fileURLWithPath: $0.format.path(beside: output.path)), $0.data) }
                try keepForSite(made, number: number, files: files, state: state)
                pipeline.timer.mark("kept")
            }
        }
        manifest.lastSuccess = .init(
            finished: RunManifest.timestamp(Date()), inputDigest: inputs.digest, inputs: inputs.files, flags: inputs.flags,
            sections: loaded.sections, pages: made.pageCount, bytes: bytes, outputSHA256: outputDigest, files: published)
        let outcome = Outcome(
            result: .success, path: path, pages: made.pageCount, bytes: bytes, seconds: 0, made: made, edition: edition,
            inputDigest: inputs.digest)
        return records.succeeded(&manifest, outcome)
    }

    /// The inputs: template files, data, fonts, flags, version. A date from the "today"
    /// policy does not count, so `--if-changed` skips a week in which nothing was edited.
    private func digest(_ loaded: LoadedBriefing, world: World, previous: [RunManifest.Input]) throws -> Digest {
        let request = loaded.request
        var flags = [
            "template=\(request.template.standardizedFileURL.path)", "data=\(request.data?.standardizedFileURL.path ?? "-")",
            "sections=\(loaded.sections.joined(separator: ","))", "format=\(request.formats.map(\.rawValue).joined(separator: ","))",
            "dpi=\(request.dpi)",
            "pdf-standard=\(request.pdfStandard.rawValue)",
        ]
        // Only a template with parameters adds them: other outputs keep their digests.
        flags += loaded.template.parameters.sorted { $0.key < $1.key }.map { "param.\($0.key)=\($0.value)" }
        if let date = request.date {
            flags.append("date=\(date)")
        } else if let epoch = world.environment["SOURCE_DATE_EPOCH"] {
            flags.append("date-epoch=\(epoch)")
        }
        var fonts: [URL] = []
        if case .folder(let folder) = world.fonts { fonts.append(folder) }
        let files = try InputDigest.inputs(
            folders: [request.template.standardizedFileURL], files: request.data.map { [$0.standardizedFileURL] } ?? [], stamped: fonts,
            previous: previous)
        return (InputDigest.combine(inputs: files, flags: flags, program: program), files, flags)
    }

}
