import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// A watch rebuilds only the Markdown files that changed: the others come from the cache
/// while their context (everything else) is the same, and the document is the same as one
/// built from scratch.
@Suite struct SectionCacheTests {
    let date = FuzzyDate(year: 2026, month: 11, day: 30)

    @Test func onlyChangedFilesAreParsedAgainAndTheDocumentIsTheSame() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let cache = SectionCache()
        func build(context: String) throws -> Document {
            try DocumentBuilder.build(
                template: try TemplateLoader.load(directory: fixture.directory), date: date, cache: cache, context: context)
        }
        let first = try build(context: "a")
        let files = cache.parsed
        #expect(files == 11 && cache.reused == 0, "ten sections and the key judgements: \(files)")

        _ = try build(context: "a")
        #expect(cache.reused == files && cache.parsed == 0, "nothing changed: nothing parsed")

        try fixture.replace("sections/space.md", "Space is the most visible civilian success", with: "Space is the cached success")
        let edited = try build(context: "a")
        #expect(cache.parsed == 1 && cache.reused == files - 1, "only the edited file")
        let fresh = try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: date)
        #expect(edited.sections.map(\.blocks) == fresh.sections.map(\.blocks), "the same document as a build from scratch")
        #expect(edited.sections.map(\.blocks) != first.sections.map(\.blocks))

        _ = try build(context: "b")
        #expect(cache.parsed == files && cache.reused == 0, "another context: every file again")
    }
}
