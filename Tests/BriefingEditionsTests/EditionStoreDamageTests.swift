import Foundation
import GRDB
import Testing

@testable import BriefingEditions

/// A damaged edition store is found before anything uses it, never written to, and moved
/// aside so a new store can begin.
@Suite struct EditionStoreDamageTests {
    enum Damage: String, CaseIterable {
        case truncated, garbled, folder, link, droppedTable, notSQLite, empty
    }

    private func store(damaged damage: Damage) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("damage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("editions.sqlite")
        let edition = Edition(
            number: 0, printed: "2026-11-30", generated: "2026-11-30T06:00:00Z", inputDigest: "in", outputSHA256: "out", sections: "a",
            pages: 3)
        let rows = (0..<400).map {
            FactRow(
                key: "fig.f\($0)", kind: "figure", label: "f", value: Double($0), text: "\($0)", sourceID: "s", sourceTitle: "t",
                confidence: "c")
        }
        try EditionStore(url: url).record(edition, facts: rows)
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("someone else's file\n".utf8).write(to: victim)
        switch damage {
        case .truncated: try FileHandle(forWritingTo: url).truncate(atOffset: 5_000)
        case .garbled:
            // Page 2 onwards overwritten: the tables' pages are gone.
            let handle = try FileHandle(forWritingTo: url)
            try handle.seek(toOffset: 4_096)
            handle.write(Data(repeating: 0xA5, count: 16_384))
            try handle.close()
        case .folder:
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        case .link:
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: victim)
        case .droppedTable:
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { try $0.execute(sql: "DROP TABLE fact") }
        case .empty: try FileHandle(forWritingTo: url).truncate(atOffset: 0)
        case .notSQLite:
            try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: url)
        }
        return (url, victim)
    }

    @Test(arguments: Damage.allCases)
    func aDamagedStoreIsMovedAsideAndANewOneBegins(_ damage: Damage) throws {
        let (url, victim) = try store(damaged: damage)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(throws: EditionStoreDamaged.self, "\(damage)") { try EditionStore(url: url) }
        let found = try #require(EditionStore.setAsideIfDamaged(url), "\(damage) was not found")
        let aside = try #require(found.movedTo)
        #expect(aside.lastPathComponent.hasPrefix("editions.damaged-") && aside.pathExtension == "sqlite")
        #expect(
            FileManager.default.fileExists(atPath: aside.path)
                || (try? FileManager.default.destinationOfSymbolicLink(atPath: aside.path)) != nil)
        #expect(found.description.contains(url.path) && found.description.contains(aside.path))
        let fresh = try EditionStore.open(url)
        #expect(try fresh.editions().isEmpty)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "someone else's file\n", "a link's target is never written")
    }

    @Test func aSoundStoreIsLeftAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("editions.sqlite")
        #expect(EditionStore.setAsideIfDamaged(url) == nil, "no store yet")
        try EditionStore(url: url).record(
            Edition(number: 0, printed: "2026-11-30", generated: "x", inputDigest: "i", outputSHA256: "o", sections: "a", pages: 1),
            facts: [])
        #expect(EditionStore.setAsideIfDamaged(url) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["editions.sqlite"])
    }

    /// A recording stopped halfway (at a pause point inside its transaction) leaves nothing of
    /// itself: the earlier edition whole, no partial facts or rows alongside, and the next
    /// recording gets the next number as if nothing happened.
    @Test func aRecordingStoppedHalfwayLeavesNoTrace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halfway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try EditionStore(url: folder.appendingPathComponent("editions.sqlite"))
        try store.adopt(Note.part)
        let rows = (0..<50).map {
            FactRow(
                key: "fig.f\($0)", kind: "figure", label: "f", value: Double($0), text: "\($0)", sourceID: "s", sourceTitle: "t",
                confidence: "c")
        }
        func edition(_ day: Int) -> Edition {
            Edition(number: 0, printed: "2026-11-\(day)", generated: "g", inputDigest: "i", outputSHA256: "o", sections: "a", pages: 1)
        }
        try store.record(edition(23), facts: rows, alongside: [Note(text: "first")])
        struct Stopped: Error {}
        for stopAt in [0, 1, 25, 49] {
            store.pausePoint = { key in if key == "fig.f\(stopAt)" { throw Stopped() } }
            #expect(throws: Stopped.self) { try store.record(edition(30), facts: rows, alongside: [Note(text: "second")]) }
            #expect(try store.editions().map(\.number) == [1])
            #expect(try store.facts(edition: 1).count == 50 && store.facts(edition: 2).isEmpty)
            #expect(try Note.all(store) == ["1 first"])
            #expect(try store.integrity() == "ok")
        }
        store.pausePoint = nil
        #expect(try store.record(edition(30), facts: rows, alongside: [Note(text: "second")]) == 2)
        #expect(try Note.all(store) == ["1 first", "2 second"])
    }

    /// A part's table lost while its migration stays recorded is damage, named, not an
    /// error at the first write.
    @Test func aPartsMissingTableIsDamage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("part-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("editions.sqlite")
        try EditionStore(url: url).adopt(Note.part)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "DROP TABLE note") }
        try queue.close()
        let reopened = try EditionStore(url: url)
        #expect(throws: EditionStoreDamaged.self) { try reopened.adopt(Note.part) }
    }
}

/// A part of the store a test owns: one note a recorded edition.
private struct Note: EditionRows {
    let text: String

    static let part = StorePart(
        name: "note", tables: ["note"],
        migrations: [
            .init("test: notes") { db in
                try db.create(table: "note") { table in
                    table.column("edition", .integer).notNull()
                    table.column("text", .text).notNull()
                }
            }
        ])

    func insert(_ db: Database, edition: Int) throws {
        try db.execute(sql: "INSERT INTO note (edition, text) VALUES (?, ?)", arguments: [edition, text])
    }

    static func all(_ store: EditionStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT edition, text FROM note ORDER BY edition").map { "\($0[0] as Int) \($0[1] as String)" }
        }
    }
}
