import BriefingContent
import BriefingModel
import Foundation

/// Turns a loaded template into a `Document`: selects sections, expands placeholders, parses
/// Markdown, numbers sections and citations. Problems from every file are reported together.
public enum DocumentBuilder {
    /// - Parameters:
    ///   - sectionIDs: the sections to include, in template order; nil for all.
    ///   - changes: what changed since an earlier edition: revised values get a marker, and
    ///     the document carries the entries with the sections that show them.
    ///   - cache: the last build's parsed files and `context`, the stamp of everything else
    ///     they were expanded with (a watch rebuilds only the files that changed).
    public static func build(
        template: Template, date: FuzzyDate, sectionIDs: [String]? = nil, changes: FactChanges? = nil, cache: SectionCache? = nil,
        context: String = ""
    ) throws -> Document {
        let spec = template.spec
        let labels = spec.labels
        let dateText = date.text(labels)
        let expander = Expander(
            root: PlaceholderContext.build(template: template, dateText: dateText, revised: changes?.revisedKeys ?? []))
        // Each file's text as written (before expansion) and the name errors give it, for claims
        // and for finding where changed facts are shown.
        var sourceTexts: [String: (name: String, text: String)] = [:]
        var diagnostics = Diagnostics()
        var references: [(reference: CrossReference, location: SourceLocation)] = []

        // A file used by several sections is read, expanded and parsed once per run.
        var parsed: [String: (blocks: [Block], references: [(reference: CrossReference, location: SourceLocation)])] = [:]
        var kept: [String: SectionCache.Entry] = [:]
        var reused = 0
        func blocks(of relativePath: String, at location: SourceLocation) -> [Block] {
            if let cached = parsed[relativePath] {
                references += cached.references
                return cached.blocks
            }
            do {
                let file = try template.read(relativePath, at: location)
                let text = file.text
                sourceTexts[relativePath] = (file.displayName, text)
                if let entry = cache?.entry(relativePath, text: text, context: context) {
                    references += entry.references
                    diagnostics.append(contentsOf: entry.warnings)
                    parsed[relativePath] = (entry.blocks, entry.references)
                    kept[relativePath] = entry
                    reused += 1
                    return entry.blocks
                }
                PlaceholderContext.allowChartReferences(in: text, file: file.displayName, root: expander.root)
                let (expanded, found) = try expander.expandWithReferences(text, file: file.displayName)
                references += found
                let written = MarkdownParser.Written(text: text) { code in
                    VariableExpansion.expand(code, root: expander.root, escape: { $0 })
                }
                let result = try MarkdownParser.parse(
                    expanded, file: file.displayName, grades: template.facts.grades, written: written,
                    image: { path, alt, location in try ImageLoader.load(path, alt: alt, template: template, at: location) },
                    chart: { id, options, location in
                        try ChartResolver.resolve(id: id, options: options, facts: template.facts, labels: labels, at: location)
                    })
                diagnostics.append(contentsOf: result.warnings)
                parsed[relativePath] = (result.blocks, found)
                if cache != nil {
                    kept[relativePath] = SectionCache.Entry(
                        text: text, displayName: file.displayName, blocks: result.blocks, references: found, warnings: result.warnings)
                }
                return result.blocks
            } catch let error as InputError {
                diagnostics.append(contentsOf: error.diagnostics)
                return []
            } catch {
                diagnostics.error(location, "\(error)")
                return []
            }
        }

        diagnostics.append(contentsOf: template.facts.importWarnings)
        var judgements = blocks(of: spec.keyJudgementsFile, at: spec.keyJudgementsLocation)
        let chosen = spec.sections.filter { sectionIDs?.contains($0.id) ?? true }
        var sections: [Document.Section] = []
        for (index, section) in chosen.enumerated() {
            let title = InlineToken.sanitize(section.title)
            sections.append(
                Document.Section(
                    id: section.id, number: index + 1, title: title,
                    blocks: blocks(of: section.file, at: section.location)))
        }
        let keyFigures = spec.keyFigures.compactMap { keyFigure($0.id, facts: template.facts, labels: labels) }
        cache?.keep(kept, context: context, reused: reused)
        try diagnostics.sortedByPosition().check()

        // Number the charts of the chosen sections in reading order.
        var figureNumber = 0
        for index in sections.indices {
            sections[index].blocks = sections[index].blocks.map { $0.numberingCharts(from: &figureNumber) }
        }

        // Cross-references become links to what this run includes, plain text (and a warning)
        // for what it leaves out: never a dangling link.
        var targets: [CrossReference: Inline] = [:]
        for section in sections {
            targets[CrossReference(kind: .section, id: section.id)] = .link(
                url: Anchor.link(to: Anchor.section(section.id)), [.text(labels.text(.section, ["n": "\(section.number)"]))])
        }
        // The left-out section's title must not appear (a desk's edition may leave out what it
        // may not read), so the fallback names it by its number in the full briefing.
        var fallbacks: [CrossReference: String] = [:]
        let chartReferences = references.filter { $0.reference.kind == .chart }
        if !chartReferences.isEmpty {
            let charts = ChartReferences(
                placements: chartPlacements(chosen: sections, template: template, expander: expander, labels: labels),
                included: sections.flatMap { $0.blocks.flatMap(\.charts) }, labels: labels)
            for (reference, location) in chartReferences where targets[reference] == nil && fallbacks[reference] == nil {
                switch charts.target(reference.id) {
                case .figure(let figure):
                    targets[reference] = .link(
                        url: Anchor.link(to: figure.anchor), [.text(labels.text(.figure, ["n": "\(figure.number)"]))])
                case .leftOut(let text):
                    fallbacks[reference] = text
                case .invalid(let message, let hint):
                    diagnostics.append(.error(location, message, hint: hint))
                }
            }
            try diagnostics.sortedByPosition().check()
        }
        for (reference, location) in references where targets[reference] == nil {
            let what = reference.kind == .section ? "section '\(reference.id)'" : "chart '\(reference.id)'"
            diagnostics.append(.warning(location, "reference to \(what), which this briefing does not include; printed as plain text"))
        }
        func fallback(_ reference: CrossReference) -> Inline {
            let number = template.spec.sections.firstIndex { $0.id == reference.id }.map { "\($0 + 1)" } ?? reference.id
            return .text(
                fallbacks[reference]
                    ?? labels.text(reference.kind == .section ? .leftOutSection : .leftOutChart, ["id": reference.id, "n": number]))
        }
        let resolve: (Inline) -> Inline = { inline in
            guard case .reference(let reference) = inline else { return inline }
            return targets[reference] ?? fallback(reference)
        }
        judgements = judgements.map { $0.mapInlines(resolve) }
        for index in sections.indices { sections[index].blocks = sections[index].blocks.map { $0.mapInlines(resolve) } }

        // Number sources in order of first citation in the text: key judgements, key figures,
        // then the sections. Sources that only a chart's source line cites (the rows of a
        // supply series, a series computed from a TIV export) follow, in the order of their
        // charts: every source printed has a number, and the numbers the text cites do not
        // move because a chart names a source the text never does.
        var order: [String] = []
        var charted: [String] = []
        var grades = Set<Confidence>()
        func collect(_ blocks: [Block]) {
            for block in blocks {
                block.visitSources { id, use in
                    switch use {
                    case .text: if !order.contains(id) { order.append(id) }
                    case .chart: if !charted.contains(id) { charted.append(id) }
                    }
                }
                block.visitInlines { inline in
                    if case .confidenceMarker(let grade) = inline { grades.insert(grade) }
                }
            }
        }
        collect(judgements)
        for figure in keyFigures {
            if !order.contains(figure.sourceID) { order.append(figure.sourceID) }
            if figure.confidence.marker != nil { grades.insert(figure.confidence) }
        }
        sections.forEach { collect($0.blocks) }
        order += charted.filter { !order.contains($0) }
        let sources = numberedSources(order, in: template.facts, labels: labels)
        // A reference that would print without a number (a source the data does not list)
        // is a warning, so `--strict` refuses it rather than print "Source: ." or drop a "[n]".
        for id in order where !sources.contains(where: { $0.id == id }) {
            diagnostics.append(
                .warning(
                    SourceLocation(file: template.dataFileName), "source '\(id)' is cited but has no entry in the Sources list",
                    hint: "add it under 'sources:' in \(template.dataFileName)"))
        }

        var document = Document(
            title: spec.title, subtitle: spec.subtitle, publisher: spec.publisher, audience: spec.audience,
            author: spec.author, keywords: spec.keywords, dateText: dateText, date: date,
            keyJudgements: judgements, keyFigures: keyFigures, sections: sections, sources: sources,
            gradesUsed: template.facts.grades.filter { grades.contains($0) }, warnings: diagnostics.warnings,
            isSelection: chosen.count < spec.sections.count, language: spec.language, labels: labels)
        if !spec.claims.isEmpty {
            // Every file this run prints, once (a file several sections share is one text).
            var printed: [(file: String, text: String)] = []
            for file in [spec.keyJudgementsFile] + chosen.map(\.file) where !printed.contains(where: { $0.file == sourceTexts[file]?.name })
            {
                if let source = sourceTexts[file] { printed.append((source.name, source.text)) }
            }
            // Files of sections left out, read only to know which failing claims guard
            // nothing printed.
            document.failedClaims = ClaimCheck(facts: template.facts, claims: spec.claims).failures(in: printed) {
                let leftOut = spec.sections.filter { section in !chosen.contains { $0.file == section.file } }
                    .compactMap { try? template.read($0.file, at: $0.location).text }
                return printed.map(\.text) + leftOut
            }
        }
        if let changes, !changes.entries.isEmpty {
            let texts = chosen.map { (id: $0.id, text: sourceTexts[$0.file]?.text ?? "") }
            let cover = ChangeLocator.coverText(
                judgements: sourceTexts[spec.keyJudgementsFile]?.text ?? "", keyFigures: spec.keyFigures.map(\.id))
            document.changes = ChangeLocator(facts: template.facts).locate(changes, cover: cover, sections: sections, texts: texts)
        }
        return document
    }

    /// Every chart of the full briefing in reading order, for `{{ref.chart.N}}` (a figure
    /// number of the full briefing) and chart block ids: the chosen sections' figures as
    /// numbered, and the charts of sections the run leaves out, read (and their problems
    /// ignored: the run does not print them) only to count them. Nil when one of those
    /// cannot be read.
    static func chartPlacements(
        chosen: [Document.Section], template: Template, expander: Expander, labels: Labels
    ) -> [ChartReferences.Placement]? {
        var placements: [ChartReferences.Placement] = []
        for section in template.spec.sections {
            if let included = chosen.first(where: { $0.id == section.id }) {
                placements += included.blocks.flatMap(\.charts).map {
                    .init(section: section.id, kind: $0.kind, blockID: $0.blockID, figure: $0)
                }
                continue
            }
            guard let file = try? template.read(section.file, at: section.location) else { return nil }
            PlaceholderContext.allowChartReferences(in: file.text, file: file.displayName, root: expander.root)
            guard let expanded = try? expander.expandWithReferences(file.text, file: file.displayName).text,
                let parsed = try? MarkdownParser.parse(
                    expanded, file: file.displayName, grades: template.facts.grades,
                    image: { path, alt, location in try ImageLoader.load(path, alt: alt, template: template, at: location) },
                    chart: { id, options, location in
                        try ChartResolver.resolve(id: id, options: options, facts: template.facts, labels: labels, at: location)
                    })
            else { return nil }
            placements += parsed.blocks.flatMap(\.charts).map {
                .init(section: section.id, kind: $0.kind, blockID: $0.blockID, figure: nil)
            }
        }
        return placements
    }

    /// The Sources list of these source ids, numbered in this order (unknown ids left out):
    /// the one numbering of a briefing's and a lone chart's sources.
    public static func numberedSources(_ ids: [String], in facts: FactBase, labels: Labels) -> [Document.SourceEntry] {
        ids.enumerated().compactMap { index, id in facts.source(id).map { sourceEntry($0, number: index + 1, labels: labels) } }
    }

    /// The numbered entry of a source in a Sources list.
    static func sourceEntry(_ source: Source, number: Int, labels: Labels) -> Document.SourceEntry {
        // Never cut at a comma: "Ministry of Economy, Trade and Industry (Japan)" is one name.
        let publisher = source.short ?? source.publisher
        return Document.SourceEntry(
            number: number, id: source.id, text: sourceText(source, labels: labels), url: source.url, publisher: publisher)
    }

    static func sourceText(_ source: Source, labels: Labels) -> String {
        // A [bracketed] title is a description supplied by the editor, not a headline: no quotes.
        let title = source.title.hasPrefix("[") ? source.title : "\u{201C}\(source.title)\u{201D}"
        var text = "\(source.publisher), \(title) (\(source.year))."
        if let via = source.via { text += " " + labels.text(.readVia, ["via": via]) }
        return text
    }

    static func keyFigure(_ name: String, facts: FactBase, labels: Labels) -> Document.KeyFigure? {
        switch FactReference(name) {
        case .figure(let id):
            guard let figure = facts.figure(id) else { return nil }
            let short = figure.unit.count <= 3
            let value = short ? NumberFormatting.attach(unit: figure.unit, to: figure.formattedValue) : figure.formattedValue
            let label = short ? figure.label : "\(figure.label) (\(figure.unit))"
            return .init(
                value: value, label: label, detail: figure.asOf.map { labels.text(.asOf, ["date": $0.text(labels)]) } ?? "",
                confidence: figure.attribution.confidence, sourceID: figure.attribution.sourceID)
        case .growth(let id):
            guard let rate = facts.growthRate(id) else { return nil }
            return .init(
                value: rate.signed, label: labels.text(.growthLabel, ["label": rate.label]),
                detail: labels.text(.since, ["date": rate.since.text(labels)]),
                confidence: rate.attribution.confidence, sourceID: rate.attribution.sourceID)
        case .projection(let id):
            guard let projection = facts.projection(id) else { return nil }
            let value = "\(NumberFormatting.format(projection.from.value)) \u{2192} \(NumberFormatting.format(projection.to.value))"
            return .init(
                value: value, label: "\(projection.label) (\(projection.unit))",
                detail: labels.text(
                    .projectionDetail,
                    [
                        "from": "\(projection.from.year)", "to": "\(projection.to.year)",
                        "percent": NumberFormatting.rate(projection.compoundAnnualGrowthPercent),
                    ]),
                confidence: projection.attribution.confidence, sourceID: projection.attribution.sourceID)
        case .event(let id):
            guard let event = facts.event(id) else { return nil }
            return .init(
                value: event.when.text(labels), label: event.title, detail: "", confidence: event.attribution.confidence,
                sourceID: event.attribution.sourceID)
        case .share(let series, let row, let supplier):
            guard let share = facts.share(series: series, row: row, supplier: supplier) else { return nil }
            return .init(
                value: NumberFormatting.share(share.percent), label: "\(share.supplier), \(share.row.label)",
                detail: share.series.title, confidence: share.row.attribution.confidence, sourceID: share.row.attribution.sourceID)
        case .seriesPoint(let series, let point):
            guard let found = facts.seriesPoint(series: series, point: point) else { return nil }
            let unit = found.series.unit
            let number = NumberFormatting.format(found.point.value)
            let short = unit.count <= 3
            return .init(
                value: short ? NumberFormatting.attach(unit: unit, to: number) : number,
                label: short || unit.isEmpty ? found.series.label : "\(found.series.label) (\(unit))",
                detail: labels.text(.asOf, ["date": found.point.period.description]),
                confidence: found.series.attribution.confidence, sourceID: found.series.attribution.sourceID)
        case nil:
            return nil
        }
    }
}
