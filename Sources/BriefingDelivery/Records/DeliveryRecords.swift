import BriefingEditions
import Foundation
import GRDB

/// The deliveries of one output, in its edition store beside the editions (so an edition and
/// its queue are recorded in one transaction), in a table delivery owns: its migration is
/// here, and the store only adopts it.
public struct DeliveryRecords: Sendable {
    public let store: EditionStore

    /// Delivery's table. "v4" because it was the store's fourth migration before delivery
    /// owned it: stores written then have it applied under this identifier.
    static let part = StorePart(
        name: "delivery", tables: ["delivery"],
        migrations: [
            .init("v4: deliveries") { db in
                // Not tied to an edition's lifetime by a foreign key: pruning old editions must
                // not forget that their messages were sent.
                try db.create(table: "delivery") { table in
                    table.column("edition", .integer).notNull()
                    table.column("audience", .text).notNull()
                    table.column("recipient", .text).notNull()
                    table.column("messageID", .text).notNull()
                    table.column("state", .text).notNull()
                    table.column("attempts", .integer).notNull()
                    table.column("lastError", .text).notNull()
                    table.column("queued", .text).notNull()
                    table.column("updated", .text).notNull()
                    table.column("nextAttempt", .text).notNull()
                    table.column("message", .text).notNull()
                    table.primaryKey(["edition", "audience", "recipient"])
                }
            }
        ])

    /// The records in `store`, its delivery table made if it has none yet.
    public init(_ store: EditionStore) throws {
        try store.adopt(Self.part)
        self.store = store
    }

    /// The records in the edition store at `url` (opened once per process).
    public static func open(_ url: URL) throws -> DeliveryRecords {
        try DeliveryRecords(EditionStore.open(url))
    }

    /// Records a delivery (a new one, or a change of state), in its own transaction: the
    /// state is on disk before the next step (sending) begins.
    public func save(_ delivery: Delivery) throws {
        try store.write { db in try delivery.save(db) }
    }

    /// The delivery of an edition to a recipient, if any was recorded.
    public func delivery(edition: Int, audience: String, recipient: String) throws -> Delivery? {
        try store.read { db in
            try Delivery.filter(Column("edition") == edition && Column("audience") == audience && Column("recipient") == recipient)
                .fetchOne(db)
        }
    }

    /// Every delivery, newest edition first, then by audience and recipient.
    public func all() throws -> [Delivery] {
        try store.read { db in
            try Delivery.order(Column("edition").desc, Column("audience"), Column("recipient")).fetchAll(db)
        }
    }

    /// Each recipient's (lowercased) latest edition of an audience that was sent or tried
    /// for it: any delivery that was not skipped (sent, on its way, waiting for a retry,
    /// unconfirmed, or refused for good, which is not tried again until the briefing
    /// changes). With `when: changed`, a recipient whose latest edition reads as this one
    /// is skipped; anyone else (an address added since, or one that was out of the audience
    /// when it last changed) is sent it. Addresses compare without case, as the Message-ID's
    /// recipient hash does.
    public func latestTried(audience: String) throws -> [String: Edition] {
        try store.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT lower(recipient) AS recipient, MAX(edition) AS edition FROM delivery
                    WHERE audience = ? AND state != ? GROUP BY lower(recipient)
                    """,
                arguments: [audience, Delivery.State.skippedUnchanged.rawValue])
            var editions: [Int: Edition] = [:]
            var latest: [String: Edition] = [:]
            for row in rows {
                let number: Int = row["edition"]
                if editions[number] == nil { editions[number] = try Edition.fetchOne(db, key: number) }
                if let edition = editions[number] { latest[row["recipient"]] = edition }
            }
            return latest
        }
    }

    /// How `edition` of an audience went for `recipient` (compared without case), if it was
    /// queued for it: a reader skipped as unchanged is told apart from one who refused it.
    public func tried(edition: Int, audience: String, recipient: String) throws -> Delivery? {
        try store.read { db in
            try Delivery.fetchOne(
                db,
                sql: "SELECT * FROM delivery WHERE edition = ? AND audience = ? AND lower(recipient) = lower(?) AND state != ? LIMIT 1",
                arguments: [edition, audience, recipient, Delivery.State.skippedUnchanged.rawValue])
        }
    }

    /// The newest edition after `edition` of an audience that was sent to `recipient`
    /// (compared without case), if any: a retry of the older one is then superseded.
    public func newerSent(than edition: Int, audience: String, recipient: String) throws -> Int? {
        try store.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT MAX(edition) FROM delivery
                    WHERE audience = ? AND lower(recipient) = lower(?) AND edition > ? AND state = ?
                    """,
                arguments: [audience, recipient, edition, Delivery.State.sent.rawValue])
        }
    }

    /// The last edition sent to an audience (any recipient), for `when: changed`.
    public func lastSentEdition(audience: String) throws -> Edition? {
        try store.read { db in
            guard
                let number = try Int.fetchOne(
                    db, sql: "SELECT MAX(edition) FROM delivery WHERE audience = ? AND state = 'sent'", arguments: [audience])
            else { return nil }
            return try Edition.fetchOne(db, key: number)
        }
    }
}

/// A new edition's queue, written in the edition's transaction: every recipient's delivery
/// or none. Made before the edition is recorded, with the number it will get; a queue made
/// for another number is refused (the run lock was not held).
struct QueuedDeliveries: EditionRows {
    let deliveries: [Delivery]

    func insert(_ db: Database, edition: Int) throws {
        for delivery in deliveries {
            guard delivery.edition == edition else {
                throw DatabaseError(message: "a delivery queued for edition \(delivery.edition) while recording edition \(edition)")
            }
            try delivery.insert(db)
        }
    }
}
