import BriefingContent
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingSchedule
import Foundation

/// `generate --deliver FILE`: one PDF per audience in one process (the template, fonts and
/// measured text shared by the pipeline), each under the run contract beside the main output
/// as `NAME-AUDIENCE.pdf` with its own editions, then mailed to its recipients.
///
/// Every (edition, audience, recipient) is recorded in the audience's edition store before
/// anything is sent: queued (its message spooled to `.briefing/NAME-AUDIENCE.pdf/outbox/`),
/// then `sending` just before sendmail runs, then sent or failed. A run stopped at any point
/// leaves the rest queued for `briefing outbox --retry`, and never a message sent twice.
public struct DeliveryRun {
    public var plan: DeliveryPlan
    /// The main output: audiences' PDFs are written beside it.
    public var output: URL
    /// The contract for an audience's output (the caller's `--keep`, limits and program).
    public var contract: (URL) -> RunContract
    public var now: () -> Date = Date.init
    /// A pause after sendmail returns and before the result is recorded, for the test that
    /// stops a run there (`BRIEFING_TEST_DELIVERY_PAUSE`, seconds).
    public var pauseAfterSending: Double = 0
    /// False when sendmail is missing: the deliveries are queued for `outbox --retry` and
    /// none is attempted.
    public var sendNow = true

    public init(plan: DeliveryPlan, output: URL, contract: @escaping (URL) -> RunContract) {
        self.plan = plan
        self.output = output.standardizedFileURL
        self.contract = contract
    }

    /// What happened to one audience.
    public struct AudienceResult {
        public var audience: String
        public var outcome: RunContract.Outcome
        public var deliveries: [Delivery]
    }

    /// Where an audience's PDF goes: `output/briefing-defence.pdf` beside `output/briefing.pdf`.
    public static func output(for audience: String, beside main: URL) -> URL {
        let stem = main.deletingPathExtension().lastPathComponent
        let suffix = main.pathExtension.isEmpty ? "pdf" : main.pathExtension
        return main.deletingLastPathComponent().appendingPathComponent("\(stem)-\(audience).\(suffix)")
    }

    /// The plan against the template: every audience's sections exist. Checked before
    /// anything is made, errors at the delivery file's lines.
    public func check(_ template: Template) throws {
        var problems: [Diagnostic] = []
        for audience in plan.audiences {
            do {
                _ = try SectionSelection.resolve(only: audience.sections, skip: audience.skip, sections: template.spec.sections)
            } catch let error as InputError {
                let location = audience.sectionsLocation ?? audience.location
                problems += error.diagnostics.map {
                    Diagnostic(.error, at: location, "audience '\(audience.id)': \($0.message)", hints: $0.hints)
                }
            }
        }
        if !problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: problems) }
    }

    /// Makes and delivers every audience's briefing. Generation errors stop the run as they
    /// would without delivery; delivery problems are in the results (the caller decides the
    /// exit status), except a PDF too large to attach with no link, a data error.
    public func run(_ request: BriefingRequest, pipeline: Pipeline, exitCode: (Error) -> Int32) throws -> [AudienceResult] {
        var results: [AudienceResult] = []
        for audience in plan.audiences {
            var audienceRequest = request
            audienceRequest.sections = audience.sections
            audienceRequest.skip = audience.skip
            let target = Self.output(for: audience.id, beside: output)
            let outcome = try contract(target).run(audienceRequest, pipeline: pipeline, exitCode: exitCode)
            let deliveries = try deliver(audience, outcome, to: target)
            results.append(AudienceResult(audience: audience.id, outcome: outcome, deliveries: deliveries))
            if let made = outcome.made,
                let line = plan.hooks.run(
                    Hooks.Event(
                        output: target.path, edition: outcome.edition, status: "success", changes: made.loaded.changes?.entries.count,
                        audience: audience.id))
            {
                try log(RunState(output: target), line)
            }
        }
        return results
    }

    // MARK: - One audience

    private func deliver(_ audience: DeliveryPlan.Audience, _ outcome: RunContract.Outcome, to target: URL) throws -> [Delivery] {
        // Skipped by --if-changed, a draft, a stream: no new edition, nothing new to send.
        guard let made = outcome.made, let edition = outcome.edition else { return [] }
        let state = RunState(output: target)
        let store = try EditionStore.open(state.editions)
        let stamp = RunManifest.timestamp(now())
        let recipients = audience.recipients

        if plan.when == .changed, let last = try store.lastSentEdition(audience: audience.id),
            let current = try store.edition(String(edition)), last.inputDigest == current.inputDigest
        {
            let skipped = recipients.map { recipient in
                Delivery(
                    edition: edition, audience: audience.id, recipient: recipient.address,
                    messageID: messageID(edition, audience, recipient),
                    state: .skippedUnchanged, lastError: "unchanged since edition \(last.number)", queued: stamp, updated: stamp)
            }
            try skipped.forEach(store.save)
            try log(state, "delivery: \(audience.id): unchanged since edition \(last.number), nothing sent")
            return skipped
        }

        let pdf = made.files[0]
        var attach = plan.attach
        if attach, pdf.count > plan.maxAttachmentBytes {
            guard plan.link != nil else {
                throw InputError(
                    kind: .invalidData, plan.attachLocation,
                    "the \(audience.id) briefing is \(Notice.size(pdf.count)), over the attachment limit of \(Notice.size(plan.maxAttachmentBytes)), and no link is configured",
                    hint: "raise max_attachment_mb, or add link: https://... where readers find the PDF")
            }
            attach = false
        }
        var notice = Notice(
            document: made.document, changes: made.loaded.changes, edition: edition, audience: audience.name ?? audience.id,
            attachment: attach ? (target.lastPathComponent, made.pageCount, pdf.count) : nil, link: plan.link)
        notice.linkName = target.lastPathComponent

        // Queue every recipient (message spooled) before sending to any.
        let outbox = state.folder.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        var queue: [Delivery] = []
        let attachment = attach ? MIMEMessage.Attachment(name: target.lastPathComponent, type: "application/pdf", data: pdf) : nil
        let (subject, text, html) = (notice.subject(prefix: audience.subjectPrefix), notice.text, notice.html)
        for recipient in recipients {
            if let existing = try store.delivery(edition: edition, audience: audience.id, recipient: recipient.address) {
                queue.append(existing)  // recorded by an earlier attempt at this edition
                continue
            }
            let id = messageID(edition, audience, recipient)
            var message = MIMEMessage(
                from: plan.from, to: audience.to, cc: audience.cc, subject: subject, date: now(), messageID: id, text: text, html: html,
                attachment: attachment)
            message.extraHeaders = [("Auto-Submitted", "auto-generated"), ("X-Briefing-Edition", "\(edition) (\(audience.id))")]
            let file = outbox.appendingPathComponent("\(edition)-\(audience.id)-\(Self.digest(recipient.address)).eml")
            try message.bytes.write(to: file, options: .atomic)
            let delivery = Delivery(
                edition: edition, audience: audience.id, recipient: recipient.address, messageID: id, state: .queued, queued: stamp,
                updated: stamp, nextAttempt: stamp, message: "outbox/\(file.lastPathComponent)")
            try store.save(delivery)
            queue.append(delivery)
        }
        guard sendNow else {
            try log(state, "delivery: \(audience.id): edition \(edition): \(queue.count) queued, sendmail is missing")
            return queue
        }
        let sent = try queue.map { try send($0, store: store, state: state) }
        let counts = Dictionary(grouping: sent, by: \.state).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        try log(state, "delivery: \(audience.id): edition \(edition): \(counts.joined(separator: ", "))")
        return sent
    }

    /// Sends one queued delivery: `sending` is on disk before sendmail runs, the result after.
    /// Sent, skipped and `sending` ones (which may have gone out) are left as they are.
    public func send(_ delivery: Delivery, store: EditionStore, state: RunState) throws -> Delivery {
        guard delivery.state == .queued || delivery.state == .failedTemporary else { return delivery }
        var current = delivery
        current.state = .sending
        current.attempts += 1
        current.updated = RunManifest.timestamp(now())
        try store.save(current)
        let result = Sendmail(command: plan.sendmail).send(
            state.folder.appendingPathComponent(delivery.message), from: plan.from.address, to: delivery.recipient)
        if pauseAfterSending > 0 { Thread.sleep(forTimeInterval: pauseAfterSending) }
        let time = now()
        current.updated = RunManifest.timestamp(time)
        switch result {
        case .sent:
            current.state = .sent
            current.lastError = ""
            try? FileManager.default.removeItem(at: state.folder.appendingPathComponent(delivery.message))
        case .temporary(let error):
            current.state = .failedTemporary
            current.lastError = error
            current.nextAttempt = RunManifest.timestamp(
                time.addingTimeInterval(Self.backoff(attempts: current.attempts, cap: plan.retryCap)))
        case .permanent(let error):
            current.state = .failedPermanent
            current.lastError = error
        }
        try store.save(current)
        return current
    }

    /// Minutes before retry N: 1, 2, 4, 8, then every 10 (the plan's cap).
    public static func backoff(attempts: Int, cap: TimeInterval = 600) -> TimeInterval {
        min(cap, 60 * pow(2, Double(max(0, attempts - 1))))
    }

    /// `<briefing.e12.defence.3f9a1c2e@example.org>` without the brackets: stable for the
    /// edition, audience and recipient, so a resend is recognisably the same message.
    func messageID(_ edition: Int, _ audience: DeliveryPlan.Audience, _ recipient: MailAddress) -> String {
        "briefing.e\(edition).\(audience.id).\(Self.digest(recipient.address))@\(plan.from.domain)"
    }

    static func digest(_ text: String) -> String {
        String(InputDigest.sha256(of: Data(text.lowercased().utf8)).prefix(12))
    }

    private func log(_ state: RunState, _ text: String) throws {
        try RunLog.append("\(RunManifest.timestamp(now())) \(text)", to: state.log)
    }
}
