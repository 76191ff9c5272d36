import BriefingEditions
import Foundation
import GRDB
import Testing

@testable import BriefingDelivery

/// Delivery's rows live in the edition store but belong to delivery: a store written before
/// the split (its "v4: deliveries" between the store's own migrations) opens with its
/// deliveries, a new store gets the table when delivery first adopts it, and an edition with
/// its queue is still one transaction.
@Suite struct DeliveryRecordsTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func edition(_ day: Int) -> Edition {
        Edition(number: 0, printed: "2026-11-\(day)", generated: "g", inputDigest: "i\(day)", outputSHA256: "o", sections: "a", pages: 1)
    }

    /// `Tests/Fixtures/stores/before-split.sqlite`: two editions of the default briefing for an
    /// audience `desk` (the first sent, the second skipped as unchanged), written by
    /// `generate --deliver` of the build before delivery owned its table (ec84882).
    @Test func aStoreWrittenBeforeTheSplitKeepsItsDeliveries() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("editions.sqlite")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stores/before-split.sqlite")
        try FileManager.default.copyItem(at: fixture, to: url)

        let records = try DeliveryRecords(EditionStore(url: url))
        let before = try records.all()
        #expect(before.count == 2 && Set(before.map(\.edition)) == [1, 2])
        #expect(before.map(\.state) == [.skippedUnchanged, .sent])
        #expect(try records.lastSentEdition(audience: "desk")?.number == 1)
        #expect(try records.store.facts(edition: 2).count == 83)
        // The next edition and its queue go on from there, in one transaction.
        var queued = before[0]
        queued.edition = 3
        queued.state = .queued
        #expect(try records.store.record(edition(30), facts: [], alongside: [QueuedDeliveries(deliveries: [queued])]) == 3)
        #expect(try records.all().map(\.edition) == [3, 2, 1])
        #expect(try records.store.integrity() == "ok")
    }

    @Test func aNewStoreGetsTheTableWhenDeliveryAdoptsIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("editions.sqlite")
        // Made by a run without delivery: no delivery table yet.
        let store = try EditionStore(url: url)
        try store.record(edition(23), facts: [])
        let tables = try store.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("delivery"))

        let records = try DeliveryRecords(store)
        #expect(try records.all().isEmpty)
        let delivery = Delivery(
            edition: 2, audience: "desk", recipient: "a@example.org", messageID: "m", state: .queued, queued: "q", updated: "q")
        #expect(try store.record(edition(30), facts: [], alongside: [QueuedDeliveries(deliveries: [delivery])]) == 2)
        #expect(try records.delivery(edition: 2, audience: "desk", recipient: "a@example.org") == delivery)
    }

    /// A queue made for another number (the run lock not held) is refused with the edition.
    @Test func aQueueForAnotherEditionIsRefusedWithIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try DeliveryRecords(EditionStore(url: folder.appendingPathComponent("editions.sqlite")))
        let stale = Delivery(
            edition: 7, audience: "desk", recipient: "a@example.org", messageID: "m", state: .queued, queued: "q", updated: "q")
        #expect(throws: (any Error).self) {
            try records.store.record(edition(23), facts: [], alongside: [QueuedDeliveries(deliveries: [stale])])
        }
        #expect(try records.store.editions().isEmpty && records.all().isEmpty)
    }
}
