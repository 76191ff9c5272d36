import Foundation
import GRDB

/// The editions of one output, in an SQLite file in its state folder
/// (`output/.briefing/NAME/editions.sqlite`). Each publish records an edition with its whole
/// resolved fact base in one transaction: SQLite's journal makes a run killed at any point
/// leave the store readable with every earlier edition whole.
public final class EditionStore: Sendable {
    let database: DatabaseQueue
    public let url: URL
    let parts = AdoptedParts()

    /// How many editions are kept when `--keep` does not say: two years of weekly runs.
    public static let defaultKeep = 104

    /// The store at `url`, opened once per process: a run reads the last edition and then
    /// records its own, and opening (which checks the migrations) costs a few milliseconds.
    public static func open(_ url: URL) throws -> EditionStore {
        openLock.lock()
        defer { openLock.unlock() }
        if let entry = opened[url.path] { return entry.store }
        let store = try EditionStore(url: url)
        opened[url.path] = (store, ObjectIdentifier(Thread.current))
        return store
    }

    private static let openLock = NSLock()
    /// Each store with the thread that opened it: a batch's workers each close their own.
    nonisolated(unsafe) private static var opened: [String: (store: EditionStore, thread: ObjectIdentifier)] = [:]

    /// Closes every store this thread opened (a store still in use stays open until its user
    /// lets it go): a batch of a hundred outputs would otherwise hold a hundred databases and
    /// their page caches until it ends. Stores another worker of the batch opened stay: that
    /// worker may be in the middle of its row.
    public static func forgetOpened() {
        openLock.lock()
        defer { openLock.unlock() }
        let thread = ObjectIdentifier(Thread.current)
        opened = opened.filter { $0.value.thread != thread }
    }

    /// Drops the process's handle on a store about to be moved aside.
    static func forget(_ url: URL) {
        openLock.lock()
        defer { openLock.unlock() }
        opened[url.path] = nil
    }

    /// Opens (creating if missing), checks and migrates the store. A file that is not a
    /// sound SQLite store with this program's tables throws `EditionStoreDamaged` (never
    /// written to); a full disk `EditionStoreFull`.
    public init(url: URL) throws {
        self.url = url
        var info = stat()
        if lstat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw EditionStoreDamaged(store: url, reason: info.st_mode & S_IFMT == S_IFLNK ? "it is a link" : "it is not a regular file")
        }
        // SQLite takes an empty file for a new database; a store this program made never is
        // one (its first write creates the schema), so an empty one lost its history.
        if lstat(url.path, &info) == 0, info.st_size == 0 {
            throw EditionStoreDamaged(store: url, reason: "the file is empty")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        do {
            database = try DatabaseQueue(path: url.path, configuration: configuration)
            // PRAGMA quick_check reads every page but skips the index cross-checks: a few
            // milliseconds for a year of editions.
            let check = try database.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard check == ["ok"] else { throw EditionStoreDamaged(store: url, reason: check.prefix(2).joined(separator: "; ")) }
            // Checked with a read first: migrating an up-to-date store still writes (and syncs)
            // the migrations table, a few milliseconds a store and audience.
            let migrator = Self.migrator
            if try !database.read({ db in try migrator.hasCompletedMigrations(db) }) { try migrator.migrate(database) }
            let tables = try database.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            let missing = ["edition", "fact", "store"].filter { !tables.contains($0) }
            guard missing.isEmpty else { throw EditionStoreDamaged(store: url, reason: "no \(missing.joined(separator: ", ")) table") }
        } catch let error as DatabaseError {
            throw Self.classify(error, url)
        }
    }

    /// SQLite's errors in the terms a caller acts on: damage, a full disk, or as they are.
    static func classify(_ error: DatabaseError, _ url: URL) -> Error {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: EditionStoreDamaged(store: url, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_FULL: EditionStoreFull(store: url)
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            EditionStoreFull(store: url)
        default: error
        }
    }

    /// The schema, one migration per change, so a store written by an older version opens
    /// in a newer one. Never edit a migration that has shipped: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: editions and facts") { db in
            try db.create(table: "edition") { table in
                table.primaryKey("number", .integer)
                table.column("printed", .text).notNull()
                table.column("generated", .text).notNull()
                table.column("inputDigest", .text).notNull()
                table.column("outputSHA256", .text).notNull()
                table.column("sections", .text).notNull()
                table.column("pages", .integer).notNull()
            }
            try db.create(table: "fact") { table in
                table.column("edition", .integer).notNull().references("edition", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("label", .text).notNull()
                table.column("value", .double)
                table.column("text", .text).notNull()
                table.column("unit", .text).notNull()
                table.column("date", .text).notNull()
                table.column("sourceID", .text).notNull()
                table.column("sourceTitle", .text).notNull()
                table.column("confidence", .text).notNull()
                table.column("derived", .boolean).notNull()
                table.primaryKey(["edition", "key"])
            }
        }
        migrator.registerMigration("v2: run outcome and completeness") { db in
            try db.alter(table: "edition") { table in
                table.add(column: "outcome", .text).notNull().defaults(to: "success")
                table.add(column: "factCount", .integer).notNull().defaults(to: -1)
            }
            // Editions written before v2 are whole (their transaction committed): count them.
            try db.execute(sql: "UPDATE edition SET factCount = (SELECT COUNT(*) FROM fact WHERE fact.edition = edition.number)")
        }
        migrator.registerMigration("v3: where each value was read") { db in
            try db.alter(table: "fact") { table in table.add(column: "origin", .text).notNull().defaults(to: "") }
        }
        // "v4: deliveries" is delivery's own (`StorePart`, in BriefingDelivery): stores
        // written before the split list it here, in order, which GRDB accepts.
        migrator.registerMigration("v5: what an audience reads") { db in
            try db.alter(table: "edition") { table in table.add(column: "readerDigest", .text).notNull().defaults(to: "") }
        }
        migrator.registerMigration("v6: the store's identity") { db in
            // Random, once per store: a store begun again (after damage, or by hand) numbers
            // its editions from 1 again, and Message-IDs must not repeat with them.
            try db.create(table: "store") { table in table.column("identity", .text).notNull() }
            try db.execute(sql: "INSERT INTO store (identity) VALUES (?)", arguments: [UUID().uuidString.lowercased()])
        }
        return migrator
    }

    /// This store's random identity, made when it was created.
    public func identity() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "SELECT identity FROM store LIMIT 1") ?? "" }
    }

    /// The number the next recorded edition will get. Stable while the caller holds the
    /// output's run lock: numbers are never reused, even after pruning.
    public func nextNumber() throws -> Int {
        try database.read { db in (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM edition") ?? 0) + 1 }
    }

    /// Records a new edition with its facts and the rows recorded alongside it (delivery's
    /// queue), and prunes the oldest editions beyond `keep`; returns its number. All or
    /// nothing: a run killed at any point leaves either no trace of the edition or the
    /// edition with every row alongside it, never an edition nobody will be sent.
    /// - Parameter alongside: written in the edition's transaction, given its number (rows
    ///   made before, under the run lock, with `nextNumber()`, refuse a mismatch).
    @discardableResult
    public func record(
        _ edition: Edition, facts: [FactRow], keep: Int = EditionStore.defaultKeep, alongside: [any EditionRows] = []
    ) throws -> Int {
        do {
            return try write(edition, facts: facts, keep: keep, alongside: alongside)
        } catch let error as DatabaseError {
            throw Self.classify(error, url)
        }
    }

    private func write(_ edition: Edition, facts: [FactRow], keep: Int, alongside: [any EditionRows]) throws -> Int {
        try database.write { db in
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM edition") ?? 0) + 1
            var row = edition
            row.number = number
            row.factCount = facts.count
            try row.insert(db)
            for rows in alongside { try rows.insert(db, edition: number) }
            // One prepared statement for every fact: Codable record inserts cost about ten
            // times as much, 0.1 s for a 2,000-event fact base.
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO fact (edition, key, kind, label, value, text, unit, date, sourceID, sourceTitle, confidence, derived, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for fact in facts {
                try insert.execute(arguments: [
                    number, fact.key, fact.kind, fact.label, fact.value, fact.text, fact.unit, fact.date, fact.sourceID, fact.sourceTitle,
                    fact.confidence, fact.derived, fact.origin,
                ])
                try pausePoint?(fact.key)
            }
            try db.execute(
                sql: "DELETE FROM edition WHERE number <= (SELECT MAX(number) FROM edition) - ?", arguments: [max(1, keep)])
            return number
        }
    }

    /// Every edition, oldest first.
    public func editions() throws -> [Edition] {
        try database.read { db in try Edition.order(Column("number")).fetchAll(db) }
    }

    /// The edition `reference` names: a number, `latest`, or a printed date (`YYYY-MM-DD`,
    /// the latest edition printed that day).
    public func edition(_ reference: String) throws -> Edition? {
        // One row asked for, not every edition decoded (a run asks for the latest, and a
        // store holds up to two years of them).
        let newest = Edition.order(Column("number").desc)
        return try database.read { db in
            if reference == "latest" { return try newest.fetchOne(db) }
            if let number = Int(reference) { return try newest.filter(Column("number") == number).fetchOne(db) }
            return try newest.filter(Column("printed") == reference).fetchOne(db)
        }
    }

    /// The facts of edition `number`, by key.
    public func facts(edition number: Int) throws -> [FactRow] {
        // Rows read by position rather than decoded through Codable: several times faster for
        // the thousands of facts a large briefing has.
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT key, kind, label, value, text, unit, date, sourceID, sourceTitle, confidence, derived, origin
                    FROM fact WHERE edition = ? ORDER BY key
                    """, arguments: [number]
            ).map { row in
                FactRow(
                    edition: number, key: row[0], kind: row[1], label: row[2], value: row[3], text: row[4], unit: row[5], date: row[6],
                    sourceID: row[7], sourceTitle: row[8], confidence: row[9], derived: row[10], origin: row[11])
            }
        }
    }

    /// SQLite's own consistency check: "ok" for a sound file.
    public func integrity() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// A pause point inside the recording transaction, after each fact: a test injects one
    /// to stop a recording halfway (by throwing) and check that nothing of it remains.
    /// Production code never sets it.
    nonisolated(unsafe) var pausePoint: ((String) throws -> Void)?
}
