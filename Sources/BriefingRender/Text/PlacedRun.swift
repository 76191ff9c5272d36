import BriefingLayout
import CCairoPango

/// One face of a bundled font as Pango chose it for a run: the family fontconfig matched
/// (a fallback font's own family where the asked one lacks a character), the weight on the
/// CSS scale and the slant. A writer of text rather than glyphs names the same face.
public struct FontFace: Sendable, Hashable, Comparable {
    public var family: String
    public var weight: Int
    public var italic: Bool

    public init(family: String, weight: Int, italic: Bool) {
        self.family = family
        self.weight = weight
        self.italic = italic
    }

    public static func < (lhs: FontFace, rhs: FontFace) -> Bool {
        (lhs.family, lhs.weight, lhs.italic ? 1 : 0) < (rhs.family, rhs.weight, rhs.italic ? 1 : 0)
    }
}

/// One run of a laid-out line as a writer of text (not glyphs) needs it: its characters, where
/// its baseline starts, its face, size and colour. The HTML edition's charts are SVG text
/// placed run by run, so each run starts where the PDF's does.
public struct PlacedRun: Sendable, Equatable {
    /// The run's characters; soft hyphens that do not end the line are left out, one that
    /// does is the hyphen Pango draws there; line and paragraph separators and control
    /// characters, which end a line and draw nothing, are left out (empty for a run of them).
    public var text: String
    /// The left end of the run's baseline, from the left end of the line's.
    public var x: Double
    /// How far the run is raised above the baseline (superscripts).
    public var rise: Double
    public var face: FontFace
    public var size: Double
    public var color: Color?
    public var letterSpacing: Double
}

/// A laid-out line as runs of text: where its baseline starts, relative to the paragraph's
/// top-left corner, and its runs.
public struct PlacedLine: Sendable, Equatable {
    public var x: Double
    public var baseline: Double
    public var runs: [PlacedRun]
}

extension PagedDocument {
    /// Line `line` of paragraph `paragraph` as Pango shaped it; nil for a paragraph a
    /// measurer without Pango laid out (a test's fake), or past its last line.
    public func placedLine(paragraph: Int, line: Int) -> PlacedLine? {
        guard let shaped = shaped[paragraph] as? PangoShapedText, line < shaped.lines.count,
            let runs = Self.runs(of: shaped, line: line)
        else { return nil }
        return PlacedLine(x: shaped.lines[line].x, baseline: shaped.lines[line].baseline, runs: runs)
    }

    private static func runs(of shaped: PangoShapedText, line: Int) -> [PlacedRun]? {
        guard let text = pango_layout_get_text(shaped.layout), let layoutLine = pango_layout_get_line_readonly(shaped.layout, Int32(line))
        else { return nil }
        let lineEnd = Int(layoutLine.pointee.start_index + layoutLine.pointee.length)
        let scale = Double(PANGO_SCALE)
        var runs: [PlacedRun] = []
        var x: Int32 = 0
        var node = layoutLine.pointee.runs
        while let current = node {
            let run = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            let item = run.pointee.item!
            x += run.pointee.start_x_offset
            let start = Int(item.pointee.offset), length = Int(item.pointee.length)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text + start).assumingMemoryBound(to: UInt8.self), count: length)
            var characters = String(decoding: bytes, as: UTF8.self)
            if characters.unicodeScalars.contains(where: Self.drawsNothing) {
                characters.unicodeScalars.removeAll(where: Self.drawsNothing)
            }
            if characters.unicodeScalars.contains("\u{AD}") {
                let endsLine = start + length == lineEnd && characters.unicodeScalars.last == "\u{AD}"
                characters.unicodeScalars.removeAll { $0 == "\u{AD}" }
                if endsLine { characters += "-" }
            }
            let (face, size) = Self.face(of: item)
            runs.append(
                PlacedRun(
                    text: characters, x: Double(x) / scale, rise: Double(run.pointee.y_offset) / scale, face: face, size: size,
                    color: LineDrawing.color(of: item), letterSpacing: Double(Self.letterSpacing(of: item)) / scale))
            x += pango_glyph_string_get_width(run.pointee.glyphs) + run.pointee.end_x_offset
            node = current.pointee.next
        }
        return runs
    }

    /// A line or paragraph separator, or a control character: it breaks the line, and a
    /// reader copying the text would otherwise get it.
    private static func drawsNothing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lineSeparator, .paragraphSeparator, .control: true
        default: false
        }
    }

    private static func face(of item: UnsafeMutablePointer<PangoItem>) -> (FontFace, Double) {
        guard let font = item.pointee.analysis.font, let description = pango_font_describe(font) else {
            return (FontFace(family: FontSetup.serifFamily, weight: 400, italic: false), 10)
        }
        defer { pango_font_description_free(description) }
        let family = pango_font_description_get_family(description).map { String(cString: $0) } ?? FontSetup.serifFamily
        let face = FontFace(
            family: family, weight: Int(pango_font_description_get_weight(description).rawValue),
            italic: pango_font_description_get_style(description) != PANGO_STYLE_NORMAL)
        return (face, Double(pango_font_description_get_size(description)) / Double(PANGO_SCALE))
    }

    private static func letterSpacing(of item: UnsafeMutablePointer<PangoItem>) -> Int32 {
        var attributes = item.pointee.analysis.extra_attrs
        while let current = attributes {
            let attribute = current.pointee.data.assumingMemoryBound(to: PangoAttribute.self)
            if attribute.pointee.klass.pointee.type == PANGO_ATTR_LETTER_SPACING {
                return UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: PangoAttrInt.self).pointee.value
            }
            attributes = current.pointee.next
        }
        return 0
    }
}
