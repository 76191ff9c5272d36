import BriefingLayout
import CCairoPango

/// Draws finished pages with Cairo. One exhaustive switch over `FrameItem`, shared by every
/// output format; tag calls (links, destinations) are no-ops on non-PDF surfaces.
final class CairoPainter {
    private let document: PagedDocument
    private let measurer: PangoTextMeasurer

    init(document: PagedDocument, measurer: PangoTextMeasurer) {
        self.document = document
        self.measurer = measurer
    }

    func draw(page index: Int, on cr: OpaquePointer) {
        for item in document.pages[index].items {
            switch item {
            case .text(let paragraph, let lines, let origin, let width):
                drawText(paragraph, lines: lines, origin: origin, width: width, on: cr)
            case .fill(let rect, let color):
                setColor(color, on: cr)
                cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
                cairo_fill(cr)
            case .line(let from, let to, let color, let width):
                setColor(color, on: cr)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
                cairo_stroke(cr)
            case .link(let rect, let target):
                let area = "rect=[\(fmt(rect.x)) \(fmt(rect.y)) \(fmt(rect.width)) \(fmt(rect.height))]"
                let attributes: String
                switch target {
                case .destination(let name): attributes = "dest='\(TagAttribute.escape(name))' \(area)"
                case .uri(let uri): attributes = "uri='\(TagAttribute.escape(uri))' \(area)"
                }
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
                cairo_tag_end(cr, CAIRO_TAG_LINK)
            case .anchor(let name, let point):
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(TagAttribute.escape(name))' x=\(fmt(point.x)) y=\(fmt(point.y))")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
            }
        }
    }

    private func drawText(_ paragraph: Int, lines: Range<Int>, origin: Point, width: Double, on cr: OpaquePointer) {
        let entry = measurer.layout(document.paragraphs[paragraph], width: width)
        for index in lines where index < entry.measured.lines.count {
            let metrics = entry.measured.lines[index]
            guard let line = pango_layout_get_line_readonly(entry.layout, Int32(index)) else { continue }
            cairo_move_to(cr, origin.x + metrics.x, origin.y + metrics.baseline)
            pango_cairo_show_layout_line(cr, line)
        }
    }

    private func setColor(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    private func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Quoting for cairo tag attribute strings: values sit in single quotes.
enum TagAttribute {
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}
