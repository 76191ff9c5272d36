import BriefingContent
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// `briefing watch`: builds the briefing, publishes it atomically as `generate` does, and
/// builds again whenever an input changes. One pipeline serves every build, so the fonts,
/// the hyphenation patterns and the layouts of unchanged paragraphs are kept; the template
/// is read again each time (it is small, and its parts refer to each other).
///
/// A build that fails leaves the last good output where it is: a viewer that reloads on
/// change always shows a complete file. No run state (manifest, editions, archive) is
/// written: a watch is an author's draft loop, not a scheduled edition.
public final class WatchSession {
    /// One build's outcome, for the line printed after it.
    public struct Build {
        public var pages = 0
        public var warnings: [Diagnostic] = []
        public var seconds = 0.0
        /// Image pages written (png/svg write only the pages that changed), and how many.
        public var written: [URL] = []
        /// A good build's one-file outputs by format (the PDF, the HTML edition), for a
        /// preview that serves them.
        public var files: [(format: OutputFormat, data: Data)] = []
        public var error: Error?
    }

    public let pipeline: Pipeline
    public let request: BriefingRequest
    public let output: URL
    /// The image pages as last written, to write only those that changed.
    private var lastPages: [Data] = []
    private var builds = 0
    /// The last published build's warnings: a warning is printed when it appears, not
    /// again after every build while it stays, and again when it comes back.
    private var lastWarnings = Set<String>()

    public init(pipeline: Pipeline, request: BriefingRequest, output: URL) {
        self.pipeline = pipeline
        self.request = request
        self.output = output
    }

    /// A build made but not yet published: a watch starts building as soon as a save is
    /// seen, and publishes only if no other change came while it built (one that did means
    /// the build may have read a save half-way, so it is dropped and made again).
    public struct Draft {
        fileprivate var result: Result<BriefingOutput, Error>
        fileprivate var warnings: [Diagnostic]
        fileprivate var started: DispatchTime
        /// How long making it took (what the build line reports, with publishing).
        fileprivate var making: UInt64

        /// Time since the build began.
        public var elapsed: Duration {
            .nanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds))
        }
    }

    /// Builds once without publishing. Its warnings wait for `publish`, so a dropped
    /// draft prints nothing.
    public func make() -> Draft {
        let started = DispatchTime.now()
        pipeline.timer.restart()
        if builds > 0 {
            pipeline.prepareRebuild()
            pipeline.timer.mark("forget")
        } else {
            pipeline.willBuildAgain()
        }
        builds += 1
        let first = pipeline.warnings.count
        let result = pipeline.generate(request)
        return Draft(
            result: result, warnings: Array(pipeline.warnings.dropFirst(first)), started: started,
            making: DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds)
    }

    /// Publishes a draft (or keeps the last good output when it failed), printing through
    /// `warn` its warnings that the build before did not have (all of them when it failed:
    /// they may be why). Errors are returned, not thrown: the watch goes on.
    public func publish(_ draft: Draft, warn: (Diagnostic) -> Void = { _ in }) -> Build {
        let publishing = DispatchTime.now()
        defer { pipeline.timer.report() }
        var build = Build()
        build.warnings = draft.warnings
        let failed = (try? draft.result.get()) == nil
        for warning in draft.warnings where failed || !lastWarnings.contains(warning.description) { warn(warning) }
        lastWarnings = Set(draft.warnings.map(\.description))
        do {
            let made = try draft.result.get()
            build.pages = made.pageCount
            build.written = try publish(made.files)
            if request.format.files == .one { build.files = [(request.format, made.files[0])] + made.also }
            for (format, data) in made.also {
                let file = URL(fileURLWithPath: format.path(beside: output.path))
                try claim([file])
                try AtomicFile.publish(data, to: file)
                build.written.append(file)
            }
        } catch {
            build.error = error
        }
        build.seconds = Double(draft.making + DispatchTime.now().uptimeNanoseconds - publishing.uptimeNanoseconds) / 1e9
        return build
    }

    /// Builds and publishes once.
    public func build(warn: (Diagnostic) -> Void = { _ in }) -> Build {
        publish(make(), warn: warn)
    }

    /// One file (the PDF) replaces the old one in one rename; image pages are written only
    /// when their bytes changed, each atomically, and pages beyond the new count are removed.
    private func publish(_ files: [Data]) throws -> [URL] {
        guard request.format.files == .perPage else {
            try claim([output])
            try AtomicFile.publish(files[0], to: output)
            record(nil)
            pipeline.timer.mark("publish")
            return [output]
        }
        let names = PageFiles(pdf: output, format: request.format.fileExtension, count: files.count)
        try claim(names.urls)
        var written: [URL] = []
        for (index, (data, url)) in zip(files, names.urls).enumerated() {
            let unchanged = index < lastPages.count && lastPages[index] == data && FileManager.default.fileExists(atPath: url.path)
            guard !unchanged else { continue }
            try AtomicFile.publish(data, to: url)
            written.append(url)
        }
        if files.count != lastPages.count {
            names.removeStale(written: PageFiles(pdf: output, format: request.format.fileExtension, count: lastPages.count).names)
        }
        lastPages = files
        record(names.names)
        return written
    }

    /// Marks what this watch published as Briefing's (a manifest beside it recording the
    /// publish and its page files), so neither the next watch nor a run takes it for an
    /// input, or refuses to replace it. Its digest matches no run's: `--if-changed` still runs.
    private func record(_ pages: [String]?) {
        var manifest = RunManifest.read(for: output) ?? RunManifest(program: request.creator, output: output.path)
        guard manifest.lastSuccess == nil || manifest.lastSuccess?.files != pages else { return }
        manifest.lastSuccess = .init(
            finished: RunManifest.timestamp(Date()), inputDigest: "watch", inputs: [], flags: [], sections: [], pages: pages?.count ?? 0,
            bytes: 0, outputSHA256: "", files: pages)
        try? manifest.write(for: output)
    }

    /// Files this session wrote: its own to replace.
    private var own = Set<String>()

    /// Before a file is first written, it must not be one the briefing is made from (a
    /// template file, the data file). The state folder beside the output marks it as
    /// Briefing's, so the next watch or run does not take it for an input either.
    private func claim(_ files: [URL]) throws {
        let new = files.filter { !own.contains($0.path) }
        guard !new.isEmpty else { return }
        for file in new { try OutputGuard.refuseOverwritingInputs(file, of: request) }
        try? FileManager.default.createDirectory(at: RunState(output: output).folder, withIntermediateDirectories: true)
        own.formUnion(new.map(\.path))
    }

    /// What to watch: the template folder and everything below it, and the data file when
    /// it lives elsewhere. The output, its pages and the other formats written beside it are
    /// ignored, in case they are written inside the template folder (their temporaries are hidden files, which never count).
    public func scopes() -> [FileWatcher.Scope] {
        let template = request.template.standardizedFileURL
        var ignored: Set<String> = [output.lastPathComponent]
        // The other formats it writes beside the output (`NAME.html` for --serve or pdf,html).
        ignored.formUnion(request.alsoFormats.map { URL(fileURLWithPath: $0.path(beside: output.path)).lastPathComponent })
        if request.format.files == .perPage {
            let pages = PageFiles(pdf: output, format: request.format.fileExtension, count: max(1, lastPages.count))
            ignored.formUnion(pages.urls.map(\.lastPathComponent))
        }
        var scopes = [FileWatcher.Scope(folder: template, recursive: true, ignored: ignored)]
        if let data = request.data?.standardizedFileURL, !data.path.hasPrefix(template.path + "/") {
            scopes.append(FileWatcher.Scope(folder: data.deletingLastPathComponent(), recursive: false, names: [data.lastPathComponent]))
        }
        return scopes
    }
}
