import ArgumentParser
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRun
import CLinux
import Foundation

/// `generate --each FILE.csv`: one briefing per row in one process (fonts loaded once,
/// each template variant loaded once), each a normal output with its own run contract,
/// lock, editions and delivery. A failing row does not stop the others; a summary follows,
/// and the exit status is 0 when every row published, else the first failure's (65 for
/// data) with the failed rows named. SIGINT, SIGTERM or SIGHUP stops the batch between
/// rows: the rows being made are finished (their outputs, editions and mail whole), the
/// rest are summarised as not made, and the status is 75 (try again) unless a row failed;
/// a second signal ends the process at once.
extension Generate {
    /// The rows of `--each`, read and checked as a run reads them.
    func batchRows() throws -> [ParameterRows.Row] {
        guard let each, let pattern = outputOption else { return [] }
        let declared = try TemplateLoader.parameters(directory: try input.templateURL())
        guard let data = FileManager.default.contents(atPath: URL(fileURLWithPath: each).path) else {
            throw InputError(kind: .missingInput, SourceLocation(file: each), "no such file")
        }
        return try ParameterRows.read(
            data, file: each, declared: declared, given: try input.parameters(), pattern: pattern,
            deliveryColumns: Self.deliveryColumns(deliver, declared: declared)
        ).rows
    }

    /// Every output this command writes its main file to: the output, or each row's. Mail
    /// retries and `doctor` look at each one's outbox.
    func mainOutputs() throws -> [String] {
        guard each != nil else { return [output] }
        return try batchRows().filter { $0.problem == nil }.map { briefing.format.path(for: $0.output) }
    }

    mutating func runBatch() throws {
        guard let each else { return }
        let rows: [ParameterRows.Row]
        do {
            rows = try batchRows()
        } catch {
            throw ExitStatus.fail(error)
        }
        // A row that cannot run has no output: its line decides its shard, so one shard reports it.
        let selected =
            shard.flatMap(Shard.init).map { shard in rows.filter { shard.contains($0.problem == nil ? $0.identity : "\(each):\($0.line)") }
            }
            ?? rows
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, selected.count))
        let world = try World.standard()
        let results = RowResults(count: selected.count, live: workers == 1)
        briefing_interrupt_catch(1)
        // Each worker reads only these once made: the command's options, the world, the rows.
        let shared = SharedWithWorkers((generate: self, world: world, rows: selected))
        // Each worker has its own pipeline (Pango font map, measurer, hyphenation, caches):
        // the text stack is not shared between threads. The fontconfig configuration, read-only
        // once made, is (`FontSetup`).
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let (template, world, selected) = shared.value
            let pipeline = Pipeline(world: world, warnings: ExitStatus.printWarning, prefetchFonts: !template.contract.ifChanged)
            ProcessTimeline.keepUntilExit(pipeline)
            while let index = results.next() {
                let capture = Console.Capture()
                let outcome =
                    workers == 1
                    ? template.make(row: selected[index], pipeline: pipeline)
                    : Console.capturing(into: capture) { template.make(row: selected[index], pipeline: pipeline) }
                results.finish(index, outcome, capture)
            }
        }
        briefing_interrupt_catch(0)
        let finished = zip(selected, results.outcomes).map { (row: $0, result: $1.result, code: $1.code) }
        summarize(finished, of: rows.count)
        let notMade = finished.filter { $0.result == RowResults.notMade.result }
        if !notMade.isEmpty {
            let signal = briefing_interrupt_received()
            let name = signal == SIGINT ? "SIGINT" : signal == SIGHUP ? "SIGHUP" : "SIGTERM"
            let lines = notMade.map { "\($0.row.line)" }.joined(separator: ", ")
            Console.error(
                "briefing: \(name) received: the rows being made were finished; \(notMade.count) of \(finished.count) "
                    + "not made (\(notMade.count == 1 ? "line" : "lines") \(lines) of \(each))")
        }
        if let first = finished.first(where: { $0.code != 0 && $0.result != RowResults.notMade.result }) ?? notMade.first {
            let failed = finished.filter { $0.code != 0 && $0.result != RowResults.notMade.result }
            guard !failed.isEmpty else { throw ExitCode(first.code) }
            let lines = failed.map { "\($0.row.line)" }.joined(separator: ", ")
            Console.error(
                "briefing: error: \(failed.count) of \(finished.count) rows failed (\(failed.count == 1 ? "line" : "lines") \(lines) of \(each))"
            )
            throw ExitCode(first.code)
        }
    }

    /// This command as one row's run: its values, its output, its delivery file's columns.
    func forRow(_ row: ParameterRows.Row) -> Generate {
        var one = self
        one.each = nil
        one.shard = nil
        one.jobs = nil
        one.outputOption = row.output
        one.input.param = row.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        one.rowValues = row.deliveryValues
        return one
    }

    /// Makes one row's briefing on `pipeline`, as a run of its own: what it printed goes to
    /// the console (the row's buffer on a worker), its result comes back.
    private func make(row: ParameterRows.Row, pipeline: Pipeline) -> (result: String, code: Int32) {
        if let problem = row.problem {
            Console.error("\(problem)")
            return ("failed (65)", 65)
        }
        pipeline.prepareNextRow()
        EditionStore.forgetOpened()
        var one = forRow(row)
        // Its errors name the template's or the delivery file's lines: say whose row they are.
        let which = "briefing: line \(row.line) of \(each ?? "") (\(row.identity.replacingOccurrences(of: "\n", with: " "))):"
        do {
            let finished = try one.execute(sharing: pipeline)
            one.report(finished)
            if let failure = finished.failure {
                // Published, then the mail (or the edition store) failed.
                Console.error(which)
                let code = ExitStatus.fail(failure).rawValue
                return ("published, then failed (\(code))", code)
            }
            return (finished.outcome.result == .unchanged ? "unchanged" : "published", 0)
        } catch {
            Console.error(which)
            let code = ExitStatus.fail(error).rawValue
            return ("failed (\(code))", code)
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

/// The rows of a batch handed out to workers, and what each printed, printed in row order:
/// a row's lines appear once every row before it has finished, whatever order the workers
/// finish in.
private final class RowResults: @unchecked Sendable {
    private let lock = NSLock()
    private var handedOut = 0
    private var printed = 0
    private var done: [(outcome: (result: String, code: Int32), capture: Console.Capture)?]
    /// One worker prints as it goes: nothing is kept.
    private let live: Bool

    init(count: Int, live: Bool) {
        done = Array(repeating: nil, count: count)
        self.live = live
    }

    /// What a row not made because the batch was stopped (a signal) is summarised as.
    static let notMade = (result: "not made (stopped)", code: Int32(75))

    /// The next row to make, or nil when every row is handed out or a signal stopped the batch.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard handedOut < done.count, briefing_interrupt_received() == 0 else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func finish(_ index: Int, _ outcome: (result: String, code: Int32), _ capture: Console.Capture) {
        lock.lock()
        defer { lock.unlock() }
        done[index] = (outcome, capture)
        while printed < done.count, let row = done[printed] {
            if !live { row.capture.flush() }
            printed += 1
        }
    }

    /// Every row's result, in row order (after the workers have finished).
    var outcomes: [(result: String, code: Int32)] {
        lock.lock()
        defer { lock.unlock() }
        return done.map { $0?.outcome ?? Self.notMade }
    }
}

/// Values the workers of a batch only read, handed to them across threads.
private final class SharedWithWorkers<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
