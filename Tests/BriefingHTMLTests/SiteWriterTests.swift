import Foundation
import FoundationXML
import Testing

@testable import BriefingHTML

/// The site of two editions: an index linking each edition's page, PDF and HTML; a page per
/// edition with what changed; and an Atom feed that parses, with an entry per edition.
@Suite struct SiteWriterTests {
    static let editions = [
        SiteEdition(
            number: 1, printed: "2026-11-23", dateText: "23 November 2026", generated: "2026-11-23T06:00:01Z", title: "Chips & fabs",
            subtitle: "Where", publisher: "Desk", language: "en-GB", pages: 9, since: nil, changes: [], files: ["b.pdf", "b.html"]),
        SiteEdition(
            number: 2, printed: "2026-11-30", dateText: "30 November 2026", generated: "2026-11-30T06:00:02Z", title: "Chips & fabs",
            subtitle: "Where", publisher: "Desk", language: "en-GB", pages: 10, since: 1,
            changes: ["Revised: Fabs: 17 \u{2192} 18 <new>"], files: ["b.pdf", "b.html"]),
    ]

    func files(base: String? = "https://intra.example/briefing") -> [String: String] {
        let site = SiteWriter(editions: Self.editions, baseURL: base, identity: "0e1f")
        return Dictionary(uniqueKeysWithValues: site.files().map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    @Test func theIndexListsEditionsNewestFirstWithTheirFiles() throws {
        let index = try #require(files()["index.html"])
        let second = try #require(index.range(of: "Edition 2")), first = try #require(index.range(of: "Edition 1"))
        #expect(second.lowerBound < first.lowerBound)
        for link in ["editions/2.html", "editions/2/b.pdf", "editions/2/b.html", "editions/1/b.pdf", "feed.xml"] {
            #expect(index.contains("href=\"\(link)\""), "no link to \(link)")
        }
        #expect(index.contains("<html lang=\"en-GB\">") && index.contains("<h1>Chips &amp; fabs</h1>"))
        #expect(index.contains("10 pages \u{00B7} 1 change"))
    }

    @Test func anEditionPageSaysWhatChanged() throws {
        let page = try #require(files()["editions/2.html"])
        #expect(page.contains("What changed since edition 1") && page.contains("<li>Revised: Fabs: 17 \u{2192} 18 &lt;new&gt;</li>"))
        #expect(page.contains("href=\"../editions/2/b.pdf\"") && page.contains("href=\"1.html\" rel=\"prev\""))
        #expect(try #require(files()["editions/1.html"]).contains("The first edition."))
    }

    @Test func theFeedParsesAsAtomWithAnEntryPerEdition() throws {
        let feed = try #require(files()["feed.xml"])
        let parsed = AtomReader(Data(feed.utf8))
        #expect(parsed.ok, "the feed is not well-formed XML")
        #expect(parsed.namespace == "http://www.w3.org/2005/Atom")
        #expect(parsed.feed["id"] == "tag:briefing,2026:0e1f" && parsed.feed["title"] == "Chips & fabs")
        #expect(parsed.feed["updated"] == "2026-11-30T06:00:02Z")
        #expect(parsed.entries.count == 2)
        for entry in parsed.entries {
            for field in ["id", "title", "updated", "link", "summary"] { #expect(entry[field]?.isEmpty == false, "\(field): \(entry)") }
        }
        #expect(parsed.entries[0]["link"] == "https://intra.example/briefing/editions/2.html")
        #expect(parsed.entries[0]["id"] == "tag:briefing,2026:0e1f/edition/2")
        #expect(Set(parsed.entries.compactMap { $0["id"] }).count == 2)
        // Without a base URL the links are relative to the feed.
        #expect(try #require(files(base: nil)["feed.xml"]).contains("href=\"editions/2.html\""))
    }

    /// A feed reader shows an enclosure's size before fetching it: the length the site was
    /// given, and none for a file whose size it was not.
    @Test func enclosuresCarryTheirLength() throws {
        var site = SiteWriter(editions: Self.editions, baseURL: nil, identity: "0e1f")
        site.sizes["editions/2/b.pdf"] = 328_265
        let feed = String(decoding: try #require(site.files().first { $0.path == "feed.xml" }).data, as: UTF8.self)
        #expect(feed.contains("<link rel=\"enclosure\" type=\"application/pdf\" href=\"editions/2/b.pdf\" length=\"328265\"/>"))
        #expect(feed.contains("<link rel=\"enclosure\" type=\"application/pdf\" href=\"editions/1/b.pdf\"/>"))
        #expect(AtomReader(Data(feed.utf8)).ok)
    }

    @Test func theSameEditionsGiveTheSameBytes() {
        #expect(files() == files())
    }
}

/// Reads an Atom feed with Foundation's XML parser: the feed's and each entry's simple
/// fields, and each entry's alternate link.
final class AtomReader: NSObject, XMLParserDelegate {
    var feed: [String: String] = [:]
    var entries: [[String: String]] = []
    var namespace: String?
    var ok = false
    private var path: [String] = []
    private var text = ""

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        ok = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "feed" { namespace = namespaceURI }
        if element == "entry" { entries.append([:]) }
        if element == "link", path.last == "entry", attributes["rel"] == "alternate" {
            entries[entries.count - 1]["link"] = attributes["href"]
        }
        path.append(element)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        if element == "link" { return }  // its address is an attribute, read at its start
        if path.last == "entry" {
            entries[entries.count - 1][element] = text
        } else if path.last == "feed" {
            feed[element] = text
        }
    }
}
