import ArgumentParser
import BriefingContent
import BriefingPipeline
import BriefingRun
import Foundation

/// `briefing chart ID`: one chart on its own page, as PDF, PNG or SVG.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write one chart of the briefing on its own (PDF, PNG or SVG).",
        discussion: "Exit status as for generate: 64 usage, 65 invalid data, 66 missing input, 73 cannot write the output."
    )

    @Argument(
        help: ArgumentHelp(
            "The chart to draw: a figure number (2 or figure-2), a chart block's id, or a kind (\(Pipeline.chartKinds.map(\.id).joined(separator: ", "))).",
            discussion: "A figure is drawn as placed in its section, with that chart block's options."))
    var id: String?

    @Flag(name: .long, help: "List the briefing's figures and the chart kinds, and exit.")
    var list = false

    @OptionGroup var input: TemplateOptions

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .pdf

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Where to write the chart (default output/chart-ID.FORMAT).", valueName: "file"),
        completion: .file())
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Resolution of PNG output, in dots per inch.", valueName: "dpi"))
    var dpi: Double = 200

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        let ids = Pipeline.chartKinds.map(\.id).joined(separator: ", ")
        if !list && id == nil { throw ValidationError("name a chart (\(ids)) or pass --list") }
        if !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200") }
        if format.input != .pages {
            throw ValidationError("a chart on its own is drawn as pdf, png or svg (the HTML edition inlines every chart)")
        }
    }

    /// The figures the briefing places (number, kind, block id, title), then the kinds.
    private func listCharts() throws {
        do {
            let pipeline = Pipeline(world: try World.standard(), warnings: { _ in })
            var request = BriefingRequest(template: try input.templateURL(), data: input.dataURL(), creator: "briefing")
            request.parameters = try input.parameters()
            let figures = try pipeline.placedCharts(request: request)
            for figure in figures {
                let name = "\(figure.number)".padding(toLength: 4, withPad: " ", startingAt: 0)
                let kind = (figure.blockID.map { "\(figure.kind.rawValue) #\($0)" } ?? figure.kind.rawValue)
                print("\(name)\(kind.padding(toLength: 28, withPad: " ", startingAt: 0))\(figure.title)")
            }
            if !figures.isEmpty { print("") }
        } catch {
            throw ExitStatus.fail(error)
        }
        for kind in Pipeline.chartKinds { print("\(kind.id.padding(toLength: 15, withPad: " ", startingAt: 0))\(kind.summary)") }
    }

    func run() throws {
        if list {
            try listCharts()
            return
        }
        guard let id else { return }
        do {
            let pipeline = Pipeline(world: try World.standard(), warnings: ExitStatus.printWarning)
            // Its fonts, layouts and loaded data go with the process, not object by object
            // (its teardown was about 1% of a 2,000-event timeline's instructions).
            ProcessTimeline.keepUntilExit(pipeline)
            defer { pipeline.joinBackgroundWork() }
            defer { pipeline.timer.report() }
            var request = BriefingRequest(
                template: try input.templateURL(), data: input.dataURL(), format: format, dpi: dpi,
                creator: "briefing \(BriefingCommand.version)")
            request.parameters = try input.parameters()
            let path = try input.filled(output) ?? "output/chart-\(id).\(format.fileExtension)"
            if output == nil { try OutputFolder.makeDefault(for: path) }
            let target = try OutputTarget.resolve(path)
            if case .file(let url) = target {
                try AtomicFile.checkFolder(of: url)
                try OutputGuard.refuseOverwritingInputs(url, of: request)
            }
            let chart = try pipeline.chart(id, request: request)
            try target.write(chart.bytes)
            pipeline.timer.mark("publish")
            if target != .standardOutput && !quiet { print("wrote \(path)") }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
