import ArgumentParser
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRun
import Foundation

/// `generate --each FILE.csv`: one briefing per row in one process (fonts loaded once,
/// each template variant loaded once), each a normal output with its own run contract,
/// lock, editions and delivery. A failing row does not stop the others; a summary follows,
/// and the exit status is 0 when every row published, else the first failure's (65 for
/// data) with the failed rows named.
extension Generate {
    mutating func runBatch() throws {
        guard let each, let pattern = outputOption else { return }
        let rows: [ParameterRows.Row]
        do {
            let declared = try TemplateLoader.parameters(directory: try input.templateURL())
            let url = URL(fileURLWithPath: each)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw InputError(kind: .missingInput, SourceLocation(file: each), "no such file")
            }
            rows = try ParameterRows.read(data, file: each, declared: declared, given: try input.parameters(), pattern: pattern).rows
        } catch {
            throw ExitStatus.fail(error)
        }
        // A row that cannot run has no output: its line decides its shard, so one shard reports it.
        let selected =
            shard.flatMap(Shard.init).map { shard in rows.filter { shard.contains($0.problem == nil ? $0.identity : "\(each):\($0.line)") }
            }
            ?? rows
        let pipeline = try Pipeline(world: World.standard(), warnings: ExitStatus.printWarning, prefetchFonts: !contract.ifChanged)
        ProcessTimeline.keepUntilExit(pipeline)

        var results: [(row: ParameterRows.Row, result: String, code: Int32)] = []
        for row in selected {
            if let problem = row.problem {
                FileHandle.standardError.write(Data("\(problem)\n".utf8))
                results.append((row, "failed (65)", 65))
                continue
            }
            pipeline.prepareNextRow()
            EditionStore.forgetOpened()
            var one = self
            one.each = nil
            one.shard = nil
            one.outputOption = row.output
            one.input.param = row.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            do {
                let finished = try one.execute(sharing: pipeline)
                one.report(finished)
                if let failure = finished.failure { throw failure }
                results.append((row, finished.outcome.result == .unchanged ? "unchanged" : "published", 0))
            } catch {
                let code = ExitStatus.fail(error).rawValue
                results.append((row, "failed (\(code))", code))
            }
        }
        summarize(results, of: rows.count)
        if let first = results.first(where: { $0.code != 0 }) {
            let failed = results.filter { $0.code != 0 }
            let lines = failed.map { "\($0.row.line)" }.joined(separator: ", ")
            FileHandle.standardError.write(
                Data(
                    "briefing: error: \(failed.count) of \(results.count) rows failed (\(failed.count == 1 ? "line" : "lines") \(lines) of \(each))\n"
                        .utf8))
            throw ExitCode(first.code)
        }
    }

    /// One line per row: its line in the file, its values, its output and what happened.
    private func summarize(_ results: [(row: ParameterRows.Row, result: String, code: Int32)], of total: Int) {
        guard !quiet || results.contains(where: { $0.code != 0 }) else { return }
        let shardNote = shard.map { ", shard \($0): \(results.count) of \(total) rows" } ?? ""
        var lines = ["\(each ?? ""): \(results.count) briefing\(results.count == 1 ? "" : "s")\(shardNote)"]
        for (row, result, _) in results {
            let values = row.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.append("  line \(row.line)  \(values)  \(row.output.isEmpty ? "-" : row.output)  \(result)")
        }
        print(lines.joined(separator: "\n"))
    }
}
