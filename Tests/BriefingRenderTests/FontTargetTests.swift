@testable import BriefingRender
import CCairoPango
import Foundation
import Testing

/// Fonts made for a PDF carry the PDF surface's own cairo font options, so cairo draws with
/// the scaled fonts the layout measured with instead of making each again and loading every
/// glyph from the font file a second time; fonts for PNG or SVG pages keep the options they
/// always had, so those pages do not change.
@Suite struct FontTargetTests {
    static let fonts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fonts")

    /// Whether the layout context's options are exactly those a PDF surface draws with.
    static func matchesPDF(_ setup: FontSetup) -> Bool {
        let pdf = cairo_font_options_create()
        defer { cairo_font_options_destroy(pdf) }
        let probe = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 1, 1)
        cairo_surface_get_font_options(probe, pdf)
        cairo_surface_destroy(probe)
        // What cairo does when text is drawn: the surface's options, then the font's over them.
        let merged = cairo_font_options_copy(pdf)
        defer { cairo_font_options_destroy(merged) }
        let own = pango_cairo_context_get_font_options(setup.context)
        cairo_font_options_merge(merged, own)
        return own != nil && cairo_font_options_equal(own, merged) != 0 && cairo_font_options_equal(own, pdf) != 0
    }

    @Test func fontsForAPDFAreTheFontsThePDFDrawsWith() throws {
        #expect(Self.matchesPDF(try FontSetup(fontsDirectory: Self.fonts, drawnOn: .pdf)))
    }

    @Test func fontsForPageImagesKeepTheirOwnOptions() throws {
        let setup = try FontSetup(fontsDirectory: Self.fonts, drawnOn: .image)
        #expect(!Self.matchesPDF(setup))
        let own = try #require(pango_cairo_context_get_font_options(setup.context))
        #expect(cairo_font_options_get_hint_metrics(own) == CAIRO_HINT_METRICS_OFF)
        #expect(cairo_font_options_get_hint_style(own) == CAIRO_HINT_STYLE_NONE)
    }
}
