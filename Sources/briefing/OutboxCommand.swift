import ArgumentParser
import BriefingDelivery
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// `briefing outbox`: the mail of every audience beside an output that is not settled, and
/// with `--retry` the resending of what a relay could not take (cron runs it every minute
/// for a job that delivers).
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show undelivered mail of an output's audiences; with --retry, resend what is due.",
        discussion: """
            States: queued, sending (a sender is at work; a stopped run's are settled by the next run or retry from what their \
            sender reported), sent, skipped-unchanged, failed-temporary (retried after 1, 2, 4 and 8 minutes, then \
            every 10, by the job's retry line, which cron runs every minute), failed-permanent (refused, or given up after 24 hours), unconfirmed (the sender was stopped \
            while sendmail had the message: not resent; look its Message-ID up in the relay's log). Exit status: 0; 64 usage; \
            65/66 for the delivery file; 69 if a retry was refused; 75 when a run or another retry is sending.
            """)

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The main output the audiences' PDFs sit beside.", valueName: "file"), completion: .file())
    var output: String = Generate.defaultOutput

    @Option(
        name: .long, help: ArgumentHelp("The delivery file (needed for --retry: sender and sendmail).", valueName: "file"),
        completion: .file())
    var deliver: String?

    @Flag(name: .long, help: "Resend queued and temporarily failed messages whose backoff has passed.")
    var retry = false

    @Flag(name: .long, help: "With --retry: ignore the backoff (after fixing the relay).")
    var now = false

    @Flag(name: .long, help: "List sent and skipped messages too.")
    var all = false

    @Option(name: .long, help: "text or json.")
    var format: EditionsCommand.ListFormat = .text

    @Flag(name: .shortAndLong, help: "Print nothing unless something was resent or failed.")
    var quiet = false

    /// One output, which has run: an `--output` pattern of a batch, or a path no run has
    /// made, said "the outbox is empty" while a row's mail waited elsewhere.
    static func checkOutput(_ output: String) throws {
        if output.contains("{"), output.contains("}"), !FileManager.default.fileExists(atPath: output) {
            throw InputErrorFactory.usage(
                "--output", "outbox looks at one output, not a batch's pattern: \(output)",
                hint: "give one row's file (out/Nepal.pdf); a scheduled batch's retry line (run-job NAME --outbox) looks at every row's")
        }
        let state = RunState(output: URL(fileURLWithPath: output)).folder
        guard FileManager.default.fileExists(atPath: state.path) else {
            throw InputError(
                kind: .missingInput, SourceLocation.argument("--output"),
                "no run has made \(output): there is no \(DisplayPath.of(state)) beside it",
                hint: "give the --output the briefing was generated with")
        }
    }

    func run() throws {
        do {
            if retry && deliver == nil {
                throw InputErrorFactory.usage("--retry", "--retry needs --deliver FILE (the sender and sendmail to use)")
            }
            try Self.checkOutput(output)
            let plan = try deliver.map { try DeliveryPlanDecoder.load(URL(fileURLWithPath: $0)) }
            let outbox = Outbox(output: URL(fileURLWithPath: output), plan: plan)
            if retry {
                let results: [Delivery]
                do {
                    results = try outbox.retry(ignoringBackoff: now)
                } catch let busy as DeliveryBusy where quiet {
                    // The retry job fires every minute; a run sending meanwhile is no news.
                    throw ExitCode(ExitStatus.code(for: busy))
                }
                if !quiet || !results.isEmpty { print(lines(results).joined(separator: "\n")) }
                if let refused = results.first(where: { $0.state == .failedPermanent }) {
                    throw OutputError(message: "\(refused.recipient): \(refused.lastError)", kind: .unavailable)
                }
                return
            }
            let entries = try outbox.entries(all: all)
            // An edition that reached nobody is part of what is not delivered.
            for (audience, edition) in try outbox.undelivered() where format == .text {
                print("edition \(edition.number)  \(audience)  no delivery was recorded for it (made \(edition.generated))")
            }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            case .text:
                if entries.isEmpty {
                    if !quiet { print(all ? "no deliveries recorded" : "the outbox is empty: every message is settled") }
                } else {
                    print(lines(entries).joined(separator: "\n"))
                }
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    private func lines(_ deliveries: [Delivery]) -> [String] {
        if deliveries.isEmpty { return ["nothing due"] }
        return deliveries.map { delivery in
            var line = "edition \(delivery.edition)  \(delivery.audience)  \(delivery.recipient)  \(delivery.state.rawValue)"
            line += "  attempts \(delivery.attempts)"
            if delivery.state == .failedTemporary || delivery.state == .queued, !delivery.nextAttempt.isEmpty {
                line += "  next \(delivery.nextAttempt)"
            }
            if !delivery.lastError.isEmpty { line += "  (\(delivery.lastError))" }
            if delivery.state == .sending { line += "  (a sender is at work; the next run or retry records what it reports)" }
            return line
        }
    }
}
