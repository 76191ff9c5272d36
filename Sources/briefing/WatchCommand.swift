import ArgumentParser
import BriefingContent
import BriefingModel
import BriefingPipeline
import BriefingRun
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `briefing watch`: the author's loop. Builds once, then again on every change to the
/// template folder or the data file, printing one line per build and located errors without
/// exiting; a failed build keeps the last good output. SIGINT or SIGTERM ends it cleanly.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Generate the briefing, then again whenever the template or its data change.",
        discussion: """
            Watches the template folder (and everything below it) and the data file with inotify, starts a build as \
            soon as an editor's save is written, and publishes each new PDF atomically once the save has settled, so a \
            viewer that reloads on change always shows a complete file. With --format png or svg only the pages that changed are written. A build that fails prints \
            its located error and keeps the last good output. With --serve, the HTML edition and the PDF are also \
            served (from 127.0.0.1 unless another address is given): an open page takes each new build without a \
            reload, at the same place, and shows a failed build's error over the last good content. Stop with Ctrl-C \
            (exit 0).
            """
    )

    @OptionGroup var input: TemplateOptions
    @OptionGroup var briefing: BriefingOptions

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Where to write the PDF (default output/briefing.pdf).", valueName: "file"), completion: .file())
    var outputOption: String?

    @Flag(name: .shortAndLong, help: "Print only failed builds (and their errors).")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve the HTML edition and the PDF at http://HOST:PORT/ while watching (HOST defaults to 127.0.0.1; 0.0.0.0 only when given; PORT 0 picks a free one).",
            valueName: "[host:]port"))
    var serve: String?

    /// `--serve`'s address: a port, `HOST:PORT`, or `[IPv6]:PORT`. An IPv6 address must be in
    /// brackets: `::1` or `127.0.0.1:0:0` is no address (not host `:` or `127.0.0.1:0`).
    static func address(_ text: String) -> (host: String, port: Int)? {
        var host = "127.0.0.1", portText = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            if host.hasPrefix("["), host.hasSuffix("]") {
                host = String(host.dropFirst().dropLast())
            } else if host.contains(":") || host.contains("[") || host.contains("]") {
                return nil
            }
            guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "[" || $0 == "]" }) else { return nil }
        }
        guard let port = Int(portText), (0...65_535).contains(port) else { return nil }
        return (host, port)
    }

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("How long a save burst must be quiet before its build is published (milliseconds).", valueName: "ms"))
    var debounce = 10

    func validate() throws {
        guard debounce >= 0, debounce <= 10_000 else { throw ValidationError("--debounce must be 0 to 10000 milliseconds") }
        guard outputOption != "-" else { throw ValidationError("watch writes a file: give --output a path, not '-'") }
        if let serve {
            guard Self.address(serve) != nil else { throw ValidationError("--serve takes PORT, HOST:PORT or [IPv6]:PORT (PORT 0 to 65535), not '\(serve)'") }
            guard briefing.formatList.formats.allSatisfy({ $0.files == .one }) else {
                throw ValidationError("--serve serves the HTML edition and the PDF: it cannot be used with --format png or svg")
            }
        }
    }

    func run() throws {
        let outputOption: String?
        do {
            // A wrong --param is the command line's mistake, not a build's: 64 before watching.
            _ = try input.parameterValues()
            outputOption = try input.filled(self.outputOption)
        } catch {
            throw ExitStatus.fail(error)
        }
        let output = (serve != nil ? OutputFormat.pdf : briefing.format).path(for: outputOption ?? Generate.defaultOutput)
        let watcher: FileWatcher
        let session: WatchSession
        do {
            // First, before any thread starts: the signals must wait in the watcher's signalfd.
            watcher = try FileWatcher()
            // Warnings are printed when a build is published (`WatchSession.publish`).
            let pipeline = Pipeline(world: try World.standard())
            var request = try briefing.request(input)
            // Serving: the PDF at the output, the HTML edition beside it, from one load.
            if serve != nil {
                request.format = .pdf
                request.alsoFormats = [.html]
            }
            try pipeline.checkInputs(request)
            if outputOption == nil { try OutputFolder.makeDefault(for: output) }
            guard case .file(let target) = try OutputTarget.resolve(output) else {
                throw InputErrorFactory.usage("--output", "watch writes a file, not \(output)")
            }
            try AtomicFile.checkFolder(of: target)
            session = WatchSession(pipeline: pipeline, request: request, output: target)
        } catch {
            throw ExitStatus.fail(error)
        }
        var preview: PreviewProcess?
        if let serve, let address = Self.address(serve) {
            let server = PreviewProcess(pdfName: session.output.lastPathComponent) { reason in
                ExitStatus.printWarning(
                    .warning(SourceLocation(file: PreviewProcess.program), "the preview server stopped (\(reason)); the watch goes on without it"))
            }
            do {
                let port = try server.start(host: address.host, port: address.port)
                let shownHost = address.host.contains(":") ? "[\(address.host)]" : address.host
                // As a browser asks for it: a name with spaces or letters outside ASCII escaped.
                let pdfURLPath = server.pdfPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? server.pdfPath
                say("serving http://\(shownHost):\(port)/ (the PDF at \(pdfURLPath))", always: true)
            } catch {
                throw ExitStatus.fail(
                    OutputError(message: "cannot serve on \(serve): \(error)", kind: .unavailable))
            }
            preview = server
        }
        defer { preview?.stop() }
        say("watching \(session.request.template.path) (Ctrl-C to stop)")
        // Watched before each build, so a save during the build (or just after it) is waiting
        // when it ends; again after it, for folders the build found new.
        watcher.watch(session.scopes())
        // A save is built as soon as its events stop, and published once the burst has been
        // quiet for --debounce: a build takes longer than that, so the wait costs nothing. A
        // change that came while it was built means a save was still going on: that build
        // is dropped, and the next waits for the whole debounce first. The first build has
        // no save to wait for (nil).
        var quiet: Duration?
        while true {
            if let quiet {
                switch watcher.wait(quiet: quiet) {
                case .stop(let signal):
                    say("stopped (\(signal == SIGINT ? "interrupt" : signal == SIGHUP ? "hang-up" : "terminate"))")
                    return
                case .changed(let paths):
                    let shown = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
                    say("\(Self.clock()) changed: \(Array(Set(shown)).sorted().joined(separator: ", "))")
                }
            }
            let draft = session.make()
            // What is left of --debounce since the burst's last event: `quiet` of it passed
            // before the build began.
            let rest = Duration.milliseconds(debounce) - (quiet ?? .milliseconds(debounce)) - draft.elapsed
            if watcher.changes(within: max(.zero, rest)) {
                quiet = .milliseconds(debounce)
                // Folders the dropped save made are watched for the next.
                watcher.watch(session.scopes())
                continue
            }
            let build = session.publish(draft, warn: ExitStatus.printWarning)
            // Options no edit of the template can make right end the watch as they end
            // `generate`, before it waits for edits that cannot help.
            if quiet == nil, let error = build.error, Self.endsTheWatch(error) { throw ExitStatus.fail(error) }
            report(build, output: output, format: session.request.format)
            if let preview {
                if let error = build.error {
                    preview.fail("\(error)")
                } else {
                    preview.publish(
                        html: build.files.first { $0.format == .html }?.data ?? Data(),
                        pdf: build.files.first { $0.format == .pdf }?.data)
                }
            }
            let failed = watcher.watch(session.scopes())
            for folder in failed { ExitStatus.printWarning(.warning(SourceLocation(file: folder), "cannot watch this folder")) }
            quiet = min(.milliseconds(debounce), Self.startAfter)
        }
    }

    /// Whether a first build's failure is the command line's own: a usage error (a date that
    /// is none, a section the template does not have, --sections with --skip) or an output
    /// that is one of the template's files.
    static func endsTheWatch(_ error: Error) -> Bool {
        error is OutputGuard.Refused || ExitStatus.code(for: error) == ExitStatus.usage
    }

    /// How long a save's events must pause before its build starts: an editor's save is a
    /// burst of events within a millisecond or two (a backup, a write, a rename).
    static let startAfter = Duration.milliseconds(2)

    /// One line per build: time, what was written, pages, warnings, duration; or the error.
    private func report(_ build: WatchSession.Build, output: String, format: OutputFormat) {
        let duration = "\(Int((build.seconds * 1000).rounded())) ms"
        let warnings = build.warnings.count == 1 ? "1 warning" : "\(build.warnings.count) warnings"
        if let error = build.error {
            _ = ExitStatus.fail(error)
            let kept =
                format.files != .one
                ? "the \(format.rawValue) pages beside \(output) are unchanged"
                : FileManager.default.fileExists(atPath: output) ? "\(output) is unchanged" : "nothing is written to \(output) yet"
            say("\(Self.clock()) failed after \(duration): \(kept)", always: true)
        } else if format.files == .one {
            let pages = format.input == .pages ? "\(build.pages) pages, " : ""
            let others = build.files.dropFirst().map { " and " + $0.format.path(beside: output) }.joined()
            say("\(Self.clock()) built \(output)\(others): \(pages)\(warnings), \(duration)")
        } else {
            say("\(Self.clock()) built \(build.written.count) of \(build.pages) pages (\(format.rawValue)), \(warnings), \(duration)")
        }
    }

    /// A line on standard output, flushed: a pipe (a test, an editor plug-in) sees each line
    /// as it happens.
    private func say(_ line: String, always: Bool = false) {
        guard always || !quiet else { return }
        print(line)
        fflush(nil)
    }

    static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
