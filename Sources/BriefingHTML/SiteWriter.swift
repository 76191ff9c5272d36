import Foundation

/// A static site of an output's editions: `index.html` (each edition with its date, number,
/// pages, changes and links to its HTML and PDF), a page per edition with its what-changed
/// list, and `feed.xml`, an Atom feed (RFC 4287) with an entry per edition. Pages are plain,
/// accessible HTML with the edition's styles; the same editions give the same bytes.
public struct SiteWriter {
    public let editions: [SiteEdition]
    /// Where the site is served (`https://intranet/briefings/`): the feed's links are made
    /// absolute with it. Without one they are relative to the feed.
    public let baseURL: String?
    /// A stable identity for the feed's ids (the edition store's).
    public let identity: String
    /// The size in bytes of each edition's files, by their path in the site
    /// (`editions/N/NAME`): a feed reader shows an enclosure's size before fetching it.
    public var sizes: [String: Int] = [:]

    /// - Parameter editions: any order; the site lists the newest first.
    public init(editions: [SiteEdition], baseURL: String?, identity: String) {
        self.editions = editions.sorted { $0.number > $1.number }
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.identity = identity
    }

    /// The site's files, by path relative to its folder (the editions' own files are copied
    /// by the caller to `editions/N/NAME`).
    public func files() -> [(path: String, data: Data)] {
        var files: [(String, Data)] = [("index.html", Data(index().utf8)), ("feed.xml", Data(feed().utf8))]
        for edition in editions { files.append((Self.page(edition), Data(page(edition).utf8))) }
        return files
    }

    static func page(_ edition: SiteEdition) -> String { "editions/\(edition.number).html" }
    public static func file(_ edition: SiteEdition, _ name: String) -> String { "editions/\(edition.number)/\(name)" }

    private var latest: SiteEdition? { editions.first }

    // MARK: - Pages

    private func head(title: String, language: String, up: String) -> String {
        let feedTitle = latest?.title ?? title
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscape.attribute(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLEscape.text(title))</title>
            <link rel="alternate" type="application/atom+xml" href="\(up)feed.xml" title="\(HTMLEscape.attribute(feedTitle))">
            <style>
            \(HTMLStyle.css)\(Self.siteCSS)</style>
            </head>
            <body>

            """
    }

    static let siteCSS = """
        .editions { list-style: none; padding: 0; }
        .editions > li { border-top: 1px solid var(--rule); padding: .8rem 0; }
        .editions h2 { font-size: 1.15rem; margin: 0 0 .2rem; border: 0; padding: 0; }
        .editions p { margin: .2rem 0; }
        .files a { margin-right: 1rem; }

        """

    func index() -> String {
        let title = latest?.title ?? "Editions"
        let language = latest?.language ?? "en"
        var out = head(title: title, language: language, up: "")
        out += "<header class=\"masthead\">\n"
        if let latest, !latest.publisher.isEmpty { out += "<p class=\"kicker\">\(HTMLEscape.text(latest.publisher))</p>\n" }
        out += "<h1>\(HTMLEscape.text(title))</h1>\n"
        if let latest, !latest.subtitle.isEmpty { out += "<p class=\"subtitle\">\(HTMLEscape.text(latest.subtitle))</p>\n" }
        out +=
            "<p class=\"meta\">\(editions.count) edition\(editions.count == 1 ? "" : "s") \u{00B7} <a href=\"feed.xml\">Atom feed</a></p>\n"
        out += "</header>\n<main id=\"main\">\n<ol class=\"editions\" reversed>\n"
        for edition in editions {
            out += "<li>\n<h2><a href=\"\(Self.page(edition))\">\(name(edition))</a></h2>\n"
            out += "<p class=\"meta\">\(summary(edition))</p>\n"
            out += links(edition, up: "")
            out += "</li>\n"
        }
        return out + "</ol>\n</main>\n</body>\n</html>\n"
    }

    func page(_ edition: SiteEdition) -> String {
        var out = head(
            title: "\(edition.title) \u{2013} edition \(edition.number), \(edition.dateText)", language: edition.language, up: "../")
        out += "<header class=\"masthead\">\n<p class=\"kicker\"><a href=\"../index.html\">\(HTMLEscape.text(edition.title))</a></p>\n"
        out += "<h1>\(name(edition))</h1>\n"
        out += "<p class=\"meta\">\(summary(edition))</p>\n</header>\n<main id=\"main\">\n"
        out += links(edition, up: "../")
        out += "<section aria-labelledby=\"changes-heading\">\n"
        if let since = edition.since {
            out += "<h2 id=\"changes-heading\">What changed since edition \(since)</h2>\n"
            out +=
                edition.changes.isEmpty
                ? "<p>Nothing in the facts changed.</p>\n"
                : "<ul>\n" + edition.changes.map { "<li>\(HTMLEscape.text($0))</li>\n" }.joined() + "</ul>\n"
        } else {
            out += "<h2 id=\"changes-heading\">What changed</h2>\n<p>The first edition.</p>\n"
        }
        out += "</section>\n"
        let newer = editions.last { $0.number > edition.number }, older = editions.first { $0.number < edition.number }
        var nav: [String] = []
        if let older { nav.append("<a href=\"\(older.number).html\" rel=\"prev\">Edition \(older.number)</a>") }
        nav.append("<a href=\"../index.html\">All editions</a>")
        if let newer { nav.append("<a href=\"\(newer.number).html\" rel=\"next\">Edition \(newer.number)</a>") }
        out += "<nav aria-label=\"Editions\"><p>" + nav.joined(separator: " \u{00B7} ") + "</p></nav>\n"
        return out + "</main>\n</body>\n</html>\n"
    }

    /// "Edition 3 · 30 November 2026", the date machine-readable.
    private func name(_ edition: SiteEdition) -> String {
        "Edition \(edition.number) \u{00B7} <time datetime=\"\(HTMLEscape.attribute(edition.printed))\">"
            + "\(HTMLEscape.text(edition.dateText))</time>"
    }

    private func summary(_ edition: SiteEdition) -> String {
        var parts: [String] = []
        if edition.pages > 0 { parts.append("\(edition.pages) page\(edition.pages == 1 ? "" : "s")") }
        if edition.since != nil { parts.append("\(edition.changes.count) change\(edition.changes.count == 1 ? "" : "s")") }
        parts.append("made \(HTMLEscape.text(Self.readable(edition.generated)))")
        return parts.joined(separator: " \u{00B7} ")
    }

    /// `2026-12-05T08:03:07Z` as a reader reads it: `2026-12-05 08:03 UTC`.
    static func readable(_ timestamp: String) -> String {
        guard timestamp.count == 20, timestamp.hasSuffix("Z"), let t = timestamp.firstIndex(of: "T") else { return timestamp }
        return "\(timestamp[..<t]) \(timestamp[timestamp.index(after: t)...].prefix(5)) UTC"
    }

    private func links(_ edition: SiteEdition, up: String) -> String {
        guard !edition.files.isEmpty else { return "" }
        let items = edition.files.map { name -> String in
            let kind =
                name.lowercased().hasSuffix(".html") ? "Read the page" : name.lowercased().hasSuffix(".pdf") ? "Download the PDF" : name
            return
                "<a href=\"\(up)\(HTMLEscape.attribute(Self.file(edition, name)))\">\(HTMLEscape.text(kind))<span class=\"muted\"> (\(HTMLEscape.text(name)))</span></a>"
        }
        return "<p class=\"files\">" + items.joined() + "</p>\n"
    }

    // MARK: - Atom

    /// RFC 4287: feed id, title, updated, author and a self link; an entry per edition with
    /// its id, title, updated, a link to its page and a summary of its changes.
    func feed() -> String {
        let title = latest?.title ?? "Editions"
        let updated = latest?.generated ?? "1970-01-01T00:00:00Z"
        func url(_ path: String) -> String { (baseURL ?? "") + path }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "<id>\(xml(feedID))</id>\n<title>\(xml(title))</title>\n<updated>\(xml(updated))</updated>\n"
        out += "<author><name>\(xml(latest?.publisher.isEmpty == false ? latest!.publisher : "Briefing"))</name></author>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(url("feed.xml")))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url("index.html")))\"/>\n"
        out += "<generator>briefing</generator>\n"
        for edition in editions {
            out += "<entry>\n<id>\(xml(feedID + "/edition/\(edition.number)"))</id>\n"
            out += "<title>\(xml("Edition \(edition.number) \u{00B7} \(edition.dateText)"))</title>\n"
            out += "<updated>\(xml(edition.generated))</updated>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url(Self.page(edition))))\"/>\n"
            for name in edition.files where name.lowercased().hasSuffix(".pdf") {
                let path = Self.file(edition, name)
                let length = sizes[path].map { " length=\"\($0)\"" } ?? ""
                out += "<link rel=\"enclosure\" type=\"application/pdf\" href=\"\(xml(url(path)))\"\(length)/>\n"
            }
            let summary =
                edition.since == nil
                ? "The first edition."
                : "\(edition.changes.count) change\(edition.changes.count == 1 ? "" : "s") since edition \(edition.since!)"
                    + (edition.changes.isEmpty
                        ? "." : ": " + edition.changes.prefix(5).joined(separator: "; ") + (edition.changes.count > 5 ? "; ..." : "."))
            out += "<summary>\(xml(summary))</summary>\n</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// A tag URI (RFC 4151) from the edition store's random identity: stable for the
    /// output's life, never the same for two outputs; an entry's adds its edition number.
    private var feedID: String { "tag:briefing,2026:\(identity)" }

    private func xml(_ text: String) -> String { HTMLEscape.attribute(text) }
}
