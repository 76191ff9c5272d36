import BriefingLayout
import CCairoPango
import Foundation

/// Lays paragraphs out with Pango: the `TextMeasurer` of production, and the source of the
/// `PangoLayout`s the painter draws, so measuring and drawing can never disagree.
public final class PangoTextMeasurer: TextMeasurer {
    let fonts: FontSetup
    private var loadHyphenator: () -> Hyphenator
    private var loadedHyphenator: Hyphenator?
    private var hyphenator: Hyphenator {
        if let loadedHyphenator { return loadedHyphenator }
        let loaded = loadHyphenator()
        loadedHyphenator = loaded
        return loaded
    }
    /// Where the words hyphenated are kept between runs (`HyphenationCache`); nil keeps none.
    public var hyphenationCache: CacheFolder?
    private var language = "en-GB"
    private var fontDescriptions: [FontKey: OpaquePointer] = [:]
    /// Layouts made while measuring, reused when drawing: shaping (HarfBuzz) is the largest
    /// cost of a run, and the painter draws exactly what layout measured.
    private var layouts: [LayoutKey: MeasuredParagraph] = [:]
    /// The layouts measured or reused since `forgetUnused` was last called: a process that
    /// builds again and again (watch) keeps what the next build will ask for, and only that.
    private var usedSinceForget: Set<LayoutKey>?

    /// Held while Pango may load a font for the first time, in any measurer of the process.
    /// With Pango 1.50, fontconfig and cairo, two font maps loading the same fonts at once on
    /// two threads (the workers of `generate --each --jobs 2`) leave one of them, for its whole
    /// life, measuring the hyphen of a line broken at a soft hyphen as nothing: its justified
    /// lines then ran 3 pt past the margin, in about half of the batches tried. Loaded one
    /// measurer at a time, every batch was byte-identical to one made row by row. The cause
    /// in the C libraries is not found; what is known is that only first loads race, so text
    /// set in fonts already loaded (most of every briefing) is laid out without the lock.
    private static let fontLoading = NSLock()
    /// Fonts this measurer has laid text out in, and the characters outside `houseCoverage`
    /// it has set in each (a character the face lacks brings in a fallback font).
    private var loaded: [FontKey: Set<Unicode.Scalar>] = [:]

    /// A helper's measurements not handed over yet (nil for a measurer that is no helper).
    private var measuredSinceHandover: [LayoutKey]?

    fileprivate struct LayoutKey: Hashable {
        var paragraph: Paragraph
        var width: Double
    }

    /// - Parameter hyphenator: called once, when the first paragraph is hyphenated, so the
    ///   patterns can be loading elsewhere meanwhile.
    public init(fonts: FontSetup, hyphenator: @escaping () -> Hyphenator = { Hyphenator() }) {
        self.fonts = fonts
        loadHyphenator = hyphenator
    }

    deinit {
        fontDescriptions.values.forEach { pango_font_description_free($0) }
    }

    public var hyphenationAvailable: Bool { hyphenator.isAvailable }

    /// Hyphenates with the patterns of `language` from now on. The patterns loading since
    /// start-up are British English (the default template's); another language loads its own
    /// when the first paragraph is hyphenated. Call before laying out.
    public func use(language: String) {
        guard language != self.language else { return }
        self.language = language
        let cache = hyphenationCache
        loadHyphenator = { Hyphenator(language: language, cache: cache) }
        loadedHyphenator = loadHyphenator()
    }

    /// Keeps the words hyphenated so far for the next run (`HyphenationCache`): called once
    /// a briefing is laid out. Nothing is written when no word was new.
    public func saveHyphenation() { loadedHyphenator?.save() }

    /// Loads these fonts now rather than at first use. Each new face and size costs fontconfig
    /// matching (Pango 1.50 runs every match on a new thread), a FreeType face and a HarfBuzz
    /// font: about a millisecond each, which a caller can spend on another core while it is
    /// still reading the template.
    public func prepare(_ fonts: [FontKey]) {
        Self.fontLoading.lock()
        defer { Self.fontLoading.unlock() }
        for font in fonts {
            if loaded[font] == nil { loaded[font] = [] }
            let style = TextStyle(
                family: font.family, size: font.size, weight: font.weight, italic: font.italic, color: Color(red: 0, green: 0, blue: 0))
            let layout = build(Paragraph([TextRun("Ag1", style)]), texts: ["Ag1"], width: 100).layout
            _ = pango_layout_get_line_count(layout)
            briefing_object_unref(UnsafeMutableRawPointer(layout))
        }
    }

    /// A character no bundled font can draw: it would print as a box.
    public struct MissingGlyph: Hashable, Sendable, CustomStringConvertible {
        public var scalar: Unicode.Scalar
        /// The paragraph it is in, shortened, and its position there (1-based characters).
        public var context: String
        public var position: Int

        public var description: String {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let name = scalar.properties.name ?? scalar.properties.nameAlias ?? "unnamed"
            return
                "no bundled font can draw U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) \(name) (character \(position) of \u{201C}\(context)\u{201D})"
        }
    }

    /// Every character drawn with no font in the paragraphs measured since
    /// `forgetMissingGlyphs` (in the order met, each once), whether laid out now or reused:
    /// a briefing made after another in the same process (a batch's row, a watch rebuild)
    /// is warned about, and fails `--strict` for, what it holds, as when made alone.
    public private(set) var missingGlyphs: [MissingGlyph] = []
    private var seenMissing = Set<Unicode.Scalar>()
    /// Each laid-out paragraph's characters with no font, for when its layout is reused.
    private var missingIn: [LayoutKey: [MissingGlyph]] = [:]

    /// Starts a new list of missing glyphs: called before each briefing is laid out.
    public func forgetMissingGlyphs() {
        missingGlyphs = []
        seenMissing = []
    }

    private func noteMissing(_ glyphs: [MissingGlyph]) {
        for glyph in glyphs where seenMissing.insert(glyph.scalar).inserted { missingGlyphs.append(glyph) }
    }

    /// The paragraph's lines at this width, with its `PangoShapedText` for the painter.
    public func measure(_ paragraph: Paragraph, width: Double) -> MeasuredParagraph {
        let key = LayoutKey(paragraph: paragraph, width: width)
        usedSinceForget?.insert(key)
        if let cached = layouts[key] {
            if let missing = missingIn[key] { noteMissing(missing) }
            return cached
        }
        let made = makeLayout(paragraph, width: width)
        layouts[key] = made.measured
        measuredSinceHandover?.append(key)
        if !made.missing.isEmpty {
            missingIn[key] = made.missing
            noteMissing(made.missing)
        }
        return made.measured
    }

    /// Drops every layout not used since the last call, and starts counting again: called
    /// between builds, so an edited paragraph's old layouts do not pile up over a long watch,
    /// while the paragraphs that did not change are not shaped again. The first call only
    /// starts counting (a one-off run never pays for it).
    public func forgetUnused() {
        if let used = usedSinceForget {
            layouts = layouts.filter { used.contains($0.key) }
            missingIn = missingIn.filter { used.contains($0.key) }
        }
        usedSinceForget = []
    }

    /// Drops every layout kept for reuse: for a process that makes one briefing, whose pages
    /// then hold their shaped text alone, and free it once they are drawn.
    public func forgetLayouts() {
        layouts.removeAll()
        missingIn.removeAll()
    }

    private struct AdvanceFont: Hashable {
        var font: FontKey
        var letterSpacing: Double
    }
    /// Advances by font, then by scalar: the font is hashed once a run, not once a
    /// character (a 2,000-event timeline asks for 1,824 labels' bounds).
    private var advances: [AdvanceFont: [UInt32: Double]] = [:]

    /// The characters' advances measured one by one (each distinct character once per font),
    /// summed, less 15%. Shaped together, Latin, Greek and Cyrillic text differs from that sum
    /// only by kerning and ligatures, a few per cent; the margin keeps the bound below the
    /// real width. Other characters count nothing: a combining mark measured alone is wide
    /// but stacked on a letter is not, joined Arabic is narrower than its isolated letters,
    /// and format characters (bidi controls, zero-width joiners) have no width at all, so
    /// only a bound that leaves them out stays a bound (a renderer fuzz case broke it).
    public func minimumWidth(_ runs: [TextRun]) -> Double {
        var total = 0.0
        for run in runs {
            let font = AdvanceFont(font: FontKey(run.style), letterSpacing: run.style.letterSpacing)
            var known = advances[font] ?? [:]
            var added = false
            for scalar in run.text.unicodeScalars where Self.hasSteadyAdvance(scalar) {
                if let advance = known[scalar.value] {
                    total += advance
                    continue
                }
                let single = Paragraph([TextRun(String(scalar), run.style)])
                let advance = measure(single, width: 10_000).lines.map(\.width).max() ?? 0
                known[scalar.value] = advance
                added = true
                total += advance
            }
            if added { advances[font] = known }
        }
        return total * 0.85
    }

    /// Letters, digits and punctuation of the simple alphabetic scripts, whose width in a word
    /// is their width alone (less kerning and ligatures).
    static func hasSteadyAdvance(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x24F, 0x370...0x3FF, 0x400...0x482, 0x48A...0x4FF, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20C0:
            true
        default: false
        }
    }

    /// One layout, with a soft hyphen at every break point libhyphen allows: Pango breaks at
    /// the ones it needs and draws the rest as nothing, and the painter leaves those out of
    /// the PDF's text (`LineDrawing`), so the paragraph is shaped once.
    private func makeLayout(_ paragraph: Paragraph, width: Double) -> (measured: MeasuredParagraph, missing: [MissingGlyph]) {
        let texts = paragraph.runs.map {
            LongWords.breakable(paragraph.hyphenate && $0.link == nil ? hyphenator.hyphenate($0.text) : $0.text)
        }
        let loads = fontsToLoad(paragraph)
        if !loads.isEmpty { Self.fontLoading.lock() }
        let built = build(paragraph, texts: texts, width: width)
        // Shaping happens on the first question about the lines, so it is asked under the lock.
        _ = pango_layout_get_line_count(built.layout)
        if !loads.isEmpty {
            Self.fontLoading.unlock()
            for (font, scalars) in loads { loaded[font, default: []].formUnion(scalars) }
        }
        let missing = pango_layout_get_unknown_glyphs_count(built.layout) > 0 ? missingGlyphs(in: built.layout) : []
        var measured = measure(built.layout, links: built.links)
        measured.shaped = PangoShapedText(layout: built.layout, lines: measured.lines, links: built.links.map(\.range), fonts: fonts)
        return (measured, missing)
    }

    /// The fonts (with the characters outside `houseCoverage`) this paragraph would set for
    /// the first time in this measurer: empty when laying it out cannot load a font.
    private func fontsToLoad(_ paragraph: Paragraph) -> [FontKey: Set<Unicode.Scalar>] {
        var loads: [FontKey: Set<Unicode.Scalar>] = [:]
        for run in paragraph.runs {
            let font = FontKey(run.style)
            let known = loaded[font]
            if known == nil { loads[font, default: []] = [] }
            for scalar in run.text.unicodeScalars where !Self.houseCoverage(scalar) && known?.contains(scalar) != true {
                loads[font, default: []].insert(scalar)
            }
        }
        return loads
    }

    /// Characters every bundled serif and sans face has (Latin, Latin-1, Latin Extended-A,
    /// general punctuation): setting them never brings in a fallback font.
    static func houseCoverage(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E, 0xA0...0x17F, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    /// Finds the characters Pango had to draw as "unknown glyph" boxes.
    private func missingGlyphs(in layout: OpaquePointer) -> [MissingGlyph] {
        guard let cText = pango_layout_get_text(layout) else { return [] }
        var found: [MissingGlyph] = []
        var seen = Set<Unicode.Scalar>()
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(cText).assumingMemoryBound(to: UInt8.self), count: strlen(cText)))
        // Positions and context count what the reader sees: without the soft hyphens the
        // hyphenator put into the layout's text.
        func visible(_ text: String) -> String { String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{00AD}" })) }
        let text = visible(String(decoding: bytes, as: UTF8.self))
        let unknown = UInt32(PANGO_GLYPH_UNKNOWN_FLAG)
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter) else { continue }
            let glyphs = run.pointee.glyphs.pointee
            let offset = Int(run.pointee.item.pointee.offset)
            for index in 0..<Int(glyphs.num_glyphs) where glyphs.glyphs[index].glyph & unknown != 0 {
                let byte = offset + Int(glyphs.log_clusters[index])
                guard byte < bytes.count else { continue }
                let prefix = visible(String(decoding: bytes[..<byte], as: UTF8.self))
                guard let scalar = String(decoding: bytes[byte...], as: UTF8.self).unicodeScalars.first, seen.insert(scalar).inserted
                else { continue }
                let context = text.count > 60 ? String(text.prefix(57)) + "…" : text
                found.append(MissingGlyph(scalar: scalar, context: context, position: prefix.count + 1))
            }
        } while pango_layout_iter_next_run(iter) != 0
        return found
    }

    private func build(_ paragraph: Paragraph, texts: [String], width: Double) -> (
        layout: OpaquePointer, links: [(range: Range<Int>, target: LinkTarget)]
    ) {
        let layout = pango_layout_new(fonts.context)!
        var text = ""
        var links: [(range: Range<Int>, target: LinkTarget)] = []
        let attributes = pango_attr_list_new()
        for (run, runText) in zip(paragraph.runs, texts) {
            let start = text.utf8.count
            text += runText
            let end = text.utf8.count
            addAttributes(run.style, start: start, end: end, to: attributes)
            // Runs of one link in several styles ("see *section 6*") are one link.
            if let link = run.link {
                if let last = links.last, last.target == link, last.range.upperBound == start {
                    links[links.count - 1].range = last.range.lowerBound..<end
                } else {
                    links.append((start..<end, link))
                }
            }
        }
        pango_layout_set_text(layout, text, Int32(text.utf8.count))
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_line_spacing(layout, Float(paragraph.lineSpacing))
        switch paragraph.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justified:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        return (layout, links)
    }

    private func measure(_ layout: OpaquePointer, links: [(range: Range<Int>, target: LinkTarget)]) -> MeasuredParagraph {
        let scale = Double(PANGO_SCALE)
        var lines: [LineMetrics] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            lines.append(
                LineMetrics(
                    top: Double(logical.y) / scale, height: Double(logical.height) / scale, baseline: baseline,
                    x: Double(logical.x) / scale, width: Double(logical.width) / scale))
        } while pango_layout_iter_next_line(iter) != 0

        var boxes: [LinkBox] = []
        if !links.isEmpty {
            let runs = pango_layout_get_iter(layout)
            defer { pango_layout_iter_free(runs) }
            // Runs in drawing order: a link's runs form one group until other text is drawn
            // between them (the rule `CairoPainter` follows when it draws the Link elements).
            var previous: Int?
            var group = -1
            repeat {
                guard let run = pango_layout_iter_get_run_readonly(runs) else { continue }
                let item = run.pointee.item.pointee
                let runRange = Int(item.offset)..<Int(item.offset + item.length)
                guard let index = links.firstIndex(where: { $0.range.overlaps(runRange) }) else {
                    previous = nil
                    continue
                }
                if index != previous { group += 1 }
                previous = index
                let link = links[index]
                var logical = PangoRectangle()
                pango_layout_iter_get_run_extents(runs, nil, &logical)
                var line: Int32 = 0, x: Int32 = 0
                pango_layout_index_to_line_x(layout, Int32(runRange.lowerBound), 0, &line, &x)
                let lineIndex = min(max(0, Int(line)), lines.count - 1)
                let metrics = lines[lineIndex]
                let rect = Rect(x: Double(logical.x) / scale, y: metrics.top, width: Double(logical.width) / scale, height: metrics.height)
                // Runs of one link on one line become one box.
                if let last = boxes.last, last.group == group, last.line == lineIndex, abs(last.rect.maxX - rect.x) < 0.5 {
                    boxes[boxes.count - 1].rect.width = rect.maxX - last.rect.x
                } else {
                    boxes.append(LinkBox(line: lineIndex, rect: rect, target: link.target, group: group))
                }
            } while pango_layout_iter_next_run(runs) != 0
        }
        return MeasuredParagraph(lines: lines, links: boxes)
    }

    private func addAttributes(_ style: TextStyle, start: Int, end: Int, to list: OpaquePointer?) {
        func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
            guard let attribute else { return }
            attribute.pointee.start_index = UInt32(start)
            attribute.pointee.end_index = UInt32(end)
            pango_attr_list_insert(list, attribute)
        }
        insert(pango_attr_font_desc_new(fontDescription(style)))
        let color = style.color
        insert(pango_attr_foreground_new(UInt16(color.red * 65535), UInt16(color.green * 65535), UInt16(color.blue * 65535)))
        if color.alpha < 1 { insert(pango_attr_foreground_alpha_new(UInt16(color.alpha * 65535))) }
        if style.rise != 0 { insert(pango_attr_rise_new(Int32(style.rise * Double(PANGO_SCALE)))) }
        if style.letterSpacing != 0 { insert(pango_attr_letter_spacing_new(Int32(style.letterSpacing * Double(PANGO_SCALE)))) }
    }

    private func fontDescription(_ style: TextStyle) -> OpaquePointer {
        let key = FontKey(style)
        if let cached = fontDescriptions[key] { return cached }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, FontSetup.familyName(style.family))
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, PangoWeight(rawValue: UInt32(style.weight.rawValue)))
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fontDescriptions[key] = description
        return description
    }
}

extension PangoTextMeasurer: ConcurrentMeasuring {
    /// Paragraphs a helper laid out, with their layouts and the characters no font had.
    public struct Handover: @unchecked Sendable {
        fileprivate var entries: [(key: LayoutKey, measured: MeasuredParagraph, missing: [MissingGlyph]?)]
    }

    /// The same fonts in a font map of its own (`FontSetup(sharing:)`), the same hyphenation
    /// patterns with a cache of its own, the same language.
    public func makeHelper() -> PangoTextMeasurer? {
        let patterns = hyphenator.sibling()
        let helper = PangoTextMeasurer(fonts: FontSetup(sharing: fonts)) { patterns }
        helper.language = language
        helper.measuredSinceHandover = []
        return helper
    }

    public func handOver() -> Handover {
        let keys = measuredSinceHandover ?? []
        measuredSinceHandover = measuredSinceHandover.map { _ in [] }
        return Handover(entries: keys.compactMap { key in layouts[key].map { (key, $0, missingIn[key]) } })
    }

    public func adopt(_ handover: Handover) {
        for entry in handover.entries where layouts[entry.key] == nil {
            layouts[entry.key] = entry.measured
            if let missing = entry.missing { missingIn[entry.key] = missing }
        }
    }
}
