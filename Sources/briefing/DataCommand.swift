import ArgumentParser
import BriefingModel
import BriefingPipeline
import Foundation

/// `briefing data show ID`: a supply series as the model resolved it (periods, each named
/// supplier's share, the computed "all others", and for a series computed from a file the
/// numbers behind each row), or a line/bar series' points, each with where it was read, to
/// check a computation or an import before publishing.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Show data as the model resolved it.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract:
                "Print a supply series as resolved (periods, shares, all others and the inputs behind them) or a line/bar series' points.",
            discussion: "Exit status: 0, 64 for an unknown series, 65 invalid data, 66 missing input.")

        @Argument(help: "The id of a supply series (supply:) or a line/bar series (series:) in data.yaml.")
        var id: String

        @Option(name: .long, help: "text or json.")
        var format: EditionsCommand.ListFormat = .text

        @OptionGroup var input: TemplateOptions

        func run() throws {
            do {
                let pipeline = Pipeline(world: .templatesOnly, warnings: ExitStatus.printWarning)
                let facts = try pipeline.facts(of: try input.templateURL(), data: input.dataURL(), parameters: try input.parameters())
                let shown: (text: String, json: [String: Any])
                if let series = facts.series(id) {
                    shown = (text(series), json(series))
                } else if let series = facts.dataSeries(id) {
                    shown = (text(series), json(series))
                } else {
                    let ids = facts.supplySeries.map(\.id) + facts.dataSeries.map(\.id)
                    throw InputError(
                        kind: .usage, SourceLocation.program, "no series '\(id)'",
                        hint: Suggestion.closest(to: id, in: ids).map { "did you mean '\($0)'?" }
                            ?? "series: \(ids.joined(separator: ", "))")
                }
                switch format {
                case .text: print(shown.text)
                case .json:
                    let data = try JSONSerialization.data(withJSONObject: shown.json, options: [.prettyPrinted, .sortedKeys])
                    print(String(decoding: data, as: UTF8.self))
                }
            } catch {
                throw ExitStatus.fail(error)
            }
        }

        private func text(_ series: SupplySeries) -> String {
            var lines = ["\(series.id): \(series.title)", "  \(series.measure)"]
            for row in series.rows {
                let shares = row.shares.map { "\($0.supplier) \(NumberFormatting.format($0.percent, decimals: 4))%" }
                let others = row.complete ? [] : ["all others \(NumberFormatting.format(row.remainder, decimals: 4))% (computed)"]
                lines.append("  \(row.label): " + (shares + others).joined(separator: ", "))
                if let basis = row.basis { lines.append("    inputs: \(basis)") } else { lines.append("    read at \(row.location)") }
                lines.append("    source \(row.attribution.sourceID), \(row.attribution.confidence.id)")
            }
            return lines.joined(separator: "\n")
        }

        private func json(_ series: SupplySeries) -> [String: Any] {
            [
                "id": series.id, "title": series.title, "measure": series.measure, "focus": series.focus as Any,
                "rows": series.rows.map { row -> [String: Any] in
                    [
                        "label": row.label,
                        "shares": row.shares.map {
                            ["supplier": $0.supplier, "percent": $0.percent, "origin": $0.origin?.description as Any]
                        },
                        "others": row.complete ? NSNull() : row.remainder, "basis": row.basis as Any, "source": row.attribution.sourceID,
                        "confidence": row.attribution.confidence.id,
                    ]
                },
            ]
        }

        private func text(_ series: DataSeries) -> String {
            var lines = ["\(series.id): \(series.label)" + (series.unit.isEmpty ? "" : " (\(series.unit))")]
            for point in series.points {
                lines.append("  \(point.period): \(NumberFormatting.format(point.value))" + (point.origin.map { "  @ \($0)" } ?? ""))
            }
            lines.append("  source \(series.attribution.sourceID), \(series.attribution.confidence.id)")
            return lines.joined(separator: "\n")
        }

        private func json(_ series: DataSeries) -> [String: Any] {
            [
                "id": series.id, "label": series.label, "unit": series.unit, "source": series.attribution.sourceID,
                "confidence": series.attribution.confidence.id,
                "points": series.points.map {
                    ["period": $0.period.description, "value": $0.value, "origin": $0.origin?.description as Any]
                },
            ]
        }
    }
}
