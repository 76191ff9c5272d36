import ArgumentParser
import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingRender
import BriefingTemplate
import Foundation

/// `briefing chart ID`: one chart on its own page, as PDF, PNG or SVG.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write one chart of the briefing on its own (PDF, PNG or SVG).",
        discussion: "Exit status as for generate: 64 usage, 65 invalid data, 66 missing input, 73 cannot write the output."
    )

    @Argument(help: "The chart to draw: supply-shares, growth-rates or timeline.")
    var id: String?

    @Flag(name: .long, help: "List the chart ids and exit.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Template folder holding briefing.yaml and data.yaml.", valueName: "dir"))
    var template: String?

    @Option(name: .long, help: ArgumentHelp("Data file to use instead of the template's data.yaml.", valueName: "file"))
    var data: String?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .pdf

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the chart (default output/chart-ID.FORMAT).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Resolution of PNG output, in dots per inch.", valueName: "dpi"))
    var dpi: Double = 200

    func validate() throws {
        if !list && id == nil { throw ValidationError("name a chart (\(ChartResolver.ids.joined(separator: ", "))) or pass --list") }
        if !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200") }
    }

    func run() throws {
        if list {
            for kind in ChartFigure.Kind.allCases {
                print("\(kind.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))\(kind.summary)")
            }
            return
        }
        do {
            let path = try draw()
            print("wrote \(path)")
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    private func draw() throws -> String {
        guard let id else { return "" }
        var timer = PhaseTimer()
        defer { timer.report() }
        let fonts = Prefetch.measurer(fontsDirectory: try Resources.fontsDirectory())
        defer { _ = try? fonts.value() }  // see Generate: no exit while the font thread runs
        let template = try TemplateLoader.load(
            directory: try Resources.templateDirectory(template), dataFile: data.map(URL.init(fileURLWithPath:)))
        let figure = try ChartResolver.resolve(id: id, facts: template.facts, at: SourceLocation(file: "briefing chart"))
        let sources = figure.sourceIDs.enumerated().compactMap { index, sourceID -> Document.SourceEntry? in
            guard let source = template.facts.source(sourceID) else { return nil }
            return DocumentBuilder.sourceEntry(source, number: index + 1)
        }
        timer.mark("load")
        let measurer = try fonts.value()
        timer.mark("fonts")
        let page = StandaloneChart.layout(figure, sources: sources, measurer: measurer, creator: "briefing \(BriefingCommand.version)")
        timer.mark("layout")
        let path = output ?? "output/chart-\(id).\(format.rawValue)"
        try AtomicFile.publish(to: URL(fileURLWithPath: path)) { temporary in
            switch format {
            case .pdf: try PDFExporter.export(page, measurer: measurer, to: temporary)
            case .png: try ImageExporter.export(page, page: 0, format: .png, measurer: measurer, to: temporary, dpi: dpi)
            case .svg: try ImageExporter.export(page, page: 0, format: .svg, measurer: measurer, to: temporary)
            }
        }
        timer.mark(format.rawValue)
        return path
    }
}
