import BriefingContent
import BriefingModel
import Foundation
import TestSupport
import Testing

@testable import BriefingTemplate

/// What users write besides paragraphs: GFM tables, footnotes, images, and raw HTML (a
/// warning, never raw text).
@Suite struct MarkdownFeatureTests {
    private func parse(_ text: String) throws -> MarkdownParser.Parsed {
        try MarkdownParser.parse(text, file: "s.md")
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try parse(text)
            Issue.record("parsed although invalid")
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A 100,000-character URL made a 245 MB PDF (printed, and repeated in every wrapped
    /// line's link annotation): refused at its place.
    @Test func overlongLinksAreRefusedWhereTheyAre() throws {
        let message = failure("Read [the data](https://example.org/\(String(repeating: "q", count: 5_000))).\n")
        #expect(message.contains("s.md:1:6: error: a link of 5020 characters; at most 2048 are allowed"), "\(message)")
        #expect(try parse("[ok](https://example.org/\(String(repeating: "q", count: 2_000)))\n").blocks.count == 1)
    }

    /// A `javascript:` link reached the HTML edition and ran when clicked (and the PDF's
    /// /URI carried it): only web, mail and in-briefing links are allowed.
    @Test func linksGoOnlyToTheWebMailOrThisBriefing() throws {
        for url in ["javascript:alert(3)", "JavaScript:alert(3)", "file:///etc/passwd", "data:text/html,x", "other.pdf", "//evil.example"] {
            let message = failure("See [this](\(url)).\n")
            #expect(
                message.contains("s.md:1:5: error: a link to '\(url)': links go to http(s) addresses, mailto: or #places"), "\(message)")
        }
        for url in ["https://example.org/a", "HTTP://example.org", "mailto:desk@example.org", "#section-outlook"] {
            #expect(try parse("See [this](\(url)).\n").blocks.count == 1, "\(url)")
        }
    }

    /// `[x]({{ref.section.ai}})` named the placeholder's internal token ('r:section:ai') in
    /// its error (found by helper-31): it is said as the author wrote it.
    @Test func aPlaceholderAsALinksAddressIsSaidInTheAuthorsWords() throws {
        let message = failure("See [this](\u{E000}r:section:ai\u{E001}).\n")
        #expect(message.contains("s.md:1:5: error: a link's address is a placeholder"), "\(message)")
        #expect(!message.contains("r:section"), "\(message)")
    }

    @Test func anHTMLCommentOnALineOfItsOwnBreaksThePage() throws {
        for marker in ["<!-- page break -->", "<!--pagebreak-->", "<!-- Page-Break -->"] {
            let parsed = try parse("Before.\n\n\(marker)\n\nAfter.\n")
            #expect(parsed.blocks == [.paragraph([.text("Before.")]), .pageBreak, .paragraph([.text("After.")])], "\(marker)")
            #expect(parsed.warnings.isEmpty)
        }
        // Any other comment is raw HTML: left out, with a warning.
        let other = try parse("Before.\n\n<!-- a note to self -->\n")
        #expect(other.blocks == [.paragraph([.text("Before.")])] && other.warnings.count == 1)
    }

    @Test func aTableInAShadedBoxOrAListItemCountsItsOwnCells() throws {
        for text in [
            "> Boxed.\n>\n> | A | B |\n> |---|---|\n> | 1 | 2 |\n", "- Item.\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n",
            "> - Item.\n>\n>   | A | B |\n>   |---|---|\n>   | 1 | 2 |\n",
        ] {
            #expect(throws: Never.self, "\(text)") { try parse(text) }
        }
        #expect(failure("> | A | B |\n> |---|---|\n> | 1 | 2 | 3 |\n").contains("s.md:3:3: error: this table row has 3 cells"))
    }

    @Test func tablesKeepAlignmentAndRightAlignNumbers() throws {
        let blocks = try parse(
            "| Quarter | TSMC | Note |\n|:--|---|:-:|\n| Q1 2025 | 67.6% | *record* |\n| Q2 2025 | 1,250 | |\n"
        ).blocks
        guard case .table(let table) = blocks.first else {
            Issue.record("not a table: \(blocks)")
            return
        }
        #expect(table.header.map(\.plainText) == ["Quarter", "TSMC", "Note"])
        #expect(table.rows.count == 2 && table.rows[0][2] == [.emphasis([.text("record")])])
        #expect(table.alignments == [.left, .right, .center], "written left, numbers right, written centre")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsALocatedError() {
        let message = failure("Intro.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n")
        #expect(message.contains("s.md:6:1: error: this table row has 1 cell, but the header has 2"), "\(message)")
        #expect(message.contains("s.md:7:1: error: this table row has 3 cells, but the header has 2"), "\(message)")
    }

    /// A table written straight after a paragraph's lines takes the last for its header;
    /// cmark-gfm reports that row at the paragraph's first line, which is not a row.
    @Test func aTableRightAfterTextCountsItsHeaderRow() throws {
        for text in [
            "Some paragraph text\n| A | B |\n|---|---|\n| 1 | 2 |\n", "One line.\nTwo lines.\n| A | B |\n| :-- | --: |\n| 1 | 2 |\n",
            "Text\r\n| A | B |\r\n|---|---|\r\n", "> Boxed text\n> | A | B |\n> |---|---|\n> | 1 | 2 |\n",
        ] {
            #expect(throws: Never.self, "\(text.debugDescription)") { try parse(text) }
        }
        let message = failure("Text\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 |\n")
        #expect(message.contains("s.md:5:1: error: this table row has 1 cell") && !message.contains("s.md:1:"), "\(message)")
    }

    /// Lines end as cmark ends them: LF, CR LF or a lone CR (old Mac files), and a table
    /// is counted on its own lines whichever it is.
    @Test func linesEndAtLineFeedsCarriageReturnsOrBoth() throws {
        #expect(MarkdownParser.Converter.lines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(MarkdownParser.Converter.lines("a\r\r\nb\n\n") == ["a", "", "b", "", ""])
        #expect(MarkdownParser.Converter.lines("") == [""])
        for text in ["Text.\r\r| A | B |\r|---|---|\r", "| A | B |\r|---|---|\r| x | 1 |\r", "Text\r| A | B |\r|---|---|\r| 1 | 2 |\r"] {
            #expect(throws: Never.self, "\(text.debugDescription)") { try parse(text) }
        }
        #expect(failure("Intro.\r\r| A | B |\r|---|---|\r| 1 | 2 |\r| 3 |\r").contains("s.md:6:1: error: this table row has 1 cell"))
    }

    /// A file saved with Windows line ends is counted line by line too.
    @Test func aRowWithTheWrongNumberOfCellsIsFoundWithWindowsLineEnds() throws {
        let message = failure("Intro.\r\n\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n| 3 |\r\n")
        #expect(message.contains("s.md:6:1: error: this table row has 1 cell, but the header has 2"), "\(message)")
        #expect(throws: Never.self) { try parse("| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n| 3 | 4 |\r\n") }
    }

    /// As GFM reads it: an escaped pipe is text, inside code spans too.
    @Test func escapedPipesAreNotCells() throws {
        let blocks = try parse("| A | B |\n|---|---|\n| `a\\|b` | c \\| d |\n").blocks
        guard case .table(let table) = blocks.first else {
            Issue.record("not a table")
            return
        }
        #expect(table.rows[0].map(\.plainText) == ["a|b", "c | d"])
    }

    @Test func footnotesAreNumberedByFirstReferenceAndSetAtTheEnd() throws {
        let blocks = try parse("Later.[^b] First?[^a] Again.[^b]\n\n[^a]: Note a.\n[^b]: Note b.\n[^unused]: Never cited.\n").blocks
        guard case .paragraph(let inlines) = blocks.first, case .notes(let notes) = blocks.last else {
            Issue.record("\(blocks)")
            return
        }
        #expect(inlines.compactMap { if case .footnote(let n) = $0 { n } else { nil } } == [1, 2, 1])
        #expect(notes.map(\.number) == [1, 2])
        #expect(notes.map { $0.blocks.first.map { [$0] }?.first } == [.paragraph([.text("Note b.")]), .paragraph([.text("Note a.")])])
    }

    @Test func aFootnoteNeverDefinedIsALocatedError() {
        let message = failure("Intro.\n\nSee the note.[^missing]\n")
        #expect(message.contains("s.md:3:14: error: footnote '[^missing]' is never defined"), "\(message)")
        let later = failure("Intro.\n\nA first line\nand [^ok] then [^gone].\n\n[^ok]: Fine.\n")
        #expect(later.contains("s.md:4:16: error: footnote '[^gone]' is never defined"), "at its own line: \(later)")
    }

    /// `[^x]` escaped in the source, or in a placeholder's value (values are always escaped),
    /// is text, not a reference to a note.
    @Test func anEscapedFootnoteReferenceIsText() throws {
        let escaped = try parse("Write \\[^x] for a note.\n")
        #expect(escaped.blocks == [.paragraph([.text("Write [^x] for a note.")])], "\(escaped.blocks)")
        let value = MarkdownContentType().escapeText("Label [^1] here")
        let fromValue = try parse("The value: \(value).\n")
        #expect(fromValue.blocks.first.map { "\($0)" }?.contains("[") == true)
        #expect(failure("Still \\\\[^x] a reference.\n").contains("s.md:1:9: error: footnote '[^x]' is never defined"))
    }

    /// What the expanded file cannot tell is read in the file as written: a value reading
    /// `[^1]` beside a real reference to the defined note 1 is text, and an error's column is
    /// where the author wrote the reference, counted in characters.
    @Test func undefinedNotesAreFoundInTheFileAsWritten() throws {
        func parse(_ expanded: String, written: String) throws -> MarkdownParser.Parsed {
            try MarkdownParser.parse(expanded, file: "s.md", written: .init(text: written, expandCode: { _ in nil }))
        }
        let beside = try parse("A X\\[\\^1\\]y here.[^1]\n\n[^1]: Note.\n", written: "A {{param.x}} here.[^1]\n\n[^1]: Note.\n")
        #expect(beside.blocks.count == 2, "\(beside.blocks)")
        do {
            _ = try parse("Cap 1\\,250 MW then [^nope].\n", written: "Cap {{fig.capacity}} then [^nope].\n")
            Issue.record("built although a note is undefined")
        } catch {
            #expect("\(error)".contains("s.md:1:27: error: footnote '[^nope]' is never defined"), "\(error)")
        }
        #expect(failure("Ünïcödé 中国 text [^nope]\n").contains("s.md:1:17: error: footnote '[^nope]'"))
        // Wherever text stands: a heading, emphasis, a link's text, a table cell.
        #expect(failure("## Heading [^h]\n").contains("s.md:1:12: error: footnote '[^h]'"))
        #expect(failure("Para *emph [^e]* end.\n").contains("s.md:1:12: error: footnote '[^e]'"))
        #expect(failure("A [link [^l]](https://x.org).\n").contains("s.md:1:9: error: footnote '[^l]'"))
        #expect(failure("| a | b |\n|---|---|\n| x | [^t] |\n").contains("s.md:3:7: error: footnote '[^t]'"))
        // An autolink's text is its address, not a reference.
        let autolinks = try MarkdownParser.parse("Auto <https://example.org/a[^v]b>, https://example.org/c[^w]d and www.example.org/e[^z].\n", file: "s.md")
        #expect(autolinks.blocks.count == 1)
    }

    @Test func rawHTMLIsAWarningAndLeftOut() throws {
        let parsed = try parse("Text <span>inline</span> here.\n\n<div>block</div>\n")
        #expect(parsed.warnings.count == 3, "\(parsed.warnings)")
        #expect(parsed.warnings.contains { $0.location.line == 3 && $0.message.contains("raw HTML is not rendered") })
        #expect(parsed.blocks == [.paragraph([.text("Text "), .text("inline"), .text(" here.")])])
    }
}

/// Images come from inside the template folder, have alt text, and are what they claim to be.
@Suite struct ImageTests {
    static let png: Data = {
        // A 2 x 1 PNG: signature, IHDR, IDAT, IEND (checksums as zlib/PNG compute them).
        Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==")!
    }()

    private func build(_ section: String, files: [String: Data] = [:]) throws -> Document {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.url("images"), withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: fixture.url(name)) }
        try fixture.write("sections/outlook.md", section)
        return try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
    }

    private func failure(_ section: String, files: [String: Data] = [:]) -> String {
        do {
            _ = try build(section, files: files)
            Issue.record("built although invalid")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func pngAndSVGImagesCarryTheirSizeAltAndTitle() throws {
        let svg = Data(
            #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="300" height="150"/></svg>"#
                .utf8)
        let document = try build(
            "![Two sites](images/a.png \"The sites\")\n\n![A network](images/b.svg)\n",
            files: ["images/a.png": Self.png, "images/b.svg": svg])
        let blocks = try #require(document.sections.last?.blocks)
        let images = blocks.flatMap(\.images)
        #expect(images.map(\.format) == [.png, .svg])
        #expect(images[0].width == 2 && images[0].height == 1 && images[0].alt == "Two sites" && images[0].title == "The sites")
        #expect(images[1].width == 300 && images[1].height == 150)
    }

    @Test func badImagesAreLocatedErrors() {
        #expect(
            failure("Intro.\n\n![](images/a.png)\n", files: ["images/a.png": Self.png]).contains(
                "outlook.md:3:1: error: the image 'images/a.png' has no alt text"))
        #expect(failure("![Map](images/none.png)\n").contains("image 'images/none.png': no such file"))
        #expect(
            failure("![Map](images/a.png)\n", files: ["images/a.png": Data("<svg/>".utf8)]).contains("'images/a.png' is not a PNG file"))
        #expect(failure("![Map](images/a.svg)\n", files: ["images/a.svg": Self.png]).contains("'images/a.svg' is not an SVG file"))
        #expect(failure("![Map](images/a.gif)\n").contains("'images/a.gif' is not a PNG or SVG image"))
        // A placeholder as the path arrived as its internal token (found by helper-32).
        let placeholder = failure("![Map]({{ref.section.outlook}})\n")
        #expect(placeholder.contains("an image's path is a placeholder") && !placeholder.contains("r:section"), "\(placeholder)")
        #expect(failure("![Map](../../etc/passwd.png)\n").contains("points outside the template folder"))
        #expect(
            failure("![Map](images/a.png \"Sites {{fig.site-output}}\")\n", files: ["images/a.png": Self.png]).contains(
                "outlook.md:1:1: error: the image caption is printed as plain text"))
        let large = Data(count: ImageLoader.maximumBytes + 1)
        #expect(failure("![Map](images/big.png)\n", files: ["images/big.png": large]).contains("the file is too large"))
        #expect(
            failure("Text ![Map](images/a.png) in a sentence.\n", files: ["images/a.png": Self.png]).contains(
                "images cannot stand inside text"))
    }
}

/// Chart titles and image captions print as plain text (caption, contents, bookmarks): a
/// citation, marker or reference in one is a located error, not code printed to the reader.
@Suite struct TitleTokenTests {
    private func failure(_ section: String) -> String {
        do {
            let fixture = try TemplateFixture(template: "starter")
            defer { fixture.remove() }
            try fixture.write("sections/outlook.md", section)
            _ = try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
            Issue.record("built although invalid")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aTitleWithACitationIsALocatedError() {
        let block = failure("Intro.\n\n```chart bar\nseries: generation\ntitle: Output {{fig.site-output}}\n```\n")
        #expect(block.contains("outlook.md:3:1: error: the chart title is printed as plain text"), "\(block)")
        #expect(block.contains("{{fig.ID.bare}}"), "\(block)")
        let inline = failure("Intro.\n\n![Output {{fig.site-output}}](chart:growth-rates)\n")
        #expect(inline.contains("outlook.md:3:1: error: the chart title is printed as plain text"), "\(inline)")
    }

    @Test func aTitleWithABareValueBuilds() throws {
        let fixture = try TemplateFixture(template: "starter")
        defer { fixture.remove() }
        try fixture.write(
            "sections/outlook.md", "Intro.\n\n```chart bar\nseries: generation\ntitle: Output of {{fig.site-output.bare}}\n```\n")
        let document = try DocumentBuilder.build(
            template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
        let title = try #require(document.sections.last?.blocks.flatMap(\.charts).first?.title)
        #expect(!title.contains("{{") && title.hasPrefix("Output of "), "\(title)")
        // A chart block's options are plain text: a value's escapes, and its backtick, undone.
        try fixture.replace("data.yaml", "label: Installed capacity\n", with: "label: 'Cap `tick` (a-b)'\n")
        try fixture.write("sections/outlook.md", "Intro.\n\n```chart bar\nseries: generation\ntitle: {{fig.capacity.label}}\n```\n")
        let again = try DocumentBuilder.build(template: try TemplateLoader.load(directory: fixture.directory), date: FuzzyDate(year: 2026))
        #expect(again.sections.last?.blocks.flatMap(\.charts).first?.title == "Cap `tick` (a-b)")
    }
}
