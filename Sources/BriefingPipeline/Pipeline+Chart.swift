import BriefingContent
import BriefingLayout
import BriefingModel
import BriefingTemplate
import Foundation

extension Pipeline {
    /// One chart of the briefing on a page of its own, with its caption, alt text, source line
    /// and the sources it draws on: what `briefing chart ID` writes. The chart is the figure
    /// as placed in a section, with that chart block's options (title, series, events, axis):
    /// `ID` is a figure number (`2` or `figure-2`), a chart block's `id`, or a chart kind (its
    /// first placement, or the kind with default options when no section places it).
    public func chart(_ id: String, request: BriefingRequest) throws -> BriefingChart {
        chooseFontTarget(request)
        // A chart's page needs the chart's fonts, not every face of the body text, and its
        // labels never hyphenate: the body's fonts and patterns loading on the other core
        // made the chart wait for them (the rest load when first set).
        startFonts(layout: false)
        let loaded = try load(request)
        var figure = try placedFigure(id, loaded: loaded)
        figure.number = 0
        let labels = loaded.template.spec.labels
        let sources = DocumentBuilder.numberedSources(figure.sourceIDs, in: loaded.template.facts, labels: labels)
        let measurer = try measurer()
        timer.mark("fonts")
        let page = StandaloneChart.layout(figure, sources: sources, measurer: measurer, labels: labels, creator: request.creator)
        timer.mark("layout")
        let bytes = try render(page, format: request.format, dpi: request.dpi, standard: request.pdfStandard)
        return BriefingChart(figure: figure, page: page, bytes: bytes[0])
    }

    /// The figure `id` names in the whole briefing (every section, in reading order).
    func placedFigure(_ id: String, loaded: LoadedBriefing) throws -> ChartFigure {
        // A figure number needs every section (numbering runs through them); a kind or a
        // block id only the sections whose text names it, which spares expanding the rest.
        let isNumber = Int(id) != nil || (id.hasPrefix("figure-") && Int(id.dropFirst(7)) != nil)
        let template = loaded.template
        let sections =
            isNumber
            ? nil
            : template.spec.sections.filter { section in
                (try? template.read(section.file, at: section.location).text.contains(id)) ?? true
            }.map(\.id)
        let document = try DocumentBuilder.build(template: template, date: loaded.date, sectionIDs: sections)
        let placed = document.sections.flatMap { $0.blocks.flatMap(\.charts) }
        let commandLine = SourceLocation.program
        if let number = Int(id) ?? (id.hasPrefix("figure-") ? Int(id.dropFirst(7)) : nil) {
            guard placed.indices.contains(number - 1) else {
                throw InputError(
                    kind: .usage, commandLine, "the briefing has no Figure \(number)",
                    hint: placed.isEmpty ? "it places no charts" : "its figures are numbered 1 to \(placed.count)")
            }
            return placed[number - 1]
        }
        let named = placed.filter { $0.blockID == id }
        if named.count > 1 {
            let numbers = named.map { "Figure \($0.number)" }.joined(separator: ", ")
            throw InputError(
                kind: .invalidData, commandLine, "chart id '\(id)' names several charts (\(numbers))",
                hint: "give each chart block its own id")
        }
        if let figure = named.first { return figure }
        if let kind = ChartFigure.Kind(rawValue: id) {
            if let figure = placed.first(where: { $0.kind == kind }) { return figure }
            return try ChartResolver.resolve(id: id, facts: loaded.template.facts, labels: loaded.template.spec.labels, at: commandLine)
        }
        // On the command line an unknown chart is a usage error (64); in a section it is data (65).
        // The hint names every chart of the briefing, so it needs every section (only those
        // whose text named the id were built).
        let every =
            sections == nil
            ? placed
            : try DocumentBuilder.build(template: template, date: loaded.date).sections.flatMap { $0.blocks.flatMap(\.charts) }
        let names = ChartFigure.Kind.allCases.map(\.rawValue) + every.compactMap(\.blockID)
        let numbers = every.isEmpty ? "" : ", or a figure number (1 to \(every.count))"
        throw InputError(
            kind: .usage, commandLine, "unknown chart '\(id)'",
            hint: Suggestion.closest(to: id, in: names).map { "did you mean '\($0)'?" }
                ?? "charts: \(names.joined(separator: ", "))\(numbers)")
    }

    /// The charts the briefing places, in reading order, for `briefing chart --list`.
    public func placedCharts(request: BriefingRequest) throws -> [ChartFigure] {
        let loaded = try load(request)
        return try DocumentBuilder.build(template: loaded.template, date: loaded.date).sections.flatMap { $0.blocks.flatMap(\.charts) }
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
