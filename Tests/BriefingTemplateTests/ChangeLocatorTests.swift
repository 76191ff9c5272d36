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
    }
}
