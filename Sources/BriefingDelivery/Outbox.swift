import BriefingEditions
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// The deliveries of every audience beside an output, for `briefing outbox`: what is
/// queued, what failed and why, and retries of what may be retried.
/// Another run or retry is sending this output's mail: try again later (75).
public struct DeliveryBusy: KindedFailure, CustomStringConvertible {
    public var output: URL
    public var failureKind: FailureKind { .tryAgain }
    public var description: String { "another run or retry is sending the mail of \(output.path); nothing was done" }
}

public struct Outbox {
    public var output: URL
    public var plan: DeliveryPlan?

    public init(output: URL, plan: DeliveryPlan?) {
        self.output = output.standardizedFileURL
        self.plan = plan
    }

    /// An audience's output and its delivery records.
    public struct Audience {
        public var id: String
        public var state: RunState
        public var records: DeliveryRecords
    }

    /// The audiences with an edition store: the plan's, or without one every
    /// `NAME-AUDIENCE.pdf` state folder beside the output.
    public func audiences() throws -> [Audience] {
        let stem = output.deletingPathExtension().lastPathComponent
        let ext = output.pathExtension.isEmpty ? "pdf" : output.pathExtension
        let ids: [String]
        if let plan {
            ids = plan.audiences.map(\.id)
        } else {
            let folder = output.deletingLastPathComponent().appendingPathComponent(RunState.folderName)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            ids = names.filter { $0.hasPrefix(stem + "-") && $0.hasSuffix("." + ext) }
                .map { String($0.dropFirst(stem.count + 1).dropLast(ext.count + 1)) }.sorted()
        }
        return try ids.compactMap { id in
            let state = RunState(output: DeliveryRun.output(for: id, beside: output))
            guard FileManager.default.fileExists(atPath: state.editions.path) else { return nil }
            return Audience(id: id, state: state, records: try DeliveryRecords.open(state.editions))
        }
    }

    /// Every delivery not yet settled (queued, sending, failed-temporary) or that needs a
    /// person (unconfirmed), and with `all` the sent, skipped and given-up ones too.
    public func entries(all: Bool = false) throws -> [Delivery] {
        let open: Set<Delivery.State> = [.queued, .sending, .failedTemporary, .unconfirmed]
        return try audiences().flatMap { try $0.records.all() }.filter { all || open.contains($0.state) }
    }

    /// Editions an audience recorded without a delivery for them (a store written by an
    /// earlier version, whose run was stopped between the two): nobody was sent them.
    public func undelivered() throws -> [(audience: String, edition: Edition)] {
        try audiences().flatMap { audience in
            let delivered = Set(try audience.records.all().map(\.edition))
            return try audience.records.store.editions().filter { !delivered.contains($0.number) }.map { (audience.id, $0) }
        }
    }

    /// Settles what a stopped run left `sending` (from what its sender reported), then sends
    /// what is due: queued and temporarily failed deliveries whose backoff has passed (or all
    /// of them with `ignoringBackoff`); gives up on those queued longer than the plan allows.
    /// Holds the output's delivery lock: a retry never overlaps a run or another retry that
    /// is sending (`DeliveryBusy`, 75).
    public func retry(now: Date = Date(), ignoringBackoff: Bool = false) throws -> [Delivery] {
        guard let plan else { return [] }
        guard let lock = DeliveryLock.acquire(for: output) else { throw DeliveryBusy(output: output) }
        defer { withExtendedLifetime(lock) {} }
        var results: [Delivery] = []
        for audience in try audiences() {
            var run = DeliveryRun(plan: plan, output: output) { RunContract(output: $0, program: "") }
            run.now = { now }
            results += try run.settle(audience.records, state: audience.state).filter { $0.state != .queued }
            for delivery in try audience.records.all() where delivery.state == .queued || delivery.state == .failedTemporary {
                if let queued = RunManifest.date(delivery.queued), now.timeIntervalSince(queued) > plan.giveUpAfter {
                    var given = delivery
                    given.state = .failedPermanent
                    given.lastError = "gave up after \(Int(plan.giveUpAfter / 3600)) h: \(delivery.lastError)"
                    given.updated = RunManifest.timestamp(now)
                    try audience.records.save(given)
                    results.append(given)
                    continue
                }
                if !ignoringBackoff, let next = RunManifest.date(delivery.nextAttempt), next > now { continue }
                results.append(try run.send(delivery, records: audience.records, state: audience.state))
            }
        }
        return results
    }
}
