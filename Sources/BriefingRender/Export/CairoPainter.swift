import BriefingLayout
import BriefingModel
import CCairoPango

/// Draws finished pages with Cairo. One exhaustive switch over `FrameItem`, shared by every
/// output format; tag calls (links, destinations) are no-ops on non-PDF surfaces. Text comes
/// from the shaped paragraphs the document carries, so no measurer is needed here.
final class CairoPainter {
    private(set) var document: PagedDocument

    init(document: PagedDocument) {
        self.document = document
    }

    /// For each paragraph, the last page that draws some of it (-1: none).
    func lastPages() -> [Int] {
        var last = [Int](repeating: -1, count: document.paragraphs.count)
        for (index, page) in document.pages.enumerated() {
            for case .text(let paragraph, _, _, _) in page.items { last[paragraph] = index }
        }
        return last
    }

    /// Lets go of page `index` once drawn, for a writer that draws each page once (the PDF):
    /// its items but its anchors (which name the place of a later failure), and the shaped
    /// text of the paragraphs no later page draws. A long briefing's pages then shrink as
    /// cairo's file grows, instead of both being held to the end.
    func forget(page index: Int, lastPages: [Int]) {
        for case .text(let paragraph, _, _, _) in document.pages[index].items where lastPages[paragraph] == index {
            document.shaped[paragraph] = nil
            document.paragraphs[paragraph].runs = []
            document.links[paragraph] = []
        }
        document.pages[index].items.removeAll { $0.anchorName == nil }
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
            case .anchor(let name, let point):
                cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(TagAttribute.escape(name))' x=\(Self.fmt(point.x)) y=\(Self.fmt(point.y))")
                cairo_tag_end(cr, CAIRO_TAG_DEST)
            case .shape(let shape, let style):
                drawShape(shape, style, on: cr)
            case .image(let image, let rect):
                ImagePainter.draw(image, in: rect, on: cr)
            case .beginStructure(let role):
                // cairo 1.16 drops an Alt attribute; the alt text reaches the PDF as the
                // printed caption until post-processing writes /Alt.
                cairo_tag_begin(cr, role.tag, nil)
            case .endStructure(let role):
                cairo_tag_end(cr, role.tag)
            }
        }
    }

    private func drawText(_ paragraph: Int, lines: Range<Int>, origin: Point, width: Double, on cr: OpaquePointer) {
        // Shaped by the Pango measurer during layout; a document laid out by another
        // measurer (a test's fake) has no glyphs to draw.
        guard let shaped = document.shaped[paragraph] as? PangoShapedText else { return }
        let role = document.paragraphs[paragraph].role?.tag
        if let role { cairo_tag_begin(cr, role, nil) }
        defer { if let role { cairo_tag_end(cr, role) } }
        guard let text = pango_layout_get_text(shaped.layout) else { return }
        let links = document.links(paragraph: paragraph, lines: lines, origin: origin)
        var tagger = links.isEmpty ? nil : RunTagger(links: links, ranges: shaped.links, wrapsText: role != nil, cr: cr)
        for index in lines where index < shaped.lines.count {
            let metrics = shaped.lines[index]
            guard let line = pango_layout_get_line_readonly(shaped.layout, Int32(index)) else { continue }
            cairo_move_to(cr, origin.x + metrics.x, origin.y + metrics.baseline)
            if tagger == nil {
                LineDrawing.draw(line, text: text, on: cr)
            } else {
                LineDrawing.draw(line, text: text, on: cr) { tagger?.enter($0) }
            }
        }
        tagger?.finish()
    }

    /// Draws a paragraph's links inside Link elements, each holding its words (and, through
    /// cairo, its annotation), and the rest of the paragraph in Span elements beside them:
    /// cairo 1.16 writes an element's own text only while it has no child elements, so the
    /// paragraph's words outside its links need elements of their own. Runs are grouped as
    /// the measurer grouped the link boxes: a link's runs stay in one element until other
    /// text is drawn between them, across a line break too.
    private struct RunTagger {
        let links: [DrawnLink]
        /// The bytes of each of the paragraph's links in the layout's text.
        let ranges: [Range<Int>]
        /// False for a paragraph drawn outside the structure (decoration): its other words stay so.
        let wrapsText: Bool
        let cr: OpaquePointer
        private var open: Open = .none
        private var drawnLinks = 0

        private enum Open: Equatable {
            case none, span
            case link(Int)
        }

        init(links: [DrawnLink], ranges: [Range<Int>], wrapsText: Bool, cr: OpaquePointer) {
            self.links = links
            self.ranges = ranges
            self.wrapsText = wrapsText
            self.cr = cr
        }

        /// Before a run is drawn: the element it belongs in is open.
        mutating func enter(_ run: Range<Int>) {
            if let index = ranges.firstIndex(where: { $0.overlaps(run) }), drawnLinks < links.count || open == .link(index) {
                if open == .link(index) { return }
                close()
                let link = links[drawnLinks]
                drawnLinks += 1
                cairo_tag_begin(cr, CAIRO_TAG_LINK, Self.attributes(link))
                open = .link(index)
            } else {
                if open == .span || (!wrapsText && open == .none) { return }
                close()
                if wrapsText {
                    cairo_tag_begin(cr, "Span", nil)
                    open = .span
                }
            }
        }

        mutating func finish() {
            close()
            // A link none of whose runs was drawn (its text all invisible: bidi controls,
            // zero-width characters) still gets its annotation, so the annotations the PDF
            // has and the links the layout drew stay paired, one for one.
            while drawnLinks < links.count {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, Self.attributes(links[drawnLinks]))
                cairo_tag_end(cr, CAIRO_TAG_LINK)
                drawnLinks += 1
            }
        }

        private mutating func close() {
            switch open {
            case .none: return
            case .span: cairo_tag_end(cr, "Span")
            case .link: cairo_tag_end(cr, CAIRO_TAG_LINK)
            }
            open = .none
        }

        /// `dest='…'` or `uri='…'`, and the link's rectangle on each line it takes.
        static func attributes(_ link: DrawnLink) -> String {
            let area = link.rects.map { rect in
                [rect.x, rect.y, rect.width, rect.height].map(CairoPainter.fmt).joined(separator: " ")
            }.joined(separator: " ")
            switch link.target {
            case .destination(let name): return "dest='\(TagAttribute.escape(name))' rect=[\(area)]"
            case .uri(let uri): return "uri='\(TagAttribute.escape(pdfSafe(uri: uri)))' rect=[\(area)]"
            }
        }

        /// cairo 1.16 writes a link's URI into the PDF as `(…)` without escaping it, so a `)`,
        /// a lone `(` or a `\` in it broke the annotation (the link cut short, the object
        /// malformed). Those three are percent-encoded, which a URI allows (a backslash is not
        /// allowed in one at all); every other URI is handed over as it is.
        static func pdfSafe(uri: String) -> String {
            uri.replacingEvery("\\", with: "%5C").replacingEvery("(", with: "%28").replacingEvery(")", with: "%29")
        }
    }

    private func path(_ shape: Shape, on cr: OpaquePointer) {
        cairo_new_path(cr)
        switch shape {
        case .rect(let rect):
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        case .circle(let center, let radius):
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            cairo_close_path(cr)
        case .polygon(let points), .polyline(let points):
            guard let first = points.first else { return }
            cairo_move_to(cr, first.x, first.y)
            for point in points.dropFirst() { cairo_line_to(cr, point.x, point.y) }
            if case .polygon = shape { cairo_close_path(cr) }
        }
    }

    private func drawShape(_ shape: Shape, _ style: ShapeStyle, on cr: OpaquePointer) {
        if let fill = style.fill {
            path(shape, on: cr)
            setColor(fill, on: cr)
            cairo_fill(cr)
        }
        if let pattern = style.pattern {
            cairo_save(cr)
            path(shape, on: cr)
            cairo_clip(cr)
            drawPattern(pattern, in: shape.bounds, on: cr)
            cairo_restore(cr)
        }
        if let stroke = style.stroke {
            path(shape, on: cr)
            setColor(stroke, on: cr)
            cairo_set_line_width(cr, style.lineWidth)
            if !style.dash.isEmpty { cairo_set_dash(cr, style.dash, Int32(style.dash.count), 0) }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
    }

    /// Hatching as real vector lines (not an image pattern), clipped by the caller to the shape.
    private func drawPattern(_ pattern: Pattern, in bounds: Rect, on cr: OpaquePointer) {
        for hatching in pattern.hatching(in: bounds) {
            switch hatching {
            case .lines(let color, let width, let segments):
                setColor(color, on: cr)
                cairo_set_line_width(cr, width)
                for segment in segments {
                    cairo_move_to(cr, segment.from.x, segment.from.y)
                    cairo_line_to(cr, segment.to.x, segment.to.y)
                }
                cairo_stroke(cr)
            case .dots(let color, let radius, let centres):
                setColor(color, on: cr)
                for centre in centres {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, centre.x, centre.y, radius, 0, 2 * Double.pi)
                }
                cairo_fill(cr)
            }
        }
    }

    private func setColor(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    /// Two decimals without `String(format:)`, which dominated link-heavy pages.
    fileprivate static func fmt(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths), fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Quoting for cairo tag attribute strings: values sit in single quotes.
enum TagAttribute {
    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "'" || $0 == "\\" }) else { return value }
        return value.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "\\'")
    }
}
