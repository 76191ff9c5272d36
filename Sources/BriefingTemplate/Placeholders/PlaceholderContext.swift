import BriefingContent
import BriefingModel
import Foundation

/// Builds the tree of values that `{{...}}` placeholders resolve against, from the model.
/// Every number is formatted here, once, with its unit, confidence marker and citation.
///
/// | placeholder | renders |
/// |---|---|
/// | `fig.ID` | "28,023 students" + marker + citation; children `value unit label as_of bare cite note` |
/// | `growth.ID` | "81%" + marker + citation; children `percent since as_of label bare cite` |
/// | `projection.ID` | "3.5 bn USD in 2021 to 60 bn USD by 2031"; children `from to from_year to_year years cagr multiple cite` |
/// | `event.ID` | "30 May 2024" + marker + citation; children `date year title cite note` |
/// | `supply.SERIES.ROW.SUPPLIER` | "80%" + marker + citation; ROW is a period (`2021-25`), `first` or `latest`; SUPPLIER is the name in lower case with hyphens for spaces (`united-states`), or `others` |
/// | `series.ID.POINT` | "120 k wafers/month" + marker + citation; POINT a period (`2023`, `2025-Q1`), `first`, `previous` or `latest`; children `period value bare cite note` |
/// | `cite.SOURCE` | a citation only |
/// | `claim.ID` | nothing: marks the sentence the claim guards |
/// | `ref.section.ID`, `ref.chart.ID` | "section 7" / "Figure 3", linked; plain text and a warning if left out; a chart by its block `id`, its figure number in the full briefing or its kind |
/// | `briefing.title`, `briefing.date`, `briefing.publisher` | plain text |
/// | `param.ID` | the run's value of a parameter the template declares (`--param ID=VALUE`, else its default) |
enum PlaceholderContext {
    /// - Parameter revised: keys of facts whose value changed since the edition compared with
    ///   (`fig.students`); their placeholders print a "revised" marker after the value.
    static func build(template: Template, dateText: String, revised: Set<FactKey> = []) -> PlaceholderNode {
        let facts = template.facts
        let labels = template.spec.labels
        let root = PlaceholderNode("")

        let figures = PlaceholderNode(group: [:])
        for figure in facts.figures {
            figures.addLazily(figure.id) {
                sourced(
                    text(figure.formatted(labels)), figure.attribution,
                    [
                        "value": figure.formattedValue, "unit": text(figure.unit), "label": text(figure.label),
                        "low": NumberFormatting.format(figure.value), "high": figure.upper.map { NumberFormatting.format($0) } ?? "",
                        "as_of": figure.asOf?.text(labels) ?? "",
                    ], revised: revised.contains(.figure(figure.id)))
            }
        }
        root.add("fig", figures)

        let growth = PlaceholderNode(group: [:])
        for rate in facts.growthRates {
            growth.add(
                rate.id,
                sourced(
                    rate.formatted, rate.attribution,
                    [
                        "percent": rate.formatted, "since": rate.since.text(labels), "as_of": rate.asOf?.text(labels) ?? "",
                        "label": text(rate.label),
                    ], revised: revised.contains(.growth(rate.id))))
        }
        root.add("growth", growth)

        let projections = PlaceholderNode(group: [:])
        for projection in facts.projections {
            let from = text(projection.formatted(projection.from)), to = text(projection.formatted(projection.to))
            projections.add(
                projection.id,
                sourced(
                    labels.text(
                        .projection,
                        ["from": from, "from_year": "\(projection.from.year)", "to": to, "to_year": "\(projection.to.year)"]),
                    projection.attribution,
                    [
                        "from": from, "to": to, "from_year": String(projection.from.year), "to_year": String(projection.to.year),
                        "years": String(projection.years), "cagr": NumberFormatting.rate(projection.compoundAnnualGrowthPercent),
                        "multiple": NumberFormatting.multiple(projection.multiple),
                    ], revised: revised.contains(.projection(projection.id))))
        }
        root.add("projection", projections)

        let events = PlaceholderNode(group: [:])
        for event in facts.events {
            events.addLazily(event.id) {
                let date = event.when.text(labels)
                return sourced(
                    date, event.attribution, ["date": date, "year": String(event.when.start.year), "title": text(event.title)],
                    revised: revised.contains(.event(event.id)))
            }
        }
        root.add("event", events)

        let supply = PlaceholderNode(group: [:])
        for series in facts.supplySeries {
            let seriesNode = PlaceholderNode(text(series.title), children: ["measure": PlaceholderNode(text(series.measure))])
            for row in series.rows {
                let node = rowNode(row, series: series.id, revised: revised)
                seriesNode.add(row.key, node)
            }
            if let first = series.rows.first { seriesNode.add("first", rowNode(first, series: series.id, revised: revised)) }
            if let last = series.rows.last { seriesNode.add("latest", rowNode(last, series: series.id, revised: revised)) }
            supply.add(series.id, seriesNode)
        }
        root.add("supply", supply)

        // Series: the label, and every point as a sourced value, by its period (`2023`,
        // `2025-Q1`) and as `first`, `previous` and `latest`.
        let series = PlaceholderNode(group: [:])
        for line in facts.dataSeries {
            let node = PlaceholderNode(
                text(line.label), children: ["label": PlaceholderNode(text(line.label)), "unit": PlaceholderNode(text(line.unit))])
            let named: [(String, DataSeries.Point?)] = [
                ("first", line.points.first), ("previous", line.points.count >= 2 ? line.points[line.points.count - 2] : nil),
                ("latest", line.points.last),
            ]
            for (key, point) in line.points.map({ ($0.period.key, Optional($0)) }) + named {
                guard let point else { continue }
                let value = NumberFormatting.attach(unit: text(line.unit), to: NumberFormatting.format(point.value))
                node.add(
                    key,
                    sourced(
                        value, line.attribution, ["period": point.period.description, "value": NumberFormatting.format(point.value)],
                        revised: revised.contains(.seriesPoint(series: line.id, period: point.period.key))))
            }
            series.add(line.id, node)
        }
        root.add("series", series)

        let cite = PlaceholderNode(group: [:])
        for source in facts.sources {
            cite.add(source.id, PlaceholderNode(InlineToken.citation(source.id).encoded))
        }
        root.add("cite", cite)

        let spec = template.spec
        // Claims print nothing: `{{claim.ID}}` marks the sentence a condition guards.
        let claims = PlaceholderNode(group: [:])
        for claim in spec.claims { claims.add(claim.id, PlaceholderNode("")) }
        root.add("claim", claims)

        // Cross-references: resolved to "section N" / "Figure N" after sections are chosen.
        let sectionRefs = PlaceholderNode(group: [:])
        for section in spec.sections {
            sectionRefs.add(section.id, PlaceholderNode(InlineToken.reference(CrossReference(kind: .section, id: section.id)).encoded))
        }
        let chartRefs = PlaceholderNode(group: [:])
        for kind in ChartFigure.Kind.allCases {
            chartRefs.add(kind.rawValue, PlaceholderNode(InlineToken.reference(CrossReference(kind: .chart, id: kind.rawValue)).encoded))
        }
        root.add("ref", PlaceholderNode(group: ["section": sectionRefs, "chart": chartRefs]))

        if !template.parameters.isEmpty {
            root.add(
                "param", PlaceholderNode(group: template.parameters.mapValues { PlaceholderNode(text($0)) }))
        }
        root.add(
            "briefing",
            PlaceholderNode(
                text(spec.title),
                children: [
                    "title": PlaceholderNode(text(spec.title)),
                    "subtitle": PlaceholderNode(text(spec.subtitle)),
                    "publisher": PlaceholderNode(text(spec.publisher)),
                    "audience": PlaceholderNode(text(spec.audience)),
                    "date": PlaceholderNode(dateText),
                ]))
        return root
    }

    /// `{{ref.chart.ID}}` may name a chart block's id or a figure number as well as a kind;
    /// which exist is known only once every section is parsed, so each such name a file
    /// uses gets a node here and the document builder checks it (`ChartReferences`).
    static func allowChartReferences(in text: String, file: String, root: PlaceholderNode) {
        guard text.contains("{{ref.chart."), let charts = root.resolve("ref.chart") else { return }
        for (reference, _) in TagScanner(file: file, root: root).references(in: text) where reference.kind == .chart {
            let id = reference.id
            guard !id.isEmpty, !id.contains("."), id.allSatisfy({ TagScanner.nameCharacters.contains($0) }), charts.resolve(id) == nil
            else { continue }
            charts.add(id, PlaceholderNode(InlineToken.reference(CrossReference(kind: .chart, id: id)).encoded))
        }
    }

    /// A sourced fact: renders `value` with its confidence marker and citation, and has the
    /// children `bare` (value only), `cite` (marker and citation), `note` and `extra`.
    private static func sourced(_ value: String, _ attribution: Attribution, _ extra: [String: String], revised: Bool = false)
        -> PlaceholderNode
    {
        let cite = InlineToken.attribution(attribution) + (revised ? InlineToken.revised.encoded : "")
        var children = extra.mapValues { PlaceholderNode($0) }
        children["bare"] = PlaceholderNode(value)
        children["cite"] = PlaceholderNode(cite)
        children["note"] = PlaceholderNode(text(attribution.note ?? ""))
        return PlaceholderNode(value + cite, children: children)
    }

    private static func rowNode(_ row: SupplySeries.Row, series: String, revised: Set<FactKey>) -> PlaceholderNode {
        let cite = InlineToken.attribution(row.attribution)
        func mark(_ supplier: String) -> String {
            revised.contains(.share(series: series, row: row.key, supplier: supplier)) ? InlineToken.revised.encoded : ""
        }
        let node = PlaceholderNode(
            text(row.label),
            children: [
                "period": PlaceholderNode(text(row.label)),
                "others": PlaceholderNode(NumberFormatting.share(row.remainder) + cite + mark("others")),
                "cite": PlaceholderNode(cite),
            ])
        for share in row.shares {
            node.add(
                slug(share.supplier),
                PlaceholderNode(
                    NumberFormatting.share(share.percent) + cite + mark(slug(share.supplier)),
                    children: [
                        "bare": PlaceholderNode(NumberFormatting.share(share.percent))
                    ]))
        }
        return node
    }

    private static func text(_ value: String) -> String { InlineToken.sanitize(value) }

    /// Placeholder names are ASCII without spaces: "United States" is `united-states`,
    /// "Türkiye" is `turkiye`.
    static func slug(_ name: String) -> String { SupplySeries.slug(name) }
}
