import ArgumentParser
import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingRender
import BriefingSchedule
import BriefingTemplate
import Foundation

/// `briefing generate`: template -> model -> document -> pages -> PDF, under the run contract
/// every run keeps, scheduled or not: one run per output at a time, the new file published
/// whole or not at all, and a manifest and log line beside it.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the briefing PDF.",
        discussion: """
            Exit status: 0 success (or unchanged), 64 usage, 65 invalid data, 66 missing input, 73 cannot write the output,
            75 another run for the same output is in progress. A failed run never replaces or removes the previous PDF.
            Beside the output: NAME.manifest.json (inputs and last results), NAME.log (one line per run), archive/ (--keep).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Template folder holding briefing.yaml and data.yaml.", valueName: "dir"))
    var template: String?

    @Option(name: .long, help: ArgumentHelp("Data file to use instead of the template's data.yaml.", valueName: "file"))
    var data: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the PDF.", valueName: "file"))
    var output: String = "output/briefing.pdf"

    @Option(name: .long, help: ArgumentHelp("Include only these sections (comma-separated ids, kept in template order).", valueName: "ids"))
    var sections: String?

    @Option(name: .long, help: ArgumentHelp("Include every section except these (comma-separated ids).", valueName: "ids"))
    var skip: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Date printed on the briefing (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the template's policy.",
            valueName: "date"))
    var date: String?

    @Option(name: .long, help: "Output format; png and svg write one file per page (briefing-01.png, ...) beside --output.")
    var format: OutputFormat = .pdf

    @Option(name: .long, help: ArgumentHelp("Resolution of PNG pages, in dots per inch.", valueName: "dpi"))
    var dpi: Double = 110

    @Flag(name: .long, help: "Do nothing (exit 0, 'unchanged') when every input is as at the last successful run.")
    var ifChanged = false

    @Option(
        name: .long,
        help: ArgumentHelp("Also keep a dated copy in archive/ beside the output, deleting the oldest beyond N.", valueName: "n"))
    var keep: Int?

    @Flag(name: .long, help: "Treat warnings (a character no bundled font can draw, a reference to a left-out section) as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
        if !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200") }
    }

    func run() throws {
        let started = Date()
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        let lock: RunLock
        do {
            try AtomicFile.checkFolder(of: target)
            guard let acquired = try RunLock(path: folder.appendingPathComponent(".\(target.lastPathComponent).lock").path) else {
                throw OutputError(
                    message: "already running: another run is writing \(output); nothing was changed", code: ExitStatus.tryAgain)
            }
            lock = acquired
        } catch {
            throw ExitStatus.fail(error)
        }
        defer { withExtendedLifetime(lock) {} }
        AtomicFile.removeStaleTemporaries(for: target)

        var manifest = RunManifest.read(for: target) ?? RunManifest(program: BriefingCommand.programName, output: target.path)
        manifest.program = BriefingCommand.programName
        do {
            let outcome = try generate(target: target, started: started, manifest: &manifest)
            let seconds = Date().timeIntervalSince(started)
            manifest.lastRun = .init(
                started: RunManifest.timestamp(started), durationSeconds: rounded(seconds), result: outcome.result, exitCode: 0,
                message: nil)
            try? manifest.write(for: target)
            try? RunLog.append(logLine(started, outcome.result, seconds, detail: "\(outcome.pages) pages"), to: logURL(target))
            if !quiet {
                if outcome.result == "unchanged" {
                    print("unchanged: \(outcome.path) (inputs are as at the last successful run)")
                } else {
                    print(
                        "wrote \(outcome.path) (\(outcome.pages) pages, \(outcome.bytes / 1024) KiB) in \(String(format: "%.2f", seconds)) s"
                    )
                }
            }
        } catch {
            let code = ExitStatus.code(for: error)
            let seconds = Date().timeIntervalSince(started)
            let message = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
            manifest.lastRun = .init(
                started: RunManifest.timestamp(started), durationSeconds: rounded(seconds), result: "failed", exitCode: code,
                message: message)
            try? manifest.write(for: target)
            try? RunLog.append(logLine(started, "failed", seconds, detail: "exit \(code): \(message)"), to: logURL(target))
            throw ExitStatus.fail(error)
        }
    }

    private func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    private func logURL(_ target: URL) -> URL { target.deletingPathExtension().appendingPathExtension("log") }

    private func logLine(_ started: Date, _ result: String, _ seconds: Double, detail: String) -> String {
        "\(RunManifest.timestamp(started)) \(result) \(String(format: "%.2f", seconds))s \(detail)"
    }

    private struct Outcome {
        var result: String
        var path: String
        var pages: Int
        var bytes: Int
    }

    private func generate(target: URL, started: Date, manifest: inout RunManifest) throws -> Outcome {
        var timer = PhaseTimer()
        defer { timer.report() }
        let templateURL = try Resources.templateDirectory(template).standardizedFileURL
        let fontsURL = try Resources.fontsDirectory()
        let dataURL = data.map { URL(fileURLWithPath: $0).standardizedFileURL }
        // Fonts load on the other core while the template is read, except when the run may
        // well stop at "unchanged" and should not pay for fonts it will not use.
        var fonts = ifChanged ? nil : Prefetch.measurer(fontsDirectory: fontsURL)
        // A run that fails on its data exits while the font thread may still be inside
        // fontconfig; letting it finish first keeps the exit (and its status) orderly.
        defer { _ = try? fonts?.value() }
        let template = try TemplateLoader.load(directory: templateURL, dataFile: dataURL)
        let environment = ProcessInfo.processInfo.environment
        let day = try BriefingDate.resolve(flag: date, environment: environment, policy: template.spec.datePolicy)
        let chosen = try SectionSelection.resolve(only: sections, skip: skip, sections: template.spec.sections)
        timer.mark("load")

        // The inputs: template files, data, fonts, flags, version. A date from the "today"
        // policy does not count, so --if-changed skips a week in which nothing was edited.
        var flags = [
            "template=\(templateURL.path)", "data=\(dataURL?.path ?? "-")", "sections=\(chosen.joined(separator: ","))",
            "format=\(format.rawValue)", "dpi=\(dpi)",
        ]
        if let date {
            flags.append("date=\(date)")
        } else if let epoch = environment["SOURCE_DATE_EPOCH"] {
            flags.append("date-epoch=\(epoch)")
        }
        let inputs = try InputDigest.inputs(
            folders: [templateURL, fontsURL], files: dataURL.map { [$0] } ?? [],
            previous: manifest.lastSuccess?.inputs ?? [])
        let digest = InputDigest.combine(inputs: inputs, flags: flags, program: BriefingCommand.programName)
        if ifChanged, let last = manifest.lastSuccess, last.inputDigest == digest, format == .pdf,
            let current = try? Data(contentsOf: target), InputDigest.sha256(of: current) == last.outputSHA256
        {
            return Outcome(result: "unchanged", path: output, pages: last.pages, bytes: last.bytes)
        }
        timer.mark("digest")
        if fonts == nil { fonts = Prefetch.measurer(fontsDirectory: fontsURL) }

        let document = try DocumentBuilder.build(template: template, date: day, sectionIDs: chosen)
        for warning in document.warnings { FileHandle.standardError.write((warning.description + "\n").data(using: .utf8)!) }
        timer.mark("document")
        let measurer = try fonts!.value()
        timer.mark("fonts")
        if !measurer.hyphenationAvailable {
            FileHandle.standardError.write(
                "warning: no hyphenation dictionary found (install hyphen-en-gb); justified lines may be loose\n".data(using: .utf8)!)
        }
        let pages = LayoutEngine(measurer: measurer).layout(document, creator: BriefingCommand.programName)
        timer.mark("layout")
        let missing = measurer.missingGlyphs.map {
            Diagnostic.warning(
                SourceLocation(file: template.dataFileName), $0.description,
                hint: "the bundled fonts cover Latin, Greek, Cyrillic, Urdu and Chinese")
        }
        for warning in missing { FileHandle.standardError.write((warning.description + "\n").data(using: .utf8)!) }
        if strict, !(missing + document.warnings).isEmpty {
            throw InputError(
                kind: .invalidData, SourceLocation(file: "--strict"),
                "\((missing + document.warnings).count) warning(s) and --strict: nothing was written")
        }

        var path = output, bytes = 0, outputDigest = ""
        if format == .pdf {
            try AtomicFile.publish(to: target) { temporary in try PDFExporter.export(pages, measurer: measurer, to: temporary) }
            timer.mark(format.rawValue)
            let written = try Data(contentsOf: target)
            bytes = written.count
            outputDigest = InputDigest.sha256(of: written)
            if let keep { try Archive.store(target, at: started, keep: keep) }
        } else {
            let imageFormat: ImageExporter.Format = format == .png ? .png : .svg
            let files = PageFiles(pdf: target, format: format.rawValue, count: pages.pages.count)
            for (index, file) in files.urls.enumerated() {
                try AtomicFile.publish(to: file) { temporary in
                    try ImageExporter.export(pages, page: index, format: imageFormat, measurer: measurer, to: temporary, dpi: dpi)
                }
                bytes += (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            }
            files.removeStale()
            timer.mark(format.rawValue)
            path = files.pattern
        }
        manifest.lastSuccess = .init(
            finished: RunManifest.timestamp(Date()), inputDigest: digest, inputs: inputs, flags: flags, sections: chosen,
            pages: pages.pages.count, bytes: bytes, outputSHA256: outputDigest)
        return Outcome(result: "success", path: path, pages: pages.pages.count, bytes: bytes)
    }
}
