import BriefingContent
import BriefingDelivery
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// `generate --deliver FILE`: the delivery file is read and checked against the template
/// before anything is made; after the main output, each audience's PDF is made and mailed.
/// The PDFs are published even when mail cannot go out; the exit status then says so.
final class Delivering {
    private let generate: Generate
    private let request: BriefingRequest
    private let pipeline: Pipeline
    private var delivery: DeliveryRun
    private var results: [DeliveryRun.AudienceResult] = []
    /// Why the run fails although every PDF was published (sendmail missing or refusing).
    private(set) var failure: Error?

    /// The delivery file, read before anything else: a file that does not load has nobody
    /// to tell but the caller (and the output's record).
    static func plan(file: String, formats: [OutputFormat], parameters: [String: String]) throws -> DeliveryPlan {
        guard let refused = formats.first(where: { !$0.isDelivered }) else {
            let plan = try DeliveryPlanDecoder.load(URL(fileURLWithPath: file), parameters: parameters)
            if !formats.contains(.pdf), plan.link == nil {
                throw InputError(
                    kind: .invalidData, SourceLocation(file: plan.file),
                    "with --format html the mail links each audience's HTML edition, so the delivery file needs 'link:', the address readers open it at",
                    hint: "add link: https://... (the address of the output's folder), or make the PDF too: --format pdf,html")
            }
            return plan
        }
        throw InputErrorFactory.usage(
            "--deliver",
            "mails one PDF (and links one HTML edition) per audience: it cannot be used with --format \(refused.rawValue)")
    }

    /// Checks the delivery file against the template before anything is made: a template
    /// that does not load, or an audience naming a section it no longer has, fails the run
    /// (and mails the owner, who can fix either).
    init(plan: DeliveryPlan, request: BriefingRequest, generate: Generate, pipeline: Pipeline) throws {
        self.generate = generate
        self.request = request
        self.pipeline = pipeline
        let contract = generate.contract
        delivery = DeliveryRun(plan: plan, output: URL(fileURLWithPath: generate.output)) { contract.run(for: $0) }
        try delivery.check(try pipeline.load(request).template)
        // The mail phase ends with the run (--timeout, counted from the process's start).
        if let seconds = contract.timeout { delivery.deadline = Date().addingTimeInterval(seconds) }
        if Sendmail(command: plan.sendmail).executable() == nil {
            delivery.sendNow = false
            // The whole command, pasteable: `outbox --retry` needs the output and the file.
            let retry =
                ["briefing", "outbox", "--output", URL(fileURLWithPath: generate.output).path]
                + ["--deliver", URL(fileURLWithPath: generate.deliver ?? "").path, "--retry"]
            failure = InputError(
                kind: .missingInput, plan.sendmailLocation,
                "the sendmail program '\(plan.sendmail[0])' is \(Sendmail.whyNot(plan.sendmail[0])): the briefings were published and their mail queued",
                hint: "install one (Debian: apt-get install msmtp-mta) or set 'sendmail:', then run: "
                    + retry.map { $0.hasPrefix("/") ? ShellWord.quoted($0) : $0 }.joined(separator: " "))
        }
    }

    func run(beside output: URL) throws {
        delivery.output = output
        results = try delivery.run(request, pipeline: pipeline, exitCode: ExitStatus.code(for:))
        if failure == nil, let damage = results.lazy.compactMap(\.outcome.storeDamage).first { failure = damage }
        let refused = results.flatMap(\.deliveries).filter { $0.state == .failedPermanent }
        if failure == nil, let first = refused.first {
            failure = OutputError(
                message:
                    "\(refused.count) message(s) refused, e.g. to \(first.recipient): \(first.lastError); the briefings were published",
                kind: .unavailable)
        }
    }

    /// A run that failed (other than 75, try again) is passed to every channel of the
    /// delivery file: the owner's mail, `on_failure`.
    static func reportFailure(_ error: Error, code: Int32, plan: DeliveryPlan, output: URL) {
        // From the run's own folder: relative paths in it (and in the error) mean what they meant.
        let command =
            "cd \(quoted(FileManager.default.currentDirectoryPath)) && " + CommandLine.arguments.map(quoted).joined(separator: " ")
        DeliveryRun.reportFailure(
            error, code: code, needsReview: error is ClaimsNeedReview, plan: plan, output: output, command: command)
    }

    /// A word as a shell reads it back: quoted when it holds anything but safe characters.
    static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@+%")
        if !word.isEmpty, word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A line per audience: where its PDF went and what happened to its mail.
    func report() {
        guard !generate.quiet else { return }
        for result in results {
            let counts = Dictionary(grouping: result.deliveries, by: \.state).sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value.count) \($0.key.rawValue)" }
            let mail = counts.isEmpty ? "no new edition, nothing to send" : counts.joined(separator: ", ")
            let pages = result.outcome.pages > 0 ? " (\(result.outcome.pages) pages)" : ""
            Console.line("\(result.audience): \(result.outcome.path)\(pages): \(mail)")
        }
    }
}
