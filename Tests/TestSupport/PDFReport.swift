import Foundation

/// What PyMuPDF reads from a PDF (via `scripts/pdf-report.py`): page labels and text, outline,
/// links with their targets, metadata.
public struct PDFReport: Decodable {
    public struct Link: Decodable {
        public var text: String
        public var uri: String?
        public var dest: String?
        /// Zero-based page the link lands on (internal links).
        public var page: Int?
    }

    public struct Page: Decodable {
        public var label: String
        public var text: String
        public var links: [Link]
    }

    public struct OutlineEntry: Decodable {
        public var level: Int
        public var title: String
        public var page: Int
    }

    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var metadata: [String: String?]

    public static func read(_ pdf: URL) throws -> PDFReport {
        let script = TemplateFixture.repository.appendingPathComponent("scripts/pdf-report.py")
        let result = try Command.tool("python3", [script.path, pdf.path])
        guard result.status == 0 else { throw ReportError(message: result.stderr) }
        return try JSONDecoder().decode(PDFReport.self, from: result.data)
    }

    struct ReportError: Error {
        var message: String
    }

    /// Page text with white space folded, for searching.
    public func text(_ page: Int) -> String {
        pages[page].text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public var allText: String { pages.indices.map(text).joined(separator: " ") }
}
