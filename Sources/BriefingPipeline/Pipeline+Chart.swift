import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingTemplate
import Foundation

extension Pipeline {
    /// One chart of the briefing on a page of its own, with its caption, alt text, source line
    /// and the sources it draws on: what `briefing chart ID` writes.
    public func chart(_ id: String, request: BriefingRequest) throws -> BriefingChart {
        // On the command line an unknown chart is a usage error (64); in a section it is data (65).
        guard ChartFigure.Kind(rawValue: id) != nil else {
            let ids = ChartFigure.Kind.allCases.map(\.rawValue)
            throw InputError(
                kind: .usage, SourceLocation(file: "briefing chart"), "unknown chart '\(id)'",
                hint: Suggestion.closest(to: id, in: ids).map { "did you mean '\($0)'?" } ?? "charts: \(ids.joined(separator: ", "))")
        }
        startFonts()
        let template = try TemplateLoader.load(directory: request.template, dataFile: request.data, files: world.files)
        let figure = try ChartResolver.resolve(
            id: id, facts: template.facts, labels: template.spec.labels, at: SourceLocation(file: "briefing chart"))
        let sources = DocumentBuilder.numberedSources(figure.sourceIDs, in: template.facts, labels: template.spec.labels)
        timer.mark("load")
        let measurer = try measurer()
        timer.mark("fonts")
        let page = StandaloneChart.layout(
            figure, sources: sources, measurer: measurer, labels: template.spec.labels, creator: request.creator)
        timer.mark("layout")
        let bytes = try render(page, format: request.format, dpi: request.dpi)
        return BriefingChart(figure: figure, page: page, bytes: bytes[0])
    }

    /// The ids of the charts `chart` can draw, with a line on each.
    public static var chartKinds: [(id: String, summary: String)] {
        ChartFigure.Kind.allCases.map { ($0.rawValue, $0.summary) }
    }
}

/// A chart on its own page.
public struct BriefingChart {
    public var figure: ChartFigure
    public var page: PagedDocument
    public var bytes: Data
}
