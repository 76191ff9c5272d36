import BriefingLayout
import CCairoPango
import Foundation

/// Draws pages as PNG or SVG with the same painter as the PDF, so every format shows the
/// same layout. One image per page, returned as bytes.
public enum ImageExporter {
    /// Page `index` as a PNG, rendered at `dpi` on a white background.
    public static func png(_ document: PagedDocument, page index: Int, dpi: Double = 150) throws -> Data {
        let size = document.pageSize
        let painter = CairoPainter(document: document)
        let sink = ByteSink()
        let place = { DrawingPlace.describe(page: index, in: document) }
        let scale = dpi / 72
        let width = Int32((size.width * scale).rounded(.up)), height = Int32((size.height * scale).rounded(.up))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)
        defer { cairo_surface_destroy(surface) }
        try PDFExporter.check(cairo_surface_status(surface), place: "a \(width)x\(height) image of " + place())
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        painter.draw(page: index, on: cr)
        cairo_surface_flush(surface)
        try PDFExporter.check(cairo_status(cr), place: place())
        try PDFExporter.check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure), place: "the PNG of " + place())
        return try withExtendedLifetime(sink) { try sink.data() }
    }

    /// Page `index` as SVG 1.1, in points.
    public static func svg(_ document: PagedDocument, page index: Int) throws -> Data {
        let size = document.pageSize
        let painter = CairoPainter(document: document)
        let sink = ByteSink()
        let place = { DrawingPlace.describe(page: index, in: document) }
        let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, size.width, size.height)
        defer { cairo_surface_destroy(surface) }
        try PDFExporter.check(cairo_surface_status(surface), place: "the SVG of " + place())
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        let cr = cairo_create(surface)!
        painter.draw(page: index, on: cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try PDFExporter.check(status, place: place())
        cairo_surface_finish(surface)
        try PDFExporter.check(cairo_surface_status(surface), place: "the SVG of " + place())
        return stableSurfaceID(try withExtendedLifetime(sink) { try sink.data() })
    }

    /// cairo names the page's group after its surface, counted through the process
    /// (`id="surface64"`, then `surface103` for the same page drawn again): a watch then
    /// rewrote every page's file on every build, and a page's bytes depended on what the
    /// process drew before. Each page's group is `surface1`; nothing in the file refers to it.
    static func stableSurfaceID(_ svg: Data) -> Data {
        let marker = "id=\"surface"
        guard let start = CairoXref.find(marker, in: svg, from: svg.startIndex) else { return svg }
        let digits = svg.index(start, offsetBy: marker.utf8.count)
        var end = digits
        while end < svg.endIndex, svg[end] >= UInt8(ascii: "0"), svg[end] <= UInt8(ascii: "9") { end += 1 }
        guard end > digits, end < svg.endIndex, svg[end] == UInt8(ascii: "\"") else { return svg }
        var stable = Data(svg[..<digits])
        stable.append(UInt8(ascii: "1"))
        stable.append(svg[end...])
        return stable
    }
}
