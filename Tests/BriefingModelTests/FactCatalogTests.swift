import Foundation
import Testing

@testable import BriefingModel

/// The one enumeration of a briefing's facts: every key reads back as itself, each fact is
/// there once, and each carries the names an author may write for it.
@Suite struct FactCatalogTests {
    static let chips = "Tests/Fixtures/chips"

    @Test func everyKeyReadsBackAsItself() throws {
        let catalog = try FixtureLoading.load(Self.chips).facts.catalog()
        #expect(catalog.count > 20)
        for entry in catalog {
            #expect(FactKey(entry.key.description) == entry.key, "\(entry.key)")
            #expect(entry.names.first == entry.key.description || entry.key.kind == "projection")
        }
        #expect(Set(catalog.map(\.key)).count == catalog.count, "one entry per key")
    }

    @Test func textNoKeyWritesIsNotAKey() {
        for text in ["fig", "fig.", "fig.a.b", "projection.p.rate", "supply.s.2023", "series.s", "series..2023", "claim.x", ""] {
            #expect(FactKey(text) == nil, "\(text)")
        }
        #expect(FactKey("projection.p.cagr") == .projectionRate("p"))
        #expect(FactKey("supply.s.2021-25.others") == .share(series: "s", row: "2021-25", supplier: "others"))
    }

    /// The aliases an author writes (`latest`, `first`, `previous`) belong to the fact they
    /// name today, so a change to that fact is found where the text names it by alias.
    @Test func aliasesNameTheFactsTheyPointAt() throws {
        let facts = try FixtureLoading.load(Self.chips).facts
        let catalog = facts.catalog()
        let series = try #require(facts.dataSeries("us-wafers"))
        let latest = try #require(series.points.last).period.key
        let entry = try #require(catalog.first { $0.key == .seriesPoint(series: "us-wafers", period: latest) })
        #expect(entry.names.contains("series.us-wafers.latest"))
        let previous = series.points[series.points.count - 2].period.key
        #expect(
            catalog.first { $0.key == .seriesPoint(series: "us-wafers", period: previous) }?.names.contains("series.us-wafers.previous")
                == true)

        let shares = try #require(facts.supplySeries.first)
        let row = try #require(shares.rows.last)
        let supplier = SupplySeries.slug(try #require(row.shares.first).supplier)
        let share = try #require(catalog.first { $0.key == .share(series: shares.id, row: row.key, supplier: supplier) })
        #expect(share.names == ["supply.\(shares.id).\(row.key).\(supplier)", "supply.\(shares.id).latest.\(supplier)"])
        // "Did you mean" offers every name, aliases included.
        #expect(facts.allReferences.contains("series.us-wafers.latest"))
        #expect(facts.allReferences.contains(share.names[1]))
    }
}
