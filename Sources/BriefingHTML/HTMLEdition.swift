import BriefingContent
import BriefingModel
import Foundation

/// The briefing as one self-contained HTML5 page, written from the `Document` (not from the
/// PDF): header, contents as `nav`, the key judgements and key figures, the what-changed
/// panel, the sections with their figures (charts as inline SVG, each an image named by its
/// generated description), tables, footnotes with back links, and the numbered Sources. No
/// network: styles, charts and fonts are inside. The same document gives the same bytes.
public enum HTMLEdition {
    /// How many changes the panel lists before pointing at `briefing diff`, as in the PDF.
    static let changesShown = 12

    /// - Parameter fonts: the faces the page carries, given the characters it uses (the
    ///   reader's own fonts set it when there are none).
    public static func write(
        _ document: Document, charts: [Int: ChartSVG], generator: String, fonts: (PageText) -> [WebFont] = { _ in [] }
    ) -> Data {
        var page = HTMLPage(document: document, charts: charts)
        return Data(page.html(generator: generator, fonts: fonts).utf8)
    }
}

/// One writing of a page: the inline and block writers carry what they have numbered.
struct HTMLPage {
    let document: Document
    var blocks: HTMLBlocks

    init(document: Document, charts: [Int: ChartSVG]) {
        self.document = document
        blocks = HTMLBlocks(inlines: HTMLInlines(document: document), document: document, charts: charts)
    }

    private var labels: Labels { document.labels }

    mutating func html(generator: String, fonts: (PageText) -> [WebFont]) -> String {
        var body = "<a class=\"skip\" href=\"#main\">\(HTMLEscape.text(labels[.skipToContent]))</a>\n"
        if let banner = document.draftBanner { body += "<p class=\"draft\" role=\"note\">\(HTMLEscape.text(banner))</p>\n" }
        body += masthead()
        body += contents()
        body += "<main id=\"main\">\n"
        body += cover()
        body += changes()
        for section in document.sections { body += self.section(section) }
        body += sources()
        body += "</main>\n"
        body +=
            "<footer class=\"colophon\"><p>\(HTMLEscape.text(document.publisher)) \u{00B7} \(HTMLEscape.text(document.dateText))</p></footer>\n"

        var out = "<!DOCTYPE html>\n<html lang=\"\(HTMLEscape.attribute(document.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<title>\(HTMLEscape.text(document.title)) \u{2013} \(HTMLEscape.text(document.dateText))</title>\n"
        if !document.subtitle.isEmpty { out += "<meta name=\"description\" content=\"\(HTMLEscape.attribute(document.subtitle))\">\n" }
        if let author = document.author { out += "<meta name=\"author\" content=\"\(HTMLEscape.attribute(author))\">\n" }
        if !document.keywords.isEmpty {
            out += "<meta name=\"keywords\" content=\"\(HTMLEscape.attribute(document.keywords.joined(separator: ", ")))\">\n"
        }
        out += "<meta name=\"generator\" content=\"\(HTMLEscape.attribute(generator))\">\n"
        let faces = WebFont.css(fonts(PageText(page: out + body)))
        out += "<style>\n\(HTMLStyle.css)\(faces)</style>\n</head>\n<body>\n"
        return out + body + "</body>\n</html>\n"
    }

    // MARK: - Header and contents

    private func masthead() -> String {
        var out = "<header class=\"masthead\">\n"
        out += "<p class=\"kicker\">\(HTMLEscape.text(labels[.kicker])) \u{00B7} \(HTMLEscape.text(document.publisher))</p>\n"
        out += "<h1>\(HTMLEscape.text(document.title))</h1>\n"
        if !document.subtitle.isEmpty { out += "<p class=\"subtitle\">\(HTMLEscape.text(document.subtitle))</p>\n" }
        var meta = "<time datetime=\"\(Self.machineDate(document.date))\">\(HTMLEscape.text(document.dateText))</time>"
        if !document.audience.isEmpty {
            meta += " \u{00B7} \(HTMLEscape.text(labels[.audience])) \(HTMLEscape.text(document.audience))"
        }
        return out + "<p class=\"meta\">\(meta)</p>\n</header>\n"
    }

    /// `2026-11-30`, `2026-11` or `2026`: as precise as the briefing's date.
    static func machineDate(_ date: FuzzyDate) -> String {
        var text = String(format: "%04d", date.year)
        if let month = date.month, date.precision == .day || date.precision == .month { text += String(format: "-%02d", month) }
        if let day = date.day, date.precision == .day { text += String(format: "-%02d", day) }
        return text
    }

    private func contents() -> String {
        var out = "<nav class=\"contents\" id=\"contents\" aria-labelledby=\"contents-heading\">\n"
        out += "<h2 id=\"contents-heading\">\(HTMLEscape.text(labels[.contents]))</h2>\n<ol>\n"
        // As the PDF's contents: what changed first, the sections, then the Sources.
        if let changes = document.changes, !changes.entries.isEmpty {
            let heading = labels.text(.changesHeading, ["date": changes.sinceText, "count": "\(changes.entries.count)"])
            out += "<li><a href=\"#\(Anchor.changes)\">\(HTMLEscape.text(heading))</a></li>\n"
        }
        for section in document.sections {
            out +=
                "<li value=\"\(section.number)\"><a href=\"#\(HTMLEscape.attribute(Anchor.section(section.id)))\">"
                + "<span class=\"number\">\(section.number)</span> \(HTMLEscape.text(section.title))</a></li>\n"
        }
        if !document.sources.isEmpty {
            out += "<li><a href=\"#\(Anchor.sources)\">\(HTMLEscape.text(labels[.sources]))</a></li>\n"
        }
        out += "</ol>\n"
        let figures = document.sections.flatMap { $0.blocks.flatMap(\.charts) }
        if !figures.isEmpty {
            out += "<h3>\(HTMLEscape.text(Self.sentenceCase(labels[.figures])))</h3>\n<ol class=\"figures\">\n"
            for figure in figures {
                out +=
                    "<li value=\"\(figure.number)\"><a href=\"#\(HTMLEscape.attribute(figure.anchor))\">"
                    + "<span class=\"number\">\(HTMLEscape.text(labels.text(.figure, ["n": "\(figure.number)"])))</span> "
                    + "\(HTMLEscape.text(figure.title))</a></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</nav>\n"
    }

    /// A label written in capitals for print ("FIGURES") as a heading reads it: "Figures".
    static func sentenceCase(_ text: String) -> String {
        guard text == text.uppercased(), text != text.lowercased() else { return text }
        let lower = text.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    // MARK: - Cover

    private mutating func cover() -> String {
        var out = "<section class=\"judgements\" id=\"\(Anchor.keyJudgements)\" aria-labelledby=\"judgements-heading\">\n"
        out += "<h2 id=\"judgements-heading\">\(HTMLEscape.text(labels[.keyJudgementsBookmark]))</h2>\n"
        blocks.begin(scope: Anchor.keyJudgements)
        out += blocks.html(document.keyJudgements)
        out += "</section>\n"
        if !document.keyFigures.isEmpty {
            let title =
                document.isSelection
                ? "\(Self.sentenceCase(labels[.keyFigures])) \u{00B7} \(Self.sentenceCase(labels[.wholeBriefing]).lowercased())"
                : Self.sentenceCase(labels[.keyFigures])
            out += "<section class=\"key-figures\" aria-labelledby=\"figures-heading\">\n"
            out += "<h2 id=\"figures-heading\">\(HTMLEscape.text(title))</h2>\n<ul>\n"
            for figure in document.keyFigures { out += keyFigure(figure) }
            out += "</ul>\n</section>\n"
        }
        out += confidenceNote()
        return out
    }

    private func keyFigure(_ figure: Document.KeyFigure) -> String {
        var value = HTMLEscape.text(figure.value)
        if let marker = figure.confidence.marker {
            let legend = HTMLEscape.attribute(figure.confidence.legend(labels))
            value +=
                "<sup class=\"marker\"><a href=\"#\(Anchor.confidenceNote)\" aria-label=\"\(legend)\" title=\"\(legend)\">\(HTMLEscape.text(marker))</a></sup>"
        }
        var detail = HTMLEscape.text(figure.detail)
        if let number = document.citationNumber(figure.sourceID) {
            let name = HTMLEscape.attribute(labels.text(.sourceNumber, ["n": "\(number)"]))
            detail += " <a href=\"#\(Anchor.source(number))\" aria-label=\"\(name)\">[\(number)]</a>"
        }
        return "<li><p class=\"value\">\(value)</p><p class=\"label\">\(HTMLEscape.text(figure.label))</p>"
            + "<p class=\"detail\">\(detail)</p></li>\n"
    }

    private func confidenceNote() -> String {
        let marked = document.gradesUsed.filter { $0.marker != nil }
        var parts = marked.map { grade in
            "<span class=\"marker\">\(HTMLEscape.text(grade.marker!))</span> \(HTMLEscape.text(grade.legend(labels)))"
        }
        parts.append(HTMLEscape.text(labels[.sourcesNote]))
        let id = marked.isEmpty ? "" : " id=\"\(Anchor.confidenceNote)\""
        return "<p class=\"confidence-note\"\(id)>" + parts.joined(separator: " ") + "</p>\n"
    }

    // MARK: - What changed

    private func changes() -> String {
        guard let changes = document.changes, !changes.entries.isEmpty else { return "" }
        let heading = labels.text(.changesHeading, ["date": changes.sinceText, "count": "\(changes.entries.count)"])
        var out = "<section class=\"changes\" id=\"\(Anchor.changes)\" aria-labelledby=\"changes-heading\">\n"
        out += "<h2 id=\"changes-heading\">\(HTMLEscape.text(heading))</h2>\n<ul>\n"
        let numbers = Dictionary(document.sections.map { ($0.id, $0.number) }, uniquingKeysWith: { first, _ in first })
        for entry in changes.entries.prefix(HTMLEdition.changesShown) {
            var line = "<span class=\"tag\">\(HTMLEscape.text(entry.kindLabel(labels)))</span> \(HTMLEscape.text(entry.wording))"
            if entry.derived { line += " <span class=\"muted\">(\(HTMLEscape.text(labels[.changesDerived])))</span>" }
            var places: [String] = []
            if entry.onCover {
                places.append("<a href=\"#\(Anchor.keyJudgements)\">\(HTMLEscape.text(labels[.changesCover]))</a>")
            }
            for id in entry.sections {
                let name = labels.text(.section, ["n": "\(numbers[id] ?? 0)"])
                places.append("<a href=\"#\(HTMLEscape.attribute(Anchor.section(id)))\">\(HTMLEscape.text(name))</a>")
            }
            line +=
                places.isEmpty
                ? " \u{00B7} <em class=\"muted\">\(HTMLEscape.text(labels[.changesNotShown]))</em>"
                : " \u{00B7} " + places.joined(separator: ", ")
            out += "<li>\(line)</li>\n"
        }
        out += "</ul>\n"
        if changes.entries.count > HTMLEdition.changesShown {
            let more = labels.text(.changesMore, ["count": "\(changes.entries.count - HTMLEdition.changesShown)"])
            out += "<p class=\"muted\">\(HTMLEscape.text(more))</p>\n"
        }
        if changes.entries.contains(where: { $0.kind == .revised }) {
            out += "<p class=\"muted\">\(HTMLEscape.text(labels[.revisedNote]))</p>\n"
        }
        return out + "</section>\n"
    }

    // MARK: - Sections and sources

    private mutating func section(_ section: Document.Section) -> String {
        let anchor = HTMLEscape.attribute(Anchor.section(section.id))
        var out = "<section class=\"section\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-heading\">\n"
        out += "<h2 id=\"\(anchor)-heading\"><span class=\"number\">\(section.number)</span> \(HTMLEscape.text(section.title))</h2>\n"
        blocks.begin(scope: Anchor.section(section.id))
        out += blocks.html(section.blocks)
        return out + "</section>\n"
    }

    private func sources() -> String {
        guard !document.sources.isEmpty else { return "" }
        var out = "<section class=\"sources\" id=\"\(Anchor.sources)\" aria-labelledby=\"sources-heading\">\n"
        out += "<h2 id=\"sources-heading\">\(HTMLEscape.text(labels[.sources]))</h2>\n<ol>\n"
        for source in document.sources {
            var text = HTMLEscape.text(source.text)
            if let url = source.url {
                text += " <a href=\"\(HTMLEscape.attribute(url))\">\(HTMLEscape.text(url))</a>"
            }
            out += "<li id=\"\(Anchor.source(source.number))\" value=\"\(source.number)\">\(text)</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}
