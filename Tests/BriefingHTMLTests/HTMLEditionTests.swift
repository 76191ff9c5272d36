import BriefingContent
import BriefingModel
import Foundation
import Testing

@testable import BriefingHTML

/// The HTML edition from a document built by hand: its structure as a screen reader and a
/// browser read it (landmarks, heading levels, every internal link's target, named marks and
/// drawings, table headers, footnote back links), escaping, and reproducible bytes.
@Suite struct HTMLEditionTests {
    static func document() -> Document {
        let bar = ChartFigure(
            kind: .bar, data: .bars([.init(label: "A", value: 3, confidence: .confirmed)], unit: "fabs"), number: 1,
            title: "Fabs <new>", altText: "1 value in fabs: A 3.", sourceIDs: ["semi"], sourceNote: "counted at groundbreaking")
        let table = Table(
            header: [[.text("Country")], [.text("Fabs")]], rows: [[[.text("Japan")], [.text("3"), .citation(sourceID: "semi")]]],
            alignments: [.left, .right])
        var document = Document(
            title: "Chips & fabs", subtitle: "Where they go", publisher: "Desk", audience: "Leaders", author: nil, keywords: ["chips"],
            dateText: "30 November 2026", date: FuzzyDate(year: 2026, month: 11, day: 30),
            keyJudgements: [.bulletList([[.paragraph([.strong([.text("Lead.")]), .text(" 18 fabs"), .confidenceMarker(.reported)])]])],
            keyFigures: [.init(value: "18", label: "New fabs", detail: "2025", confidence: .reported, sourceID: "semi")],
            sections: [
                .init(
                    id: "fabs", number: 1, title: "New fabs",
                    blocks: [
                        .paragraph([.text("Japan <script>alert(1)</script> builds"), .footnote(1), .text(" more"), .footnote(1)]),
                        .heading(level: 3, [.text("A minor heading first")]),
                        .heading(level: 2, [.text("Where")]),
                        .heading(level: 3, [.text("Detail")]),
                        .chart(bar), .table(table),
                        .paragraph([
                            .text("Revised"), .revisedMarker, .text("; see "), .link(url: "#section-outlook", [.text("section 2")]),
                        ]),
                        .notes([Footnote(number: 1, blocks: [.paragraph([.text("A note.")])])]),
                    ]),
                .init(id: "outlook", number: 2, title: "Outlook", blocks: [.paragraph([.text("More.")])]),
            ],
            sources: [
                .init(
                    number: 1, id: "semi", text: "SEMI, World Fab Forecast, 2025.", url: "https://example.org/a?b=1&c=2", publisher: "SEMI")
            ],
            gradesUsed: [.confirmed, .reported], isSelection: true, language: "en-GB")
        var changes = FactChanges(
            sinceEdition: 1, sinceText: "23 November 2026",
            entries: [.init(kind: .revised, key: "fig.fabs", label: "New fabs", old: "17", new: "18")])
        changes.entries[0].onCover = true
        changes.entries[0].sections = ["fabs"]
        document.changes = changes
        return document
    }

    static let svg = ChartSVG(
        markup: "<svg role=\"img\" aria-label=\"1 value in fabs: A 3.\" focusable=\"false\" viewBox=\"0 0 10 10\"></svg>", unlabelled: [])

    func html() -> String { String(decoding: HTMLEdition.write(Self.document(), charts: [1: Self.svg], generator: "test"), as: UTF8.self) }

    /// Every `id="…"`, and every internal link's target.
    func ids(_ html: String) -> [String] { html.matches(of: /\sid="([^"]+)"/).map { String($0.1) } }
    func internalLinks(_ html: String) -> [String] { html.matches(of: /href="#([^"]+)"/).map { String($0.1) } }

    @Test func landmarksHeadingsAndLanguage() {
        let html = html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.matches(of: /<h1>/).count == 1 && html.contains("<h1>Chips &amp; fabs</h1>"))
        #expect(
            html.contains("<nav class=\"contents\"") && html.contains("<main id=\"main\">") && html.contains("<header class=\"masthead\">"))
        #expect(html.contains("<time datetime=\"2026-11-30\">30 November 2026</time>"))
        // h2 for the section, then never a skipped level: a ### before any ## is h3.
        let headings = html.matches(of: /<h([1-6])/).map { Int($0.1)! }
        #expect(zip(headings, headings.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(headings)")
        #expect(html.contains("<h3>A minor heading first</h3>") && html.contains("<h3>Where</h3>") && html.contains("<h4>Detail</h4>"))
        #expect(html.contains("Key figures \u{00B7} whole briefing"), "a selection's key figures say they cover the whole briefing")
        // The contents list what the PDF's do: what changed, the sections, the Sources.
        #expect(html.contains("<li><a href=\"#changes\">What changed since 23 November 2026 (1)</a></li>"))
        #expect(html.contains("<li><a href=\"#sources\">Sources</a></li>\n</ol>"))
        // One image per chart: its region scrolls on a phone, the drawing is the image.
        #expect(html.contains("<div class=\"drawing\" tabindex=\"0\" role=\"region\" aria-label=\"Figure 1\">\n<svg role=\"img\""))
    }

    @Test func everyInternalLinkHasItsTargetAndIdsAreUnique() {
        let html = html()
        let ids = ids(html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        let missing = Set(internalLinks(html)).subtracting(ids)
        #expect(missing.isEmpty, "links without a target: \(missing)")
        for needed in ["source-1", "confidence-note", "changes", "key-judgements", "figure-1", "section-fabs", "section-outlook"] {
            #expect(internalLinks(html).contains(needed), "nothing links to \(needed)")
        }
    }

    @Test func marksFiguresTablesAndNotes() {
        let html = html()
        #expect(html.contains("<sup class=\"cite\"><a href=\"#source-1\" aria-label=\"source 1\">[1]</a></sup>"))
        #expect(html.contains("aria-label=\"Reported: a secondary source attributes the figure to the primary publisher.\""))
        #expect(html.contains("<sup class=\"rev\"><a href=\"#changes\" aria-label=\"Revised\">rev</a></sup>"))
        // The figure: caption, description hidden from screen readers (the drawing says it),
        // the drawing, the source line.
        #expect(
            html.contains("<figcaption id=\"figure-1-caption\"><span class=\"figure-number\">Figure 1</span> Fabs &lt;new&gt;</figcaption>")
        )
        #expect(html.contains("<p class=\"description\" aria-hidden=\"true\">1 value in fabs: A 3.</p>"))
        #expect(html.contains(Self.svg.markup))
        #expect(
            html.contains("<strong>Source:</strong> SEMI <a href=\"#source-1\" aria-label=\"source 1\">[1]</a>. Counted at groundbreaking.")
        )
        #expect(html.contains("<th scope=\"col\">Country</th><th scope=\"col\" class=\"number\">Fabs</th>"))
        #expect(html.contains("<th scope=\"row\">Japan</th><td class=\"number\">3<sup class=\"cite\">"))
        // A note referenced twice returns to its first reference.
        #expect(html.matches(of: /id="section-fabs.note-1-ref"/).count == 1)
        #expect(
            html.contains("<li id=\"section-fabs.note-1\" value=\"1\">\n<p>A note. <a class=\"back\" href=\"#section-fabs.note-1-ref\""))
        #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"))
    }

    @Test func whatChangedSaysWhereEachChangeShows() {
        let html = html()
        #expect(html.contains("<h2 id=\"changes-heading\">What changed since 23 November 2026 (1)</h2>"))
        #expect(html.contains("<a href=\"#key-judgements\">cover</a>, <a href=\"#section-fabs\">section 1</a>"))
        #expect(html.contains("rev marks a number revised since that edition."))
    }

    @Test func textIsEscapedNeverMarkup() {
        let html = html()
        #expect(!html.contains("<script>") && html.contains("Japan &lt;script&gt;alert(1)&lt;/script&gt; builds"))
    }

    /// A code block keeps its lines and indentation in a browser, as in the PDF.
    @Test func codeKeepsItsLines() {
        var document = Self.document()
        document.sections[1].blocks = [.paragraph([.code("first line\n    indented")])]
        let html = String(decoding: HTMLEdition.write(document, charts: [1: Self.svg], generator: "test"), as: UTF8.self)
        #expect(html.contains("<code>first line\n    indented</code>"))
        #expect(html.contains("code { white-space: pre-wrap; }"))
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        #expect(html() == html())
    }

    @Test func namesForEachFormat() {
        #expect(OutputFormat.html.path(for: "out/b.pdf") == "out/b.html")
        #expect(OutputFormat.html.path(for: "out.d/briefing") == "out.d/briefing.html", "no extension: the HTML gets its own")
        #expect(OutputFormat.pdf.path(for: "out.d/briefing") == "out.d/briefing", "the PDF is named as given")
        #expect(OutputFormat.pdf.path(for: "b.PDF") == "b.PDF" && OutputFormat.html.path(for: "b.PDF") == "b.html")
        #expect(OutputFormat.html.path(for: "report.htm") == "report.htm")
        #expect(OutputFormat.pdf.path(for: "out/b.html") == "out/b.pdf")
        #expect(OutputFormat.png.path(for: "out/b.pdf") == "out/b.pdf", "page images are named from the output as given")
        #expect(OutputFormat.html.path(for: "-") == "-")
        #expect(OutputFormat.html.path(for: "out/.pdf") == "out/.pdf.html", "a hidden name is not an extension")
        #expect(OutputFormat.pdf.path(for: "out/.pdf") == "out/.pdf")
        // Beside another format's file, a name without a format's extension is never taken twice.
        #expect(OutputFormat.html.path(beside: "out/brief") == "out/brief.html")
        #expect(OutputFormat.html.path(beside: "out/b.pdf") == "out/b.html")
        #expect(OutputFormat.pdf.path(beside: "out/b.html") == "out/b.pdf")
        #expect(OutputFormat.html.path(beside: "report.v2") == "report.v2.html")
        #expect(OutputFormat.html.path(beside: "out/.pdf") == "out/.pdf.html")
        #expect(HTMLPage.machineDate(FuzzyDate(year: 2026, month: 11)) == "2026-11")
        #expect(HTMLPage.sentenceCase("KEY FIGURES") == "Key figures" && HTMLPage.sentenceCase("Figures") == "Figures")
    }
}
