import BriefingHTML
import BriefingRender
import Foundation

/// Which faces of the bundled fonts the HTML edition carries, and cut to which characters:
/// the faces its styles set text in (Noto Serif and Inter at the weights the style sheet
/// uses), every face a chart's text was shaped in, and, for characters neither house family
/// has, the bundled fallback fonts that do, as Pango falls back to them in the PDF.
struct PageFonts {
    let measurer: PangoTextMeasurer
    /// The characters each face draws in the charts.
    var chartFaces: [FontFace: Set<UInt32>] = [:]

    /// The faces the style sheet sets text in: body text regular and bold, italic and bold
    /// italic where the page has them; headings, labels and panels regular, semibold and
    /// bold.
    static func styleFaces(_ text: PageText) -> [FontFace] {
        var serif: [(Int, Bool)] = [(400, false), (700, false)]
        if text.italic { serif.append((400, true)) }
        if text.boldItalic { serif.append((700, true)) }
        return serif.map { FontFace(family: FontSetup.serifFamily, weight: $0.0, italic: $0.1) }
            + [400, 600, 700].map { FontFace(family: FontSetup.sansFamily, weight: $0, italic: false) }
    }

    /// The family a face is carried under on the page.
    static func family(for face: FontFace) -> String {
        switch face.family {
        case FontSetup.serifFamily: WebFont.serifFamily
        case FontSetup.sansFamily: WebFont.sansFamily
        default: "Briefing \(face.family)"
        }
    }

    /// One face the page carries, with the characters it is cut to (and, once cut, its bytes).
    struct Cut: Sendable {
        var face: FontFace
        var role: WebFont.Role
        var file: FontFile
        var codepoints: [UInt32]
        var data: Data?
    }

    /// The faces a page holding `text` needs, each with its characters, in the order the
    /// page lists them (fontconfig is asked here, on the caller's thread).
    func plan(for text: PageText) -> [Cut] {
        let codepoints = text.codepoints
        let styleFaces = Self.styleFaces(text)
        var wanted: [FontFace: (role: WebFont.Role, codepoints: Set<UInt32>)] = [:]
        for face in styleFaces {
            wanted[face] = (face.family == FontSetup.serifFamily ? .serif : .sans, Set(codepoints))
        }
        // Characters neither house family has: the first other bundled family that has them.
        var missing = codepoints
        for face in styleFaces where !face.italic && face.weight == 400 {
            guard let file = measurer.file(for: face) else { continue }
            let covered = Set(FontSubset.covered(file, of: missing))
            missing.removeAll { covered.contains($0) }
        }
        for family in measurer.families where family != FontSetup.serifFamily && family != FontSetup.sansFamily && !missing.isEmpty {
            let face = FontFace(family: family, weight: 400, italic: false)
            guard let file = measurer.file(for: face) else { continue }
            let covered = FontSubset.covered(file, of: missing)
            guard !covered.isEmpty else { continue }
            wanted[face] = (.fallback, Set(covered))
            let taken = Set(covered)
            missing.removeAll { taken.contains($0) }
        }
        for (face, characters) in chartFaces {
            let role: WebFont.Role =
                face.family == FontSetup.serifFamily ? .serif : face.family == FontSetup.sansFamily ? .sans : .fallback
            wanted[face, default: (role, [])].codepoints.formUnion(characters)
        }
        let order: [WebFont.Role] = [.serif, .sans, .fallback]
        return wanted.keys.sorted { (order.firstIndex(of: wanted[$0]!.role)!, $0) < (order.firstIndex(of: wanted[$1]!.role)!, $1) }
            .compactMap { face in
                measurer.file(for: face).map {
                    Cut(face: face, role: wanted[face]!.role, file: $0, codepoints: wanted[face]!.codepoints.sorted())
                }
            }
    }

    /// The faces cut, in parallel; safe on any thread (HarfBuzz only).
    static func cut(_ plan: [Cut]) -> [Cut] {
        zip(plan, FontSubset.subsets(plan.map { ($0.file, $0.codepoints) })).map { cut, data in
            var cut = cut
            cut.data = data
            return cut
        }
    }

    /// The page's fonts: each face cut earlier to characters that cover what the page holds
    /// is used as it is; any other face is cut now.
    func fonts(for text: PageText, early: [Cut] = []) -> [WebFont] {
        let needed = plan(for: text)
        var ready: [FontFace: Cut] = [:]
        var again: [Cut] = []
        for cut in needed {
            if let earlier = early.first(where: { $0.face == cut.face }), earlier.data != nil,
                Set(cut.codepoints).isSubset(of: Set(earlier.codepoints))
            {
                ready[cut.face] = earlier
            } else {
                again.append(cut)
            }
        }
        for cut in Self.cut(again) { ready[cut.face] = cut }
        return needed.compactMap { cut in
            guard let data = ready[cut.face]?.data else { return nil }
            return WebFont(
                family: Self.family(for: cut.face), role: cut.role, weight: cut.face.weight, italic: cut.face.italic,
                format: cut.file.format,
                data: data)
        }
    }
}
