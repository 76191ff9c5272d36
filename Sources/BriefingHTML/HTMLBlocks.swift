import BriefingContent
import BriefingModel
import Foundation

/// A chart drawn for the page: its SVG markup (ids made unique to it) and the timeline events
/// it could not label, which are listed after it as in the PDF.
public struct ChartSVG: Sendable {
    public var markup: String
    public var unlabelled: [Int]
    public init(markup: String, unlabelled: [Int]) {
        self.markup = markup
        self.unlabelled = unlabelled
    }
}

/// Block content as HTML, with the PDF's heading levels: a section's title is h2, `##` h3,
/// `###` and below h4 (h3 while the section has no `##` yet), so no level is skipped.
struct HTMLBlocks {
    var inlines: HTMLInlines
    let document: Document
    let charts: [Int: ChartSVG]
    private var subsectionOpen = false

    init(inlines: HTMLInlines, document: Document, charts: [Int: ChartSVG]) {
        self.inlines = inlines
        self.document = document
        self.charts = charts
    }

    /// Starts a new section (or the cover): footnotes link to its notes, headings start at h3.
    mutating func begin(scope: String) {
        inlines.noteScope = scope
        subsectionOpen = false
    }

    mutating func html(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { out += html(block) }
        return out
    }

    private mutating func html(_ block: Block) -> String {
        switch block {
        case .heading(let level, let content):
            let tag = level <= 2 || !subsectionOpen ? "h3" : "h4"
            if level <= 2 { subsectionOpen = true }
            return "<\(tag)>" + inlines.html(content) + "</\(tag)>\n"
        case .paragraph(let content):
            return "<p>" + inlines.html(content) + "</p>\n"
        case .bulletList(let items):
            return "<ul>\n" + items.map { "<li>" + item($0) + "</li>\n" }.joined() + "</ul>\n"
        case .orderedList(let start, let items):
            let first = start == 1 ? "" : " start=\"\(start)\""
            return "<ol\(first)>\n" + items.map { "<li>" + item($0) + "</li>\n" }.joined() + "</ol>\n"
        case .callout(let blocks):
            return "<aside class=\"callout\">\n" + html(blocks) + "</aside>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .chart(let figure):
            return chart(figure)
        case .table(let table):
            return self.table(table)
        case .image(let image):
            return self.image(image)
        case .notes(let notes):
            return self.notes(notes)
        case .pageBreak:
            return ""
        }
    }

    /// A list item: a lone paragraph is written without its `<p>`, as in tight Markdown.
    private mutating func item(_ blocks: [Block]) -> String {
        if blocks.count == 1, case .paragraph(let content) = blocks[0] { return inlines.html(content) }
        return "\n" + html(blocks)
    }

    // MARK: - Figures

    private mutating func chart(_ figure: ChartFigure) -> String {
        let id = HTMLEscape.attribute(figure.anchor)
        let labels = document.labels
        var out = "<figure class=\"chart\" id=\"\(id)\" aria-labelledby=\"\(id)-caption\">\n"
        let number =
            figure.number > 0
            ? "<span class=\"figure-number\">\(HTMLEscape.text(labels.text(.figure, ["n": "\(figure.number)"])))</span> " : ""
        out += "<figcaption id=\"\(id)-caption\">\(number)\(HTMLEscape.text(figure.title))</figcaption>\n"
        // The description is printed for sighted readers and spoken once, as the drawing's
        // name (the PDF's Figure /Alt): the printed copy is hidden from screen readers.
        out += "<p class=\"description\" aria-hidden=\"true\">\(HTMLEscape.text(figure.altText))</p>\n"
        let drawn = charts[figure.number]
        if let drawn {
            // The drawing (an image named by its description) keeps a legible size on a phone
            // and scrolls sideways inside its own region, as a wide table does.
            let region = HTMLEscape.attribute(labels.text(.figure, ["n": "\(figure.number)"]))
            out += "<div class=\"drawing\" tabindex=\"0\" role=\"region\" aria-label=\"\(region)\">\n\(drawn.markup)\n</div>\n"
        }
        out += sourceLine(figure, unlabelled: drawn?.unlabelled.count ?? 0)
        if case .timeline(let events, _) = figure.data, let unlabelled = drawn?.unlabelled, !unlabelled.isEmpty {
            out += "<h4>\(HTMLEscape.text(labels.text(.unlabelledHeading, ["n": "\(figure.number)"])))</h4>\n<dl class=\"unlabelled\">\n"
            for event in unlabelled.map({ events[$0] }) {
                let marker = event.attribution.confidence.marker.map { "<sup class=\"marker\">\(HTMLEscape.text($0))</sup>" } ?? ""
                out += "<dt>\(HTMLEscape.text(event.when.text(labels)))</dt><dd>\(HTMLEscape.text(event.title))\(marker)</dd>\n"
            }
            out += "</dl>\n"
        }
        return out + "</figure>\n"
    }

    /// "Source: SIPRI [1][2]. Note." as under the PDF's figure.
    private func sourceLine(_ figure: ChartFigure, unlabelled: Int) -> String {
        let labels = document.labels
        var parts: [String] = []
        let groups = figure.sourcesByPublisher(document.source)
        if !groups.isEmpty {
            let cited = groups.map { group in
                HTMLEscape.text(group.publisher) + " "
                    + group.numbers.map { number in
                        let name = HTMLEscape.attribute(labels.text(.sourceNumber, ["n": "\(number)"]))
                        return "<a href=\"#\(Anchor.source(number))\" aria-label=\"\(name)\">[\(number)]</a>"
                    }.joined()
            }
            parts.append("<strong>\(HTMLEscape.text(labels[.source]))</strong> " + cited.joined(separator: "; ") + ".")
        }
        if let note = figure.sourceNoteSentence { parts.append(HTMLEscape.text(note)) }
        if unlabelled > 0 {
            let count = NumberFormatting.format(Double(unlabelled))
            parts.append(HTMLEscape.text(labels.counted(unlabelled, one: .unlabelledListedOne, other: .unlabelledListed, ["count": count])))
        }
        return parts.isEmpty ? "" : "<p class=\"source\">" + parts.joined(separator: " ") + "</p>\n"
    }

    private func image(_ image: ImageFigure) -> String {
        let type = image.format == .svg ? "image/svg+xml" : "image/png"
        let source = "data:\(type);base64," + image.data.base64EncodedString()
        let size =
            image.width > 0 && image.height > 0 ? " width=\"\(Int(image.width.rounded()))\" height=\"\(Int(image.height.rounded()))\"" : ""
        var out = "<figure class=\"image\">\n<img src=\"\(source)\" alt=\"\(HTMLEscape.attribute(image.alt))\"\(size)>\n"
        if !image.title.isEmpty { out += "<figcaption>\(HTMLEscape.text(image.title))</figcaption>\n" }
        return out + "</figure>\n"
    }

    // MARK: - Tables and notes

    private mutating func table(_ table: Table) -> String {
        func align(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .left: return ""
            case .center: return " class=\"center\""
            case .right: return " class=\"number\""
            }
        }
        var out =
            "<div class=\"table\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTMLEscape.attribute(table.header.plainTextCells))\">\n<table>\n<thead><tr>"
        for (column, cell) in table.header.enumerated() { out += "<th scope=\"col\"\(align(column))>" + inlines.html(cell) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                // The first column names the row, as a reader scans it.
                out +=
                    column == 0
                    ? "<th scope=\"row\"\(align(column))>" + inlines.html(cell) + "</th>"
                    : "<td\(align(column))>" + inlines.html(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    private mutating func notes(_ notes: [Footnote]) -> String {
        var out = "<section class=\"notes\" role=\"doc-endnotes\">\n<ol>\n"
        for note in notes {
            let anchor = Anchor.note(note.number, in: inlines.noteScope)
            let back = HTMLInlines.referenceID(for: anchor)
            var body = html(note.blocks)
            if body.hasSuffix("</p>\n") { body.removeLast(5) } else { body += "<p>" }
            let name = HTMLEscape.attribute(document.labels[.backToText])
            body +=
                " <a class=\"back\" href=\"#\(HTMLEscape.attribute(back))\" role=\"doc-backlink\" aria-label=\"\(name)\">\u{21A9}\u{FE0E}</a></p>\n"
            out += "<li id=\"\(HTMLEscape.attribute(anchor))\" value=\"\(note.number)\">\n" + body + "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}

extension [[Inline]] {
    /// A table's header cells as one line: the name of its scrolling region.
    var plainTextCells: String { map(\.plainText).joined(separator: ", ") }
}
