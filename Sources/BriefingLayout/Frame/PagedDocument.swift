/// A finished layout: pages of positioned items, the paragraphs they draw from (with their
/// shaped text), and the outline. What exporters consume; it needs no measurer to be drawn.
public struct PagedDocument: Sendable {
    public struct Page: Sendable {
        public var items: [FrameItem]
        /// The page label readers show ("i", "ii", "1"): front matter in roman numerals, the
        /// body from 1.
        public var label: String
        public init(items: [FrameItem] = [], label: String = "") {
            self.items = items
            self.label = label
        }
    }

    public struct OutlineEntry: Sendable, Hashable {
        public var title: String
        /// 1 for sections, 2 for their sub-headings.
        public var level: Int
        public var destination: String
        public var page: Int
        public init(title: String, level: Int, destination: String, page: Int) {
            self.title = title
            self.level = level
            self.destination = destination
            self.page = page
        }
    }

    public struct Metadata: Sendable, Hashable {
        public var title: String
        public var author: String
        public var subject: String
        public var keywords: String
        public var creator: String
        /// ISO 8601, e.g. 2026-11-30T00:00:00Z; fixed from the briefing date for reproducible bytes.
        public var creationDate: String
        /// BCP 47, for the catalog's `/Lang` ("" when unknown).
        public var language = ""
        public init(title: String, author: String, subject: String, keywords: String, creator: String, creationDate: String) {
            self.title = title
            self.author = author
            self.subject = subject
            self.keywords = keywords
            self.creator = creator
            self.creationDate = creationDate
        }
    }

    public var pageSize: Size
    public var pages: [Page]
    public var paragraphs: [Paragraph]
    /// The shaped text of each paragraph, by the same index (nil where the measurer keeps none).
    public var shaped: [(any ShapedText)?]
    /// The links of each paragraph, by the same index, relative to its top-left corner: a
    /// text item draws those on the lines it draws (`links(onPage:)`).
    public var links: [[LinkBox]]
    public var outline: [OutlineEntry]
    public var metadata: Metadata
    /// Lines of key judgements that did not fit on the cover and continue on a page of their
    /// own (0 when the cover fits): the pipeline warns, and `--strict` refuses it.
    public var coverOverflowLines = 0

    public init(
        pageSize: Size, pages: [Page], paragraphs: [Paragraph], shaped: [(any ShapedText)?] = [], links: [[LinkBox]] = [],
        outline: [OutlineEntry], metadata: Metadata
    ) {
        self.pageSize = pageSize
        self.pages = pages
        self.paragraphs = paragraphs
        self.shaped = shaped.isEmpty ? Array(repeating: nil, count: paragraphs.count) : shaped
        self.links = links.isEmpty ? Array(repeating: [], count: paragraphs.count) : links
        self.outline = outline
        self.metadata = metadata
    }
}

extension PagedDocument {
    /// No pages: what a writer of the document (HTML) is given, as it lays out nothing.
    public static let empty = PagedDocument(
        pageSize: Size(width: 0, height: 0), pages: [], paragraphs: [], outline: [],
        metadata: Metadata(title: "", author: "", subject: "", keywords: "", creator: "", creationDate: ""))
}
