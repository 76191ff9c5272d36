import BriefingLayout
import CCairoPango

/// Draws one laid-out line run by run, as `pango_cairo_show_layout_line` does for the
/// attributes Briefing uses (colour, alpha, rise, letter spacing), with one difference: a soft
/// hyphen where the line does not break is left out of the text the PDF carries.
///
/// Hyphenated paragraphs are laid out once, with a soft hyphen at every break point. Pango
/// draws the unused ones as nothing, but cairo still writes each as an ActualText span of
/// U+00AD around an empty glyph run, so search and copy in some readers see "coop\u{AD}er\u{AD}a\u{AD}tion".
/// Laying the paragraph out again without them would double the shaping, the largest cost of
/// a run; dropping those empty glyphs and their two bytes here costs almost nothing.
enum LineDrawing {
    static let softHyphen: (UInt8, UInt8) = (0xC2, 0xAD)

    /// Draws `line` with the left end of its baseline at the current point, calling
    /// `beforeRun` with each run's bytes in the layout's text before drawing it (the painter
    /// opens and closes structure tags there: a link's words go inside its Link element).
    static func draw(
        _ line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>, on cr: OpaquePointer,
        beforeRun: ((Range<Int>) -> Void)? = nil
    ) {
        // cairo keeps the current point in 24.8 fixed point; Pango rounds the line's origin
        // that way once and adds run offsets exactly, so runs are offset through their glyphs
        // from the one origin rather than moved to, or glyphs would land up to 1/512 pt apart.
        var originX = 0.0, originY = 0.0
        cairo_get_current_point(cr, &originX, &originY)
        var x: Int32 = 0
        var node = line.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            let width = pango_glyph_string_get_width(run.pointee.glyphs)
            x += run.pointee.start_x_offset
            if let beforeRun {
                let item = run.pointee.item.pointee
                beforeRun(Int(item.offset)..<Int(item.offset + item.length))
            }
            setColor(of: run.pointee.item, on: cr)
            cairo_move_to(cr, originX, originY)
            show(run, text: text, lineEnd: Int(line.pointee.start_index + line.pointee.length), dx: x, dy: -run.pointee.y_offset, on: cr)
            x += width + run.pointee.end_x_offset
            node = current.pointee.next
        }
    }

    /// The run's foreground colour and alpha, as Pango's cairo renderer sets them. Every run
    /// Briefing makes has a colour; a run without one keeps the current source.
    private static func setColor(of item: UnsafeMutablePointer<PangoItem>, on cr: OpaquePointer) {
        guard let color = color(of: item) else { return }
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    /// The run's foreground colour and alpha (opaque when no alpha is set), as Pango's cairo
    /// renderer reads them; nil for a run without a colour.
    static func color(of item: UnsafeMutablePointer<PangoItem>) -> Color? {
        var color: PangoColor?
        var alpha: UInt16 = 0
        var attributes = item.pointee.analysis.extra_attrs
        while let current = attributes {
            let attribute = current.pointee.data.assumingMemoryBound(to: PangoAttribute.self)
            switch attribute.pointee.klass.pointee.type {
            case PANGO_ATTR_FOREGROUND:
                color = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: PangoAttrColor.self).pointee.color
            case PANGO_ATTR_FOREGROUND_ALPHA:
                alpha = UInt16(
                    truncatingIfNeeded: UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: PangoAttrInt.self).pointee.value)
            default: break
            }
            attributes = current.pointee.next
        }
        guard let color else { return nil }
        return Color(
            red: Double(color.red) / 65535, green: Double(color.green) / 65535, blue: Double(color.blue) / 65535,
            alpha: alpha == 0 ? 1 : Double(alpha) / 65535)
    }

    /// Shows the run's glyphs with their text, moved by (dx, dy) Pango units, without the
    /// soft hyphens that do not end the line: their bytes leave the text, and a glyph leaves
    /// the run when it drew nothing but such a hyphen. (Inside a ligature, "brief\u{AD}ing", the
    /// hyphen shares the ligature's cluster, so only its bytes go.)
    private static func show(
        _ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, lineEnd: Int, dx: Int32, dy: Int32,
        on cr: OpaquePointer
    ) {
        let glyphs = run.pointee.glyphs.pointee
        let item = run.pointee.item.pointee
        let count = Int(glyphs.num_glyphs)
        let start = Int(item.offset), length = Int(item.length)
        let bytes = UnsafeRawPointer(text + start).assumingMemoryBound(to: UInt8.self)
        // Offsets (in the run) of the soft hyphens to remove: all but one ending the line.
        var removed: [Int] = []
        var offset = 0
        while offset + 1 < length {
            if bytes[offset] == softHyphen.0, bytes[offset + 1] == softHyphen.1 {
                if start + offset + 2 != lineEnd { removed.append(offset) }
                offset += 2
            } else {
                offset += 1
            }
        }
        if removed.isEmpty && dx == 0 && dy == 0 {
            pango_cairo_show_glyph_item(cr, text, run)
            return
        }

        let clusterStarts = removed.isEmpty ? [] : Set((0..<count).map { Int(glyphs.log_clusters[$0]) }).sorted()
        let removedSet = Set(removed)
        func isOnlyRemovedHyphens(_ cluster: Int) -> Bool {
            let end = clusterStarts.first { $0 > cluster } ?? length
            return stride(from: cluster, to: end, by: 2).allSatisfy { removedSet.contains($0) } && (end - cluster) % 2 == 0
        }
        guard let moved = pango_glyph_string_new() else { return }
        defer { pango_glyph_string_free(moved) }
        var kept: [(glyph: PangoGlyphInfo, cluster: Int32)] = []
        kept.reserveCapacity(count)
        for index in 0..<count {
            var glyph = glyphs.glyphs[index]
            let cluster = Int(glyphs.log_clusters[index])
            if !removed.isEmpty, glyph.glyph == PANGO_GLYPH_EMPTY, glyph.geometry.width == 0, isOnlyRemovedHyphens(cluster) { continue }
            glyph.geometry.x_offset += dx
            glyph.geometry.y_offset += dy
            kept.append((glyph, Int32(removed.isEmpty ? cluster : cluster - 2 * removed.prefix { $0 < cluster }.count)))
        }
        pango_glyph_string_set_size(moved, Int32(kept.count))
        for (position, entry) in kept.enumerated() {
            moved.pointee.glyphs[position] = entry.glyph
            moved.pointee.log_clusters[position] = entry.cluster
        }
        guard !removed.isEmpty else {
            var shifted = PangoGlyphItem(item: run.pointee.item, glyphs: moved, y_offset: 0, start_x_offset: 0, end_x_offset: 0)
            pango_cairo_show_glyph_item(cr, text, &shifted)
            return
        }
        var runText: [CChar] = []
        runText.reserveCapacity(length + 1)
        for offset in 0..<length where !removedSet.contains(offset) && !removedSet.contains(offset - 1) {
            runText.append(CChar(bitPattern: bytes[offset]))
        }
        runText.append(0)
        guard let strippedItem = pango_item_copy(run.pointee.item) else { return }
        defer { pango_item_free(strippedItem) }
        strippedItem.pointee.offset = 0
        strippedItem.pointee.length = Int32(runText.count - 1)
        strippedItem.pointee.num_chars -= Int32(removed.count)
        var stripped = PangoGlyphItem(item: strippedItem, glyphs: moved, y_offset: 0, start_x_offset: 0, end_x_offset: 0)
        runText.withUnsafeBufferPointer { pango_cairo_show_glyph_item(cr, $0.baseAddress, &stripped) }
    }
}
