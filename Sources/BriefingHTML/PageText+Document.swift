import BriefingContent
import BriefingModel

extension PageText {
    /// The characters a page written from `document` will most likely hold, known before its
    /// charts are drawn, so the fonts can be cut on another core meanwhile: every character
    /// of the document's text, its charts' titles and descriptions (which name what the
    /// charts label), its sources, every label, and the punctuation the page itself writes.
    /// The page as written is checked against it (`WebFont.Cut.covers`): a face missing a
    /// character is cut again, so a guess that falls short costs time, never a glyph.
    public static func likely(in document: Document) -> PageText {
        var scalars = Set<UInt32>(0x20...0x7E)
        var italic = false, boldItalic = false
        func add(_ text: String) {
            for scalar in text.unicodeScalars where scalar.value > 0x7E { scalars.insert(scalar.value) }
        }
        func add(_ blocks: [Block]) {
            for block in blocks {
                block.visitInlines { inline in
                    switch inline {
                    case .text(let text), .code(let text): add(text)
                    case .emphasis(let children):
                        italic = true
                        if children.contains(where: { if case .strong = $0 { true } else { false } }) { boldItalic = true }
                    case .strong(let children):
                        if children.contains(where: { if case .emphasis = $0 { true } else { false } }) { boldItalic = true }
                    default: break
                    }
                }
                for figure in block.charts { [figure.title, figure.spokenAlt].forEach(add) }
            }
        }
        [document.title, document.subtitle, document.publisher, document.audience, document.dateText].forEach(add)
        add(document.keyJudgements)
        for figure in document.keyFigures { [figure.value, figure.label, figure.detail].forEach(add) }
        for section in document.sections {
            add(section.title)
            add(section.blocks)
        }
        for source in document.sources { [source.text, source.publisher].forEach(add) }
        for grade in document.gradesUsed { add(grade.legend(document.labels) + (grade.marker ?? "")) }
        for key in Labels.Key.allCases { add(document.labels[key]) }
        // What the page writes between the document's words: separators, arrows, quotes.
        add("\u{00B7}\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}\u{2192}\u{00D7}\u{2020}\u{2021}\u{00A0}")
        return PageText(codepoints: scalars.sorted(), italic: italic, boldItalic: boldItalic)
    }
}
