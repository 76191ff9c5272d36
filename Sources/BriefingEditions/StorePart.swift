import Foundation
import GRDB

/// Rows another module keeps in an output's edition store, beside its editions: their
/// tables and migrations stay with the module that reads them (delivery's queue), while the
/// store keeps the one file, its checks and the edition's transaction they are written in.
public struct StorePart: Sendable {
    /// One schema change. Identifiers share the store's migration list: never reuse one,
    /// never edit a migration that has shipped.
    public struct Migration: Sendable {
        public let identifier: String
        public let apply: @Sendable (Database) throws -> Void
        public init(_ identifier: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
            self.identifier = identifier
            self.apply = apply
        }
    }

    public let name: String
    /// The tables a sound store has once the part is adopted: one missing is damage.
    public let tables: [String]
    public let migrations: [Migration]

    public init(name: String, tables: [String], migrations: [Migration]) {
        self.name = name
        self.tables = tables
        self.migrations = migrations
    }
}

/// Rows written in a new edition's transaction, given its number: all or none of them are
/// recorded with it.
public protocol EditionRows {
    func insert(_ db: Database, edition: Int) throws
}

extension EditionStore {
    /// Migrates the part's tables (once per store and process) and checks they exist. A store
    /// that recorded the part's migrations but lost a table throws `EditionStoreDamaged`.
    public func adopt(_ part: StorePart) throws {
        try parts.adopt(part.name) {
            var migrator = DatabaseMigrator()
            for migration in part.migrations { migrator.registerMigration(migration.identifier, migrate: migration.apply) }
            do {
                // A read first: an up-to-date store is not written to (see `init`).
                if try !database.read({ db in try migrator.hasCompletedMigrations(db) }) { try migrator.migrate(database) }
                let tables = try database.read { db in
                    try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                let missing = part.tables.filter { !tables.contains($0) }
                guard missing.isEmpty else { throw EditionStoreDamaged(store: url, reason: "no \(missing.joined(separator: ", ")) table") }
            } catch let error as DatabaseError {
                throw Self.classify(error, url)
            }
        }
    }

    /// Reads the store's rows (a part's own queries).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw Self.classify(error, url)
        }
    }

    /// Writes in one transaction of its own (a part's own changes of state).
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch let error as DatabaseError {
            throw Self.classify(error, url)
        }
    }
}

/// The parts a store has adopted in this process: a lock, so concurrent audiences adopt once.
final class AdoptedParts: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    func adopt(_ name: String, _ work: () throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !names.contains(name) else { return }
        try work()
        names.insert(name)
    }
}
