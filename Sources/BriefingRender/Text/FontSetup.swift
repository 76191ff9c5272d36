import BriefingLayout
import CCairoPango
import Foundation

/// The fonts a briefing is set in: only the files in `Fonts/`, registered in a private
/// fontconfig configuration, so the output never depends on what the machine has installed.
/// Owns the C objects (one per run; not Sendable on purpose).
public final class FontSetup {
    let config: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    let target: Target

    public static let serifFamily = "Noto Serif"
    public static let sansFamily = "Inter"

    /// The only fontconfig rules a briefing needs: a slanted face where a font has no italic
    /// and emboldening where it has no bold (the fallback fonts), as Debian's 90-synthetic.conf
    /// does. The system's 46 rule files (aliases, hinting and language preferences for fonts
    /// we never load) cost about 1 ms on every new font size and 5 ms at start, and an empty
    /// configuration would draw italic upright in a font without an italic face. And one
    /// rule for a font file that calls itself Bold but gives the regular weight class (Noto
    /// Nastaliq Urdu Bold, usWeightClass 400): fontconfig would take it for a second regular
    /// face and set regular Urdu text in bold.
    static let rules = """
        <?xml version="1.0"?>
        <fontconfig>
          <match target="scan">
            <test name="style"><string>Bold</string></test>
            <test name="weight" compare="less"><const>demibold</const></test>
            <edit name="weight" mode="assign"><const>bold</const></edit>
          </match>
          <match target="font">
            <test name="slant"><const>roman</const></test>
            <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
            <edit name="matrix" mode="assign">
              <times><name>matrix</name><matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix></times>
            </edit>
            <edit name="slant" mode="assign"><const>oblique</const></edit>
            <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
          </match>
          <match target="font">
            <test name="weight" compare="less_eq"><const>medium</const></test>
            <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
            <edit name="embolden" mode="assign"><bool>true</bool></edit>
            <edit name="weight" mode="assign"><const>bold</const></edit>
          </match>
        </fontconfig>
        """

    /// The surface the pages will be drawn on, which decides the cairo font options of the
    /// fonts text is measured with (never their metrics: no hinting either way).
    public enum Target: Sendable {
        /// A PDF: the fonts take the PDF surface's own options (which add unrounded glyph
        /// positions, a private cairo option), so cairo draws with the very fonts the layout
        /// measured with. With options of their own, every font was made twice and each of
        /// its glyphs loaded from the font file twice (30 million instructions of the
        /// default briefing's 1,170).
        case pdf
        /// PNG or SVG pages: the options as they were, so their pixels and bytes stay as they were.
        case image
    }

    /// - Parameters:
    ///   - fontsDirectory: the bundled `Fonts/` folder (searched recursively).
    ///   - target: the surface the pages are drawn on.
    ///   - cache: where fontconfig's descriptions of the font files are kept between runs
    ///     (`FontPatternCache`); nil reads every file.
    public convenience init(fontsDirectory: URL, drawnOn target: Target = .pdf, cache: FontPatternCache? = nil) throws {
        // Our rules and our fonts only: see `rules`, and design.md on why system fonts stay out.
        guard let config = FcConfigCreate() else { throw RenderError.fonts("fontconfig could not be initialised") }
        guard FcConfigParseAndLoadFromMemory(config, Self.rules, 1) != 0 else {
            FcConfigDestroy(config)
            throw RenderError.fonts("fontconfig rejected the built-in rules")
        }
        var files: [String] = []
        // A linked Fonts folder is read where it points (the enumerator does not enter a link).
        if let enumerator = FileManager.default.enumerator(at: fontsDirectory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where ["ttf", "otf"].contains(url.pathExtension.lowercased()) {
                files.append(url.path)
            }
        }
        guard !files.isEmpty else {
            FcConfigDestroy(config)
            throw RenderError.fonts("no font files in \(fontsDirectory.path)")
        }
        do {
            try Self.register(files.sorted(), in: config, cache: cache)
        } catch {
            FcConfigDestroy(config)
            throw error
        }
        // Pango's font map runs FcInit() on a thread at creation, which loads the system's
        // configuration and font caches (about 5 ms) unless a current configuration exists.
        FcConfigSetCurrent(config)
        self.init(config: config, drawnOn: target)
        for family in [Self.serifFamily, Self.sansFamily] where !hasFamily(family) {
            throw RenderError.fonts("the bundled font family '\(family)' is missing from \(fontsDirectory.path)")
        }
    }

    /// The same fonts for another thread: a font map and context of its own (Pango's caches
    /// are not shared between threads), over the same fontconfig configuration, which is not
    /// registered again. cairo keeps one font face per font file and options, so both draw
    /// with the same faces and glyph caches, and a PDF embeds each font once.
    public convenience init(sharing other: FontSetup) {
        FcConfigReference(other.config)
        self.init(config: other.config, drawnOn: other.target)
    }

    /// Takes over the caller's reference to `config`.
    private init(config: OpaquePointer, drawnOn target: Target) {
        self.config = config
        self.target = target
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(briefing_pango_fc_font_map(fontMap), config)
        // Pango works out each font's approximate character width (which its line breaker
        // needs) by laying out a sample sentence on a context of the font map's own, at the
        // map's resolution. At 96 dpi against the contexts' 72 that was a fontset of its own:
        // fontconfig matched again and every font was made and its glyphs loaded a second
        // time (52 million instructions of the default briefing, on the path to layout).
        briefing_pango_cairo_font_map_set_resolution(fontMap, 72)
        context = pango_font_map_create_context(fontMap)

        // Identical metrics on every surface: no hinting, unrounded glyph positions, 1 unit = 1 pt.
        let options = cairo_font_options_create()
        if target == .pdf, let probe = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 1, 1) {
            cairo_surface_get_font_options(probe, options)
            cairo_surface_destroy(probe)
        }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("en-gb"))
        // Runs carry their own fonts; this one only sizes an empty paragraph's line, which
        // would otherwise come from whatever "sans 12" matches.
        let fallback = pango_font_description_from_string("\(Self.serifFamily) 10")
        pango_context_set_font_description(context, fallback)
        pango_font_description_free(fallback)
    }

    /// Adds the font files to the configuration's application fonts, in order, as
    /// `FcConfigAppFontAddFile` does: each file's faces, edited by the configuration's scan
    /// rules (ours have none). Descriptions come from `cache` where it has them.
    static func register(_ files: [String], in config: OpaquePointer, cache: FontPatternCache?) throws {
        // The application font set exists once something was registered; /dev/null is not a
        // font, so registering it makes the set and adds nothing.
        if cache != nil, FcConfigGetFonts(config, FcSetApplication) == nil { _ = FcConfigAppFontAddFile(config, "/dev/null") }
        guard let cache, let set = FcConfigGetFonts(config, FcSetApplication), set.pointee.nfont == 0 else {
            for file in files where FcConfigAppFontAddFile(config, file) == 0 { throw RenderError.fonts("fontconfig could not load \(file)") }
            return
        }
        guard let described = cache.patterns(for: files) else {
            // Report the file fontconfig cannot read, as registering it directly would.
            for file in files where FcConfigAppFontAddFile(config, file) == 0 { throw RenderError.fonts("fontconfig could not load \(file)") }
            return
        }
        for pattern in described.flatMap(\.patterns) {
            _ = FcConfigSubstitute(config, pattern, FcMatchScan)
            FcFontSetAdd(set, pattern)
        }
    }

    deinit {
        briefing_object_unref(UnsafeMutableRawPointer(context))
        briefing_object_unref(fontMap)
        FcConfigDestroy(config)
    }

    private func hasFamily(_ name: String) -> Bool {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        guard let families else { return false }
        return (0..<Int(count)).contains { index in
            families[index].map { String(cString: pango_font_family_get_name($0)) == name } ?? false
        }
    }

    static func familyName(_ family: TextStyle.Family) -> String {
        switch family {
        case .serif: serifFamily
        case .sans: sansFamily
        }
    }
}
