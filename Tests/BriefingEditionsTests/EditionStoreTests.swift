import Foundation
import GRDB
import Testing

@testable import BriefingEditions

/// The edition store: editions with their facts, pruning, migrations of older stores, and
/// the diff between two fact bases.
@Suite struct EditionStoreTests {
    private func temporaryStore() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("editions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("editions.sqlite")
    }

    private func fact(
        _ key: String, _ text: String, value: Double? = nil, source: String = "s1", grade: String = "confirmed", kind: String = "figure"
    )
        -> FactRow
    {
        FactRow(
            key: key, kind: kind, label: key, value: value, text: text, sourceID: source, sourceTitle: "Title of \(source)",
            confidence: grade)
    }

    private func edition(_ printed: String) -> Edition {
        Edition(
            number: 0, printed: printed, generated: "\(printed)T06:00:00Z", inputDigest: "in", outputSHA256: "out", sections: "a,b",
            pages: 3)
    }

    @Test func recordsEditionsWithTheirFacts() throws {
        let url = try temporaryStore()
        let store = try EditionStore(url: url)
        #expect(try store.record(edition("2026-11-23"), facts: [fact("fig.a", "1 km", value: 1), fact("fig.b", "2 km", value: 2)]) == 1)
        #expect(try store.record(edition("2026-11-30"), facts: [fact("fig.a", "3 km", value: 3)]) == 2)
        let editions = try EditionStore(url: url).editions()
        #expect(editions.map(\.number) == [1, 2] && editions.map(\.factCount) == [2, 1] && editions[1].printed == "2026-11-30")
        #expect(try store.facts(edition: 1).map(\.text) == ["1 km", "2 km"])
        #expect(try store.edition("2026-11-23")?.number == 1 && store.edition("latest")?.number == 2 && store.edition("9") == nil)
        // A day printed twice names its later edition; a number names its own.
        #expect(try store.record(edition("2026-11-30"), facts: []) == 3)
        #expect(try store.edition("2026-11-30")?.number == 3 && store.edition("2")?.number == 2 && store.edition("2026-12-07") == nil)
        #expect(try store.integrity() == "ok")
        #expect(try EditionStore(url: try temporaryStore()).edition("latest") == nil)
    }

    @Test func keepsTheNewestEditionsAndTheirFactsOnly() throws {
        let store = try EditionStore(url: try temporaryStore())
        for day in 1...5 { try store.record(edition("2026-11-0\(day)"), facts: [fact("fig.a", "\(day)")], keep: 3) }
        #expect(try store.editions().map(\.number) == [3, 4, 5])
        #expect(try store.facts(edition: 1).isEmpty && store.facts(edition: 3).count == 1)
        // Numbers are never reused after pruning.
        #expect(try store.record(edition("2026-11-06"), facts: [], keep: 3) == 6)
    }

    /// A store written before the v2 migration (no outcome, no fact count) opens, migrated
    /// (v3 adds each fact's origin).
    @Test func anOlderStoreOpensMigrated() throws {
        let url = try temporaryStore()
        do {
            let queue = try DatabaseQueue(path: url.path)
            try EditionStore.migrator.migrate(queue, upTo: "v1: editions and facts")
            try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO edition (number, printed, generated, inputDigest, outputSHA256, sections, pages) VALUES (1, '2026-11-23', 'x', 'i', 'o', 'a', 3)"
                )
                for key in ["fig.a", "fig.b"] {
                    try db.execute(
                        sql:
                            "INSERT INTO fact (edition, key, kind, label, value, text, unit, date, sourceID, sourceTitle, confidence, derived) VALUES (1, ?, 'figure', ?, 1, '1', '', '', 's', 'S', 'confirmed', 0)",
                        arguments: [key, key])
                }
            }
        }
        let store = try EditionStore(url: url)
        let old = try #require(try store.editions().first)
        #expect(old.outcome == "success" && old.factCount == 2)
        // v3: facts recorded before provenance have none, and a diff prints none for them.
        #expect(try store.facts(edition: 1).map(\.origin) == ["", ""])
        var revised = fact("fig.a", "2")
        revised.origin = "data/figures.csv:2:3"
        #expect(try store.record(edition("2026-11-30"), facts: [revised]) == 2)
        #expect(try store.facts(edition: 2).first?.origin == "data/figures.csv:2:3")
        let diff = EditionDiff(old: try store.facts(edition: 1), new: try store.facts(edition: 2))
        #expect(diff.changes.first { $0.key == "fig.a" }?.origin == "data/figures.csv:2:3")
        #expect(diff.changes.first { $0.key == "fig.b" }?.origin == nil, "removed, recorded without an origin")
    }

    @Test func theDiffListsEveryKindOfChangeInAFixedOrder() {
        let old = [
            fact("fig.revised", "1 km", value: 1), fact("fig.resourced", "5", value: 5, source: "s1"),
            fact("fig.regraded", "7", value: 7, grade: "reported"), fact("fig.gone", "9", value: 9), fact("fig.same", "4", value: 4),
        ]
        var derived = fact("supply.x.2021-25.others", "20%", value: 20, kind: "supply")
        derived.derived = true
        var derivedNew = derived
        derivedNew.text = "26%"
        derivedNew.value = 26
        let new = [
            fact("fig.revised", "2 km", value: 2), fact("fig.resourced", "5", value: 5, source: "s2"),
            fact("fig.regraded", "7", value: 7, grade: "confirmed"), fact("fig.same", "4", value: 4), fact("fig.added", "3", value: 3),
            fact("event.new", "30 May 2026", kind: "event"), derivedNew,
        ]
        let diff = EditionDiff(old: old + [derived], new: new)
        #expect(diff.changes.map(\.kind) == [.revised, .revised, .source, .confidence, .added, .event, .removed])
        #expect(
            diff.changes.map(\.key) == [
                "fig.revised", "supply.x.2021-25.others", "fig.resourced", "fig.regraded", "fig.added", "event.new", "fig.gone",
            ])
        #expect(diff.changes[1].derived)
        #expect(diff.lines[0] == "revised    fig.revised: 1 km \u{2192} 2 km")
        #expect(diff.lines[2] == "source     fig.resourced: 5; source Title of s1 \u{2192} Title of s2")
        #expect(diff.lines[3] == "confidence fig.regraded: 7; reported \u{2192} confirmed")
        #expect(EditionDiff(old: old, new: old).changes.isEmpty)
    }
}
