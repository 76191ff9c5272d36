import BriefingContent
import BriefingModel
import BriefingTemplate
import Foundation
import TestSupport
import Testing

@testable import BriefingLayout

/// `LayoutEngine.fonts` lists the fonts the renderer loads ahead of layout, on another core.
/// A font missing from it still works, only slower; this test keeps the list complete, so a
/// new style added to the layout cannot quietly bring the cost back.
@Suite struct PreparedFontsTests {
    /// Records every font a layout asks for and measures like `FakeMeasurer`.
    final class RecordingMeasurer: TextMeasurer {
        var fonts = Set<FontKey>()
        let fake = FakeMeasurer()

        func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph {
            for run in paragraph.runs { fonts.insert(FontKey(run.style)) }
            return fake.measure(paragraph, width: width)
        }
    }

    @Test func everyFontTheDefaultBriefingUsesIsPrepared() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let template = try TemplateLoader.load(directory: fixture.directory)
        let document = try DocumentBuilder.build(template: template, date: FuzzyDate(year: 2026, month: 11, day: 30))
        let measurer = RecordingMeasurer()
        let style = BriefingStyle()
        _ = LayoutEngine(measurer: measurer, style: style).layout(document, creator: "test")
        let prepared = Set(LayoutEngine.fonts(style))
        let missing = measurer.fonts.subtracting(prepared).sorted { "\($0)" < "\($1)" }
        #expect(missing.isEmpty, "used by the layout but not in LayoutEngine.fonts: \(missing)")
        let unused = prepared.subtracting(measurer.fonts).sorted { "\($0)" < "\($1)" }
        #expect(unused.isEmpty, "in LayoutEngine.fonts but never used by the default briefing: \(unused)")
    }

    /// The HTML edition lays out only its charts: `ChartStyle.fonts` is every font they set,
    /// and a part of the layout's list.
    @Test func everyFontTheChartsUseIsPreparedForTheHTMLEdition() throws {
        let fixture = try TemplateFixture()
        defer { fixture.remove() }
        let template = try TemplateLoader.load(directory: fixture.directory)
        let document = try DocumentBuilder.build(template: template, date: FuzzyDate(year: 2026, month: 11, day: 30))
        let measurer = RecordingMeasurer()
        let style = ChartStyle()
        let figures = document.sections.flatMap { $0.blocks.flatMap(\.charts) }
        #expect(figures.count >= 3)
        for figure in figures { _ = ChartPicture.page(figure, width: BriefingStyle().frameWidth, measurer: measurer) }
        let prepared = Set(style.fonts)
        #expect(measurer.fonts == prepared, "charts use \(measurer.fonts.sorted { "\($0)" < "\($1)" })")
        #expect(prepared.isSubset(of: Set(LayoutEngine.fonts(BriefingStyle()))))
    }
}
