import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// "What changed" finds a changed fact where the text names it, by its key or by an alias.
@Suite struct ChangeLocatorTests {
    @Test func aSeriesPointChangedIsFoundWhereTheTextSaysLatest() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let facts = try TemplateLoader.load(directory: fixture.directory).facts
        let locator = ChangeLocator(facts: facts)
        let series = try #require(facts.dataSeries("us-wafers"))
        let latest = "series.us-wafers.\(try #require(series.points.last).period.key)"
        let first = "series.us-wafers.\(try #require(series.points.first).period.key)"
        #expect(locator.names(latest, in: "We now make {{series.us-wafers.latest}}."))
        #expect(locator.names(latest, in: "We now make {{\(latest)}}."))
        #expect(!locator.names(first, in: "We now make {{series.us-wafers.latest}}."), "latest is not the first point")
        #expect(locator.names("fig.us-capacity", in: "{{fig.us-capacity.value}} wafers"), "a field of the fact")
        #expect(!locator.names("fig.us-capacity", in: "{{fig.us-capacity-2030}}"), "another fact whose id begins the same")
        #expect(locator.names("fig.us-capacity", in: "at the end {{fig.us-capacity"), "a tag the text ends in")
        #expect(locator.names("fig.us-capacity", in: "{{fig.us-capacity }}"), "a space after the name")
        for text in ["{{ fig.us-capacity}}", "{{#fig.us-capacity}}", "{fig.us-capacity}", "{{fig.us-capacity\n}}", "{{fig.us-capacityx}}"] {
            #expect(!locator.names("fig.us-capacity", in: text), "\(text)")
        }
    }

    /// A fact the cover shows (a key judgement or key figure names it) is shown, on the cover,
    /// and read first; one shown nowhere comes last.
    @Test func theCoverShowsWhatItsJudgementsAndKeyFiguresName() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/chips")
        defer { fixture.remove() }
        let facts = try TemplateLoader.load(directory: fixture.directory).facts
        let locator = ChangeLocator(facts: facts)
        func entry(_ key: String) -> FactChanges.Entry { .init(kind: .revised, key: key, label: key, old: "1", new: "2") }
        let changes = FactChanges(
            sinceEdition: 1, sinceText: "1 November 2026", entries: [entry("fig.a"), entry("fig.b"), entry("fig.c"), entry("fig.d")])
        let section = Document.Section(id: "one", number: 1, title: "One", blocks: [])
        let cover = ChangeLocator.coverText(judgements: "We judge {{fig.b.value}} matters.", keyFigures: ["fig.c"])
        let located = locator.locate(changes, cover: cover, sections: [section], texts: [("one", "{{fig.a}} and {{fig.c}}")])
        #expect(located.entries.map(\.key) == ["fig.b", "fig.c", "fig.a", "fig.d"])
        #expect(located.entries.map(\.onCover) == [true, true, false, false])
        #expect(located.entries.map(\.sections) == [[], ["one"], ["one"], []])
        #expect(located.entries.map(\.isShown) == [true, true, true, false])
    }
}
