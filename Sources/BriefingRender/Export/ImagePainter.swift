import BriefingContent
import BriefingLayout
import CCairoPango
import CRsvg
import Foundation

/// Draws a template's images: PNG through cairo's own decoder, SVG through librsvg, both as
/// part of the page (an SVG stays vector in PDF and SVG output).
enum ImagePainter {
    /// Draws the image clipped to `rect`. The clip is not decoration: cairo's recording
    /// surface treats an unclipped paint as the first drawing on a page as a page-wide clear
    /// and drops every command recorded before it, the structure tag that opened the
    /// image's Figure included, so the tag's end then has no beginning ("invalid tag name,
    /// attributes, or nesting", seen with a PNG floated to the top of a page; an SVG that
    /// opens with a group paint would do the same). Inside a clip the paint stays a paint.
    static func draw(_ image: ImageFigure, in rect: Rect, on cr: OpaquePointer) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        defer { cairo_restore(cr) }
        switch image.format {
        case .png:
            guard let surface = decodePNG(image.data) else { return }
            defer { cairo_surface_destroy(surface) }
            let width = Double(cairo_image_surface_get_width(surface)), height = Double(cairo_image_surface_get_height(surface))
            cairo_save(cr)
            cairo_translate(cr, rect.x, rect.y)
            cairo_scale(cr, rect.width / width, rect.height / height)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
            cairo_restore(cr)
        case .svg:
            cairo_save(cr)
            _ = image.data.withUnsafeBytes { bytes in
                briefing_svg_render(
                    bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, UnsafeMutableRawPointer(cr), rect.x, rect.y, rect.width,
                    rect.height)
            }
            cairo_restore(cr)
        }
    }

    /// True when the image decodes: checked before a run renders, so a damaged file is an
    /// error naming it rather than a blank space in a published briefing.
    static func decodes(_ image: ImageFigure) -> Bool {
        switch image.format {
        case .png:
            guard let surface = decodePNG(image.data) else { return false }
            cairo_surface_destroy(surface)
            return true
        case .svg:
            return image.data.withUnsafeBytes { bytes in
                briefing_svg_check(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count) == 0
            }
        }
    }

    /// The PNG as a cairo image surface, or nil if cairo cannot decode it.
    private static func decodePNG(_ data: Data) -> OpaquePointer? {
        final class Reader {
            let data: Data
            var offset = 0
            init(_ data: Data) { self.data = data }
        }
        let reader = Reader(data)
        let context = Unmanaged.passRetained(reader)
        defer { context.release() }
        let surface = cairo_image_surface_create_from_png_stream(
            { closure, buffer, length in
                let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
                let count = Int(length)
                guard let buffer, reader.offset + count <= reader.data.count else { return CAIRO_STATUS_READ_ERROR }
                reader.data.copyBytes(to: buffer, from: reader.offset..<(reader.offset + count))
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, context.toOpaque())
        guard let surface else { return nil }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        return surface
    }
}

/// Whether an image a template places can be decoded, asked before a run renders anything.
public enum ImageCheck {
    public static func decodes(_ image: ImageFigure) -> Bool { ImagePainter.decodes(image) }

    /// Whether librsvg can be opened (it is loaded when the first SVG is drawn, not linked).
    public static var svgAvailable: Bool { briefing_rsvg_library() != nil }
}
