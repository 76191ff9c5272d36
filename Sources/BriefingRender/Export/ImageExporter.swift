import BriefingLayout
import CCairoPango
import Foundation

/// Writes pages as PNG or SVG with the same painter as the PDF, so every format shows the
/// same layout. One file per page.
public enum ImageExporter {
    public enum Format: String, Sendable, CaseIterable {
        case png, svg
    }

    /// Draws page `index` into `url`. PNG is rendered at `dpi` on a white background.
    public static func export(
        _ document: PagedDocument, page index: Int, format: Format, measurer: PangoTextMeasurer,
        to url: URL, dpi: Double = 150
    ) throws {
        let size = document.pageSize
        let painter = CairoPainter(document: document, measurer: measurer)
        switch format {
        case .png:
            let scale = dpi / 72
            let width = Int32((size.width * scale).rounded(.up)), height = Int32((size.height * scale).rounded(.up))
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw RenderError.surface("cairo could not create a \(width)x\(height) image")
            }
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            painter.draw(page: index, on: cr)
            cairo_surface_flush(surface)
            try check(cairo_status(cr), url)
            try check(cairo_surface_write_to_png(surface, url.path), url)
        case .svg:
            guard let surface = cairo_svg_surface_create(url.path, size.width, size.height) else {
                throw RenderError.surface("cairo could not create \(url.path)")
            }
            defer { cairo_surface_destroy(surface) }
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            let cr = cairo_create(surface)!
            painter.draw(page: index, on: cr)
            let status = cairo_status(cr)
            cairo_destroy(cr)
            try check(status, url)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), url)
        }
    }

    private static func check(_ status: cairo_status_t, _ url: URL) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.surface("\(url.path): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
