import ArgumentParser
import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingRender
import BriefingTemplate
import Foundation

/// `briefing generate`: template -> model -> document -> pages -> PDF, published atomically.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the briefing PDF.",
        discussion: """
            Exit status: 0 success, 64 usage, 65 invalid data, 66 missing input, 73 cannot write the output.
            A failed run never replaces or removes the previous PDF.
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
            "Date printed on the briefing (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the template's policy.", valueName: "date"))
    var date: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case pdf, png, svg
    }

    @Option(name: .long, help: "Output format; png and svg write one file per page (briefing-01.png, ...) beside --output.")
    var format: Format = .pdf

    @Option(name: .long, help: ArgumentHelp("Resolution of PNG pages, in dots per inch.", valueName: "dpi"))
    var dpi: Double = 110

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let started = Date()
        do {
            let result = try generate()
            if !quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                print("wrote \(result.path) (\(result.pages) pages, \(result.bytes / 1024) KiB) in \(seconds) s")
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    private func generate() throws -> (path: String, pages: Int, bytes: Int) {
        guard let templateURL = template.map(URL.init(fileURLWithPath:)) ?? Resources.defaultTemplate else {
            throw InputError(
                kind: .missingInput, SourceLocation(file: "Templates/sino-pak"), "cannot find the bundled templates",
                hint: "pass --template DIR, or set BRIEFING_HOME to the folder holding Templates/ and Fonts/")
        }
        guard let fontsURL = Resources.fonts else {
            throw InputError(
                kind: .missingInput, SourceLocation(file: "Fonts"), "cannot find the bundled fonts",
                hint: "set BRIEFING_HOME to the folder holding Templates/ and Fonts/")
        }
        let template = try TemplateLoader.load(directory: templateURL, dataFile: data.map(URL.init(fileURLWithPath:)))
        let day = try BriefingDate.resolve(flag: date, environment: ProcessInfo.processInfo.environment, policy: template.spec.datePolicy)
        let chosen = try SectionSelection.resolve(only: sections, skip: skip, sections: template.spec.sections)
        let document = try DocumentBuilder.build(template: template, date: day, sectionIDs: chosen)
        for warning in document.warnings { FileHandle.standardError.write((warning.description + "\n").data(using: .utf8)!) }

        let fonts = try FontSetup(fontsDirectory: fontsURL)
        let measurer = PangoTextMeasurer(fonts: fonts)
        if !measurer.hyphenationAvailable {
            FileHandle.standardError.write(
                "warning: no hyphenation dictionary found (install hyphen-en-gb); justified lines may be loose\n".data(using: .utf8)!)
        }
        let pages = LayoutEngine(measurer: measurer).layout(document, creator: "briefing \(BriefingCommand.version)")

        let target = URL(fileURLWithPath: output)
        guard format != .pdf else {
            try AtomicFile.publish(to: target) { temporary in
                try PDFExporter.export(pages, measurer: measurer, to: temporary)
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
            return (output, pages.pages.count, bytes ?? 0)
        }
        let imageFormat: ImageExporter.Format = format == .png ? .png : .svg
        let files = PageFiles(pdf: target, format: format.rawValue, count: pages.pages.count)
        var bytes = 0
        for (index, file) in files.urls.enumerated() {
            try AtomicFile.publish(to: file) { temporary in
                try ImageExporter.export(pages, page: index, format: imageFormat, measurer: measurer, to: temporary, dpi: dpi)
            }
            bytes += (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        }
        files.removeStale()
        return (files.pattern, pages.pages.count, bytes)
    }
}
