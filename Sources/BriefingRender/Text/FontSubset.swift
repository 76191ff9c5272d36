import BriefingLayout
import CCairoPango
import CHarfBuzzSubset
import Foundation

/// A bundled font file and the face inside it, as fontconfig matched a `FontFace`.
public struct FontFile: Sendable, Hashable {
    public var path: String
    public var index: UInt32

    public init(path: String, index: UInt32) {
        self.path = path
        self.index = index
    }
    /// "truetype" for glyf outlines, "opentype" for CFF ones: what CSS's `format()` says.
    public var format: String { path.lowercased().hasSuffix(".otf") ? "opentype" : "truetype" }
}

/// Cuts a bundled font down to the characters a page uses, with HarfBuzz's subsetter, so
/// the HTML edition carries its fonts (a few kilobytes a face) and reads the same with or
/// without them installed. Hinting goes: the page is read at any size, as the PDF is.
public enum FontSubset {
    /// The face cut to `codepoints`; nil when it has none of them or the file does not load.
    public static func subset(_ file: FontFile, codepoints: [UInt32]) -> Data? {
        guard let face = Self.face(file) else { return nil }
        defer { hb_face_destroy(face) }
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        let kept = withCmap(face) { has in codepoints.filter(has) }
        guard !kept.isEmpty else { return nil }
        for codepoint in kept { hb_set_add(unicodes, codepoint) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let subset = hb_subset_or_fail(face, input) else { return nil }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        return Data(bytes: data, count: Int(length))
    }

    /// Each face cut to its characters, on every core (the faces are independent), in order.
    public static func subsets(_ requests: [(file: FontFile, codepoints: [UInt32])]) -> [Data?] {
        ParallelMap.map(requests.map { Request(file: $0.file, codepoints: $0.codepoints) }) { subset($0.file, codepoints: $0.codepoints) }
    }

    private struct Request: Sendable {
        var file: FontFile
        var codepoints: [UInt32]
    }

    /// Which of `codepoints` the face has.
    public static func covered(_ file: FontFile, of codepoints: [UInt32]) -> [UInt32] {
        guard let face = Self.face(file) else { return [] }
        defer { hb_face_destroy(face) }
        return withCmap(face) { has in codepoints.filter(has) }
    }

    /// Calls `body` with whether the face maps a character to a glyph, asked of its cmap one
    /// character at a time: a page uses a few hundred, and a CJK face maps tens of thousands.
    private static func withCmap<T>(_ face: OpaquePointer, _ body: ((UInt32) -> Bool) -> T) -> T {
        let font = hb_font_create(face)
        defer { hb_font_destroy(font) }
        return body { codepoint in
            var glyph: hb_codepoint_t = 0
            return hb_font_get_nominal_glyph(font, codepoint, &glyph) != 0
        }
    }

    private static func face(_ file: FontFile) -> OpaquePointer? {
        guard let blob = hb_blob_create_from_file_or_fail(file.path) else { return nil }
        defer { hb_blob_destroy(blob) }
        return hb_face_create(blob, file.index)
    }
}

extension FontSetup {
    /// The bundled file fontconfig gives for `face`, as it would for Pango; nil when the
    /// family is not bundled.
    func file(for face: FontFace) -> FontFile? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, face.family)
        FcPatternAddInteger(pattern, FC_WEIGHT, FcWeightFromOpenType(Int32(face.weight)))
        FcPatternAddInteger(pattern, FC_SLANT, face.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN)
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var family: UnsafeMutablePointer<FcChar8>?
        var path: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch, let family,
            String(cString: family) == face.family,
            FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch, let path
        else { return nil }
        _ = FcPatternGetInteger(match, FC_INDEX, 0, &index)
        return FontFile(path: String(cString: path), index: UInt32(max(0, index)))
    }
}

extension PangoTextMeasurer {
    /// The bundled file of a face the measurer's fonts have (see `FontSetup.file(for:)`).
    public func file(for face: FontFace) -> FontFile? { fonts.file(for: face) }

    /// The bundled font families, sorted.
    public var families: [String] { fonts.families }
}

extension FontSetup {
    /// The bundled font families, sorted.
    var families: [String] {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        defer { g_free(families) }
        guard let families else { return [] }
        return (0..<Int(count)).compactMap { families[$0].map { String(cString: pango_font_family_get_name($0)) } }.sorted()
    }
}
