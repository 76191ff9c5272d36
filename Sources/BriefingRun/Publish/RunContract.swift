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
public struct RunContract {
    public var output: URL
    public var ifChanged = false
    /// Keep this many dated copies in `archive/` beside the output.
    public var keep: Int?
    /// Program name and version: part of the input digest, and written to the manifest.
    public var program: String
    /// Time and memory a run may take before it is stopped (exit 75, the last briefing kept).
    public var limits: RunGuard.Limits
    /// What delivery records with the edition, in its transaction: made under the run lock
    /// once the briefing is published, given the edition about to be recorded (its number,
    /// input digest and the published file's SHA-256).
    public var editionExtras: ((_ made: BriefingOutput, _ edition: Edition) throws -> EditionExtras)?

    /// An audience's reader digest and its recipients' queued (or skipped) deliveries.
    public struct EditionExtras {
        public var readerDigest: String
        public var deliveries: [Delivery]
        public init(readerDigest: String = "", deliveries: [Delivery] = []) {
            self.readerDigest = readerDigest
            self.deliveries = deliveries
        }
    }

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

    /// Runs the pipeline for `request` under the contract.
    /// - Parameter exitCode: how the caller numbers a failure, recorded in the manifest and log.
    public func run(_ request: BriefingRequest, pipeline: Pipeline, exitCode: (Error) -> Int32) throws -> Outcome {
        let started = Date()
        try pipeline.checkInputs(request)
        try OutputGuard.refuseOverwritingInputs(output, of: request)
        let state = RunState(output: output)
        let lock = try acquireLock(state)
        defer { withExtendedLifetime(lock) {} }
        state.removeStaleTemporaries()
        defer { pipeline.timer.report() }

        var manifest = RunManifest.read(for: output) ?? RunManifest(program: program, output: output.path)
        manifest.program = program
        let records = RunRecords(state: state, started: started)
        let code = exitCode(OutputError(message: "stopped", kind: .tryAgain))
        let watchdog = RunGuard(limits: limits) { [manifest, records, output] reason in
            // The last good briefing stays; the failure is on record like any other.
            var stopped = manifest
            records.failed(&stopped, code: code, message: reason)
            state.removeStaleTemporaries()
            FileHandle.standardError.write(Data("briefing: error: \(reason); \(output.path) was not changed\n".utf8))
            return code
        }
        defer { watchdog.finish() }
        do {
            return try publish(request, pipeline: pipeline, state: state, manifest: &manifest, watchdog: watchdog, records: records)
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

    /// Makes the briefing, then publishes it and records the run in one step the watchdog
    /// cannot interrupt.
    private func publish(
        _ request: BriefingRequest, pipeline: Pipeline, state: RunState, manifest: inout RunManifest, watchdog: RunGuard,
        records: RunRecords
    ) throws -> Outcome {
        // Fonts load on the other core while the template is read, except when the run may
        // well stop at "unchanged" and should not pay for fonts it will not use.
        if !ifChanged { pipeline.startFonts() }
        var loaded = try pipeline.load(request)
        let previous = manifest.lastSuccess?.inputs ?? []
        // The digest decides `--if-changed` before anything is made; otherwise it is only
        // recorded (manifest, edition), so it is computed on the other core meanwhile.
        var computed: Digest?
        if ifChanged {
            let inputs = try digest(loaded, world: pipeline.world, previous: previous)
            computed = inputs
            pipeline.timer.mark("digest")
            if let last = manifest.lastSuccess, last.inputDigest == inputs.digest, request.format == .pdf,
                let current = try? Data(contentsOf: output), InputDigest.sha256(of: current) == last.outputSHA256
            {
                let outcome = Outcome(result: .unchanged, path: output.path, pages: last.pages, bytes: last.bytes, seconds: 0, made: nil)
                return watchdog.commit { records.succeeded(&manifest, outcome) }
            }
        } else {
            // Only recorded (manifest, edition): computed while layout waits for the fonts
            // loading on the other core, time the run would otherwise spend idle.
            pipeline.whileWaitingForFonts = { [self, loaded, world = pipeline.world] in
                computed = try? digest(loaded, world: world, previous: previous)
            }
        }
        // A damaged store never blocks publishing: it is moved aside before anything reads it.
        let damage = EditionStore.setAsideIfDamaged(state.editions)
        loaded.factRows = FactSnapshot.rows(
            of: loaded.template.facts, labels: loaded.template.spec.labels, folder: DisplayPath.of(loaded.template.directory))
        loaded.changes = try changes(for: loaded, state: state)
        pipeline.timer.mark("changes")
        let made = try pipeline.finish(loaded)
        pipeline.whileWaitingForFonts = nil
        // Computed again here if it failed there, so its error is the run's.
        let inputs = try computed ?? digest(loaded, world: pipeline.world, previous: previous)
        var outcome = try watchdog.commit {
            try write(made, loaded: loaded, inputs: inputs, state: state, manifest: &manifest, records: records, pipeline: pipeline)
        }
        outcome.storeDamage = damage
        pipeline.timer.mark("record")
        return outcome
    }

    /// Publishes the files, archives a copy and records the success.
    /// The input digest, the files it covers and the flags it includes.
    typealias Digest = (digest: String, files: [RunManifest.Input], flags: [String])

    private func write(
        _ made: BriefingOutput, loaded: LoadedBriefing, inputs: Digest,
        state: RunState, manifest: inout RunManifest, records: RunRecords, pipeline: Pipeline
    ) throws -> Outcome {
        let request = loaded.request

        var path = output.path, bytes = 0, outputDigest = "", published: [String]?
        if request.format == .pdf {
            try AtomicFile.publish(made.files[0], to: output, temporary: state.temporary(for: output.lastPathComponent))
            bytes = made.files[0].count
            outputDigest = InputDigest.sha256(of: made.files[0])
            if let keep { try Archive.store(output, at: records.started, keep: keep) }
        } else {
            let pages = PageFiles(pdf: output, format: request.format.rawValue, count: made.files.count)
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
            edition = try recordEdition(made, loaded: loaded, inputDigest: inputs.digest, outputDigest: outputDigest, state: state)
            pipeline.timer.mark("edition")
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
            "sections=\(loaded.sections.joined(separator: ","))", "format=\(request.format.rawValue)", "dpi=\(request.dpi)",
            "pdf-standard=\(request.pdfStandard.rawValue)",
        ]
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
