import BriefingContent
import BriefingEditions
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// `generate --deliver FILE`: one PDF per audience in one process (the template, fonts and
/// measured text shared by the pipeline), each under the run contract beside the main output
/// as `NAME-AUDIENCE.pdf` with its own editions, then mailed to its recipients.
///
/// Exactly once, even when the whole process group is killed: an audience's edition and
/// every recipient's queued message (spooled to `.briefing/NAME-AUDIENCE.pdf/outbox/`) are
/// recorded in one transaction before anything is sent; each message then goes through a
/// sender of its own (`MailSender`) that outlives the run, and whatever a killed run left
/// `sending` is resolved by the next run or retry from what the sender reported. One lock
/// per output (`DeliveryLock`) keeps runs and retries from sending at the same time.
public struct DeliveryRun {
    public var plan: DeliveryPlan
    /// The main output: audiences' PDFs are written beside it.
    public var output: URL
    /// The contract for an audience's output (the caller's `--keep`, limits and program).
    public var contract: (URL) -> RunContract
    public var now: () -> Date = Date.init
    /// False when sendmail is missing or another delivery holds the lock: the deliveries
    /// are queued for `outbox --retry` and none is attempted.
    public var sendNow = true
    /// When the mail phase must end (the run's `--timeout`); a sender still at work then
    /// is left to finish on its own, its delivery `sending` for the next run to resolve.
    public var deadline: Date = .distantFuture

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
        var run = self
        // Waits for a retry that is sending (it ends within its senders' deadlines); if it
        // does not end in time, the queue is recorded and left to the retry job.
        let lock = DeliveryLock.acquire(for: output, waiting: min(plan.sendTimeout * 2 + 30, max(0, deadline.timeIntervalSinceNow)))
        defer { withExtendedLifetime(lock) {} }
        if lock == nil { run.sendNow = false }
        // Each audience's senders are started and the next audience is made while they work
        // (a sender is a shell, `timeout` and sendmail: about 20 ms even for a local relay);
        // they are waited for, and their results recorded, once every audience is made, or
        // when more than `sendersAtOnce` would be at work.
        var made: [(audience: String, outcome: RunContract.Outcome, mail: Mailing?)] = []
        var senders = Senders(limit: Self.sendersAtOnce)
        do {
            for audience in plan.audiences {
                var audienceRequest = request
                audienceRequest.sections = audience.sections
                audienceRequest.skip = audience.skip
                let target = Self.output(for: audience.id, beside: output)
                let queue = AudienceQueue(run: run, audience: audience, target: target)
                let outcome = try contract(target).run(audienceRequest, pipeline: pipeline, exitCode: exitCode, companion: queue)
                var mailing: Mailing?
                if let edition = outcome.edition {
                    mailing = try run.deliver(audience, edition: edition, target: target, locked: lock != nil, senders: &senders)
                }
                made.append((audience.id, outcome, mailing))
                if let made = outcome.made {
                    let event = DeliveryEvent(
                        status: .success, output: target, audience: audience.id, edition: outcome.edition,
                        changes: made.loaded.changes?.entries.count)
                    for line in plan.announce(event) { try log(RunState(output: target), line) }
                }
            }
        } catch {
            // A run that stops still records what the senders it started report.
            _ = try? senders.finishAll(run)
            throw error
        }
        let finished = try senders.finishAll(run)
        return try made.map { audience, outcome, mailing in
            guard let mailing else { return AudienceResult(audience: audience, outcome: outcome, deliveries: []) }
            let deliveries = mailing.deliveries.map { finished[Sent($0)] ?? $0 }
            if let edition = mailing.edition {
                let counts = Dictionary(grouping: deliveries, by: \.state).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
                try log(mailing.state, "delivery: \(audience): edition \(edition): \(counts.joined(separator: ", "))")
            }
            return AudienceResult(audience: audience, outcome: outcome, deliveries: deliveries)
        }
    }

    /// How many senders may be at work at once: enough to overlap sending with making the
    /// next audience, few enough that a plan of many recipients does not start a sendmail
    /// for each at the same moment.
    static let sendersAtOnce = 4

    /// A run that failed (other than 75: another run is at work) or whose claims need review,
    /// passed to every channel (the owner's mail, `on_failure`); the lines go to the main
    /// output's log, or to the temporary folder's if its state folder cannot be written.
    /// - Parameter command: what reproduces the run, for the owner.
    public static func reportFailure(_ error: Error, code: Int32, needsReview: Bool, plan: DeliveryPlan, output: URL, command: String) {
        guard code != 75 else { return }
        let event = DeliveryEvent(
            status: needsReview ? .needsReview : .failed, output: output, error: "\(error)", exitCode: code, command: command)
        let state = RunState(output: output)
        for line in plan.announce(event) {
            try? FileManager.default.createDirectory(at: state.folder, withIntermediateDirectories: true)
            try? RunLog.append("\(RunManifest.timestamp(Date())) \(line)", to: state.log)
        }
    }

    // MARK: - Queue, in the edition's transaction

    /// The audience's deliveries of a new edition, made before it is recorded: one message a
    /// recipient, spooled; with `when: changed` and nothing this audience reads changed since
    /// the last edition it was sent, skipped for every recipient that edition reached.
    func queue(_ audience: DeliveryPlan.Audience, made: BriefingOutput, edition: Edition, target: URL) throws -> EditionExtras {
        let state = RunState(output: target)
        let records = try DeliveryRecords.open(state.editions)
        let stamp = RunManifest.timestamp(now())
        let digest = ReaderDigest.of(made)
        let recipients = audience.recipients
        let storeID = try records.store.identity()
        func messageID(_ recipient: MailAddress) -> String { self.messageID(edition, audience, recipient, store: storeID) }

        // With `when: changed` and nothing this audience reads changed, only recipients
        // whose latest edition reads otherwise are sent this one (an address added since,
        // or one that was out of the audience when it last changed).
        func readsAsThis(_ other: Edition) -> Bool {
            other.readerDigest.isEmpty ? other.inputDigest == edition.inputDigest : other.readerDigest == digest
        }
        var sendTo = recipients
        var skipped: [Delivery] = []
        // Each reader's latest edition counts, sent or refused for good: an audience whose
        // only reader refused is not sent the same edition again each run, as one with
        // other readers is not.
        let latest = plan.when == .changed ? try records.latestTried(audience: audience.id) : [:]
        let current = recipients.filter { latest[$0.address.lowercased()].map(readsAsThis) ?? false }
        if !current.isEmpty {
            let currentAddresses = Set(current.map(\.address))
            sendTo = recipients.filter { !currentAddresses.contains($0.address) }
            skipped = try current.map { recipient in
                let since = latest[recipient.address.lowercased()]?.number ?? edition.number
                // A reader who refused that edition for good did not get it: say so, rather
                // than "unchanged since" an edition they never read.
                let refused = try records.tried(edition: since, audience: audience.id, recipient: recipient.address)
                    .flatMap { $0.state == .failedPermanent ? $0.lastError : nil }
                return Delivery(
                    edition: edition.number, audience: audience.id, recipient: recipient.address,
                    messageID: messageID(recipient),
                    state: .skippedUnchanged,
                    lastError: refused.map {
                        "nothing it reads changed since edition \(since), which was refused (\($0)); not tried again until it changes"
                    } ?? "nothing it reads changed since edition \(since)",
                    queued: stamp,
                    updated: stamp)
            }
            if sendTo.isEmpty { return .init(readerDigest: digest, rows: [QueuedDeliveries(deliveries: skipped)]) }
        }

        // The PDF, when the run makes one (`--format html` alone makes only the HTML edition).
        let pdf = made.loaded.request.format == .pdf ? made.files[0] : made.also.first { $0.format == .pdf }?.data
        let request = made.loaded.request
        let web =
            request.format == .html
            ? target.lastPathComponent : request.alsoFormats.contains(.html) ? OutputFormat.html.path(beside: target.lastPathComponent) : nil
        var attach = plan.attach && pdf != nil
        if attach, let pdf, pdf.count > plan.maxAttachmentBytes {
            guard plan.link != nil else {
                throw InputError(
                    kind: .invalidData, plan.attachLocation,
                    "the \(audience.id) briefing is \(Notice.size(pdf.count)), over the attachment limit of \(Notice.size(plan.maxAttachmentBytes)), and no link is configured",
                    hint: "raise max_attachment_mb, or add link: https://... where readers find the PDF")
            }
            attach = false
        }
        var notice = Notice(
            document: made.document, changes: made.loaded.changes, edition: edition.number, audience: audience.name ?? audience.id,
            attachment: attach ? (target.lastPathComponent, made.pageCount, pdf?.count ?? 0) : nil, link: plan.link)
        notice.linkName = pdf == nil ? nil : target.lastPathComponent
        notice.webEdition = web

        let outbox = state.folder.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let attachment =
            attach ? pdf.map { MIMEMessage.Attachment(name: target.lastPathComponent, type: OutputFormat.pdf.mediaType, data: $0) } : nil
        let (subject, text, html) = (notice.subject(prefix: audience.subjectPrefix), notice.text, notice.html)
        let queued = try sendTo.map { recipient in
            let id = messageID(recipient)
            var message = MIMEMessage(
                from: plan.from, to: audience.to, cc: audience.cc, subject: subject, date: now(), messageID: id, text: text, html: html,
                attachment: attachment)
            message.extraHeaders = [("Auto-Submitted", "auto-generated"), ("X-Briefing-Edition", "\(edition.number) (\(audience.id))")]
            let file = outbox.appendingPathComponent("\(edition.number)-\(audience.id)-\(Self.digest(recipient.address)).eml")
            // Whole or not at all, and a full disk is 73 with the file named, not a Foundation code.
            try AtomicFile.publish(message.bytes, to: file)
            return Delivery(
                edition: edition.number, audience: audience.id, recipient: recipient.address, messageID: id, state: .queued,
                queued: stamp, updated: stamp, nextAttempt: stamp, message: "outbox/\(file.lastPathComponent)")
        }
        return .init(readerDigest: digest, rows: [QueuedDeliveries(deliveries: skipped + queued)])
    }

    // MARK: - Send

    /// An audience's deliveries of one edition as the run started them: each delivery as it
    /// stood, its final state found by `Senders.finishAll`. `edition` is set when the count
    /// of what became of them is still to be logged.
    struct Mailing {
        var deliveries: [Delivery]
        var state: RunState
        var edition: Int?
    }

    /// Starts sending the new edition's queue (after settling what an earlier run left
    /// `sending`).
    private func deliver(
        _ audience: DeliveryPlan.Audience, edition: Int, target: URL, locked: Bool, senders: inout Senders
    ) throws -> Mailing {
        let state = RunState(output: target)
        let records = try DeliveryRecords.open(state.editions)
        let queue = try records.all().filter { $0.edition == edition }
        if queue.allSatisfy({ $0.state == .skippedUnchanged }) {
            try log(state, "delivery: \(audience.id): nothing it reads changed since the last edition each reader was sent or refused; nothing sent")
            return Mailing(deliveries: queue, state: state)
        }
        guard sendNow else {
            let why = locked ? "sendmail is missing" : "another delivery is in progress"
            try log(state, "delivery: \(audience.id): edition \(edition): \(queue.count) queued, \(why)")
            return Mailing(deliveries: queue, state: state)
        }
        _ = try settle(records, state: state)
        var started: [Delivery] = []
        for delivery in queue {
            try senders.makeRoom(self)
            switch try begin(delivery, records: records, state: state) {
            case .done(let done): started.append(done)
            case .sending(let sending):
                started.append(sending.delivery)
                senders.add(sending)
            }
        }
        return Mailing(deliveries: started, state: state, edition: edition)
    }

    /// A delivery whose sender was started and not yet waited for.
    struct Sending {
        var delivery: Delivery
        let started: MailSender.Started
        let records: DeliveryRecords
        let sender: MailSender
    }

    /// What starting a delivery came to: left as it was or finished at once, or a sender
    /// at work.
    enum Begun {
        case done(Delivery)
        case sending(Sending)
    }

    /// A delivery's identity among everything one run sends.
    struct Sent: Hashable {
        let edition: Int
        let audience: String
        let recipient: String

        init(_ delivery: Delivery) {
            edition = delivery.edition
            audience = delivery.audience
            recipient = delivery.recipient
        }
    }

    /// The senders a run has started, waited for oldest first.
    struct Senders {
        let limit: Int
        private var working: [Sending] = []
        private(set) var finished: [Sent: Delivery] = [:]

        init(limit: Int) { self.limit = limit }

        /// Waits for the oldest senders until fewer than `limit` are at work: called before
        /// another is started.
        mutating func makeRoom(_ run: DeliveryRun) throws {
            while working.count >= limit {
                let oldest = working.removeFirst()
                let done = try run.complete(oldest)
                finished[Sent(done)] = done
            }
        }

        mutating func add(_ sending: Sending) {
            working.append(sending)
        }

        /// Waits for every sender still at work; every delivery they finished, by key.
        mutating func finishAll(_ run: DeliveryRun) throws -> [Sent: Delivery] {
            while !working.isEmpty {
                let oldest = working.removeFirst()
                let done = try run.complete(oldest)
                finished[Sent(done)] = done
            }
            return finished
        }
    }

    /// Sends one queued delivery: its lock taken, `sending` on disk, then the sender started;
    /// the result recorded when it reports. Any other state, or a lock another sender holds,
    /// leaves it as it is. Called with the output's delivery lock held.
    public func send(_ delivery: Delivery, records: DeliveryRecords, state: RunState) throws -> Delivery {
        switch try begin(delivery, records: records, state: state) {
        case .done(let done): return done
        case .sending(let sending): return try complete(sending)
        }
    }

    /// Waits for a started sender and records what it reports; a sender still at work at
    /// its deadline leaves the delivery `sending` for the next run to resolve.
    func complete(_ sending: Sending) throws -> Delivery {
        guard let result = sending.sender.finish(sending.started) else { return sending.delivery }
        return try record(result, for: sending.delivery, records: sending.records, files: sending.started.files)
    }

    /// All of `send` up to the sender started.
    func begin(_ delivery: Delivery, records: DeliveryRecords, state: RunState) throws -> Begun {
        guard delivery.state == .queued || delivery.state == .failedTemporary else { return .done(delivery) }
        // Past the run's --timeout nothing more is started: the rest waits, queued, for the retry.
        guard deadline.timeIntervalSinceNow >= 1 else { return .done(delivery) }
        let sender = MailSender(sendmail: plan.sendmailProgram, folder: state.folder)
        let files = sender.files(delivery)
        guard let descriptor = sender.lock(files) else { return .done(delivery) }
        // Read again under the message's lock: another run may have sent it meanwhile.
        guard var current = try records.delivery(edition: delivery.edition, audience: delivery.audience, recipient: delivery.recipient),
            current.state == .queued || current.state == .failedTemporary
        else {
            close(descriptor)
            return .done(
                try records.delivery(edition: delivery.edition, audience: delivery.audience, recipient: delivery.recipient) ?? delivery)
        }
        // A retry that a newer edition overtook (sent to the reader meanwhile) is dropped:
        // an older edition arriving after a newer one would read as the latest.
        if let newer = try records.newerSent(than: current.edition, audience: current.audience, recipient: current.recipient) {
            current.state = .superseded
            current.lastError = "edition \(newer) was sent first; this older one is not sent"
            current.updated = RunManifest.timestamp(now())
            try records.save(current)
            close(descriptor)
            files.removeTraces()
            unlink(files.message.path)
            return .done(current)
        }
        current.state = .sending
        current.attempts += 1
        current.updated = RunManifest.timestamp(now())
        do {
            try records.save(current)
        } catch {
            close(descriptor)
            throw error
        }
        switch sender.start(files, holding: descriptor, from: plan.from.address, to: delivery.recipient, deadline: deadline) {
        case .finished(let result): return .done(try record(result, for: current, records: records, files: files))
        case .started(let started): return .sending(Sending(delivery: current, started: started, records: records, sender: sender))
        }
    }

    /// What became of every `sending` delivery of an audience that no run is watching: the
    /// sender's report recorded, a message sendmail never got queued again, one whose sender
    /// was stopped while sendmail had it marked `unconfirmed`. Messages no delivery waits for
    /// any more are removed. Returns the deliveries it settled.
    @discardableResult
    public func settle(_ records: DeliveryRecords, state: RunState) throws -> [Delivery] {
        let sender = MailSender(sendmail: plan.sendmailProgram, folder: state.folder)
        var settled: [Delivery] = []
        let all = try records.all()
        for delivery in all where delivery.state == .sending {
            var current = delivery
            switch sender.resolve(delivery) {
            case .inProgress: continue
            case .finished(let result):
                settled.append(try record(result, for: delivery, records: records, files: sender.files(delivery)))
                continue
            case .neverStarted:
                current.state = .queued
                current.lastError = "the run stopped before sendmail got it; queued again"
            case .unconfirmed:
                current.state = .unconfirmed
                current.lastError =
                    "the sender stopped while sendmail had the message; look for Message-ID <\(delivery.messageID)> in the relay's log"
            }
            current.updated = RunManifest.timestamp(now())
            try records.save(current)
            sender.files(delivery).removeTraces()
            settled.append(current)
        }
        removeUnused(all: try records.all(), outbox: state.folder.appendingPathComponent("outbox"))
        return settled
    }

    private func record(_ result: Sendmail.Result, for delivery: Delivery, records: DeliveryRecords, files: MailSender.Files) throws
        -> Delivery
    {
        var current = delivery
        let time = now()
        current.updated = RunManifest.timestamp(time)
        // Only a message still waiting has a next attempt.
        current.nextAttempt = ""
        switch result {
        case .sent:
            current.state = .sent
            current.lastError = ""
        case .temporary(let error):
            current.state = .failedTemporary
            current.lastError = error
            current.nextAttempt = RunManifest.timestamp(
                time.addingTimeInterval(Self.backoff(attempts: current.attempts, cap: plan.retryCap)))
        case .permanent(let error):
            current.state = .failedPermanent
            current.lastError = error
        }
        try records.save(current)
        files.removeTraces()
        if current.state == .sent || current.state == .failedPermanent { unlink(files.message.path) }
        return current
    }

    /// Spooled messages (and their traces) that no queued, sending or temporarily failed
    /// delivery names: left by a run killed before its edition was recorded, or by a store
    /// moved aside.
    private func removeUnused(all: [Delivery], outbox: URL) {
        let waiting = Set(
            all.filter { [.queued, .sending, .failedTemporary].contains($0.state) }.map {
                URL(fileURLWithPath: $0.message).deletingPathExtension().lastPathComponent
            })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? [] {
            let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            guard !waiting.contains(stem),
                ["eml", "lock", "started", "result", "err", "tmp"].contains(URL(fileURLWithPath: name).pathExtension)
            else { continue }
            let files = MailSender.Files(message: outbox.appendingPathComponent(stem + ".eml"))
            // A sender of a message no delivery names would still hold its lock.
            let descriptor = open(files.lock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            unlink(files.message.path)
            files.removeTraces()
        }
    }

    /// Minutes before retry N: 1, 2, 4, 8, then every 10 (the plan's cap); the retry job
    /// runs every minute, so each wait is kept to the minute.
    public static func backoff(attempts: Int, cap: TimeInterval = 600) -> TimeInterval {
        min(cap, 60 * pow(2, Double(max(0, min(attempts, 20) - 1))))
    }

    /// `<briefing.e12.defence.3f9a1c2e.5d0c7a91.a41b9e07.0b7c41d2@example.org>` without the
    /// brackets: the edition, audience and recipient, the output's identity, the edition's
    /// content and the store's random identity, so two briefings, or a store begun again,
    /// never reuse an id (mail systems drop what they take for duplicates). Stable for a
    /// resend of the same message.
    func messageID(_ edition: Edition, _ audience: DeliveryPlan.Audience, _ recipient: MailAddress, store: String) -> String {
        let outputID = Self.digest(output.path)
        return
            "briefing.e\(edition.number).\(audience.id).\(Self.digest(recipient.address)).\(outputID.prefix(8)).\(edition.outputSHA256.prefix(8)).\(store.prefix(8))@\(plan.from.domain)"
    }

    static func digest(_ text: String) -> String {
        String(InputDigest.sha256(of: Data(text.lowercased().utf8)).prefix(12))
    }

    private func log(_ state: RunState, _ text: String) throws {
        try RunLog.append("\(RunManifest.timestamp(now())) \(text)", to: state.log)
    }
}

/// An audience's mail, queued in its edition's transaction (`DeliveryRun.queue`).
private struct AudienceQueue: EditionCompanion {
    let run: DeliveryRun
    let audience: DeliveryPlan.Audience
    let target: URL

    func extras(for made: BriefingOutput, edition: Edition) throws -> EditionExtras {
        try run.queue(audience, made: made, edition: edition, target: target)
    }
}
