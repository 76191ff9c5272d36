import BriefingContent
import BriefingHTML
import BriefingModel
import Foundation

/// The words of the mail that brings an edition to an audience: title, date, key
/// judgements, what changed, the sections included and where the PDF is. Plain text and
/// HTML say the same; HTML is escaped throughout (every string comes from the template).
public struct Notice: Sendable {
    public var title: String
    public var publisher: String
    public var dateText: String
    public var edition: Int
    public var audience: String
    /// Each judgement as its bold lead-in ("China is now almost Pakistan's only arms
    /// supplier.") and the rest of its text.
    public var keyJudgements: [Judgement]
    public var keyFigures: [Document.KeyFigure]
    /// The briefing's language (BCP 47), for the HTML part's `lang`.
    public var language: String

    public struct Judgement: Sendable, Equatable {
        public var leadIn: String?
        public var text: String
        /// The whole judgement as one line of plain text.
        public var line: String { [leadIn, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") }
    }
    public var changes: FactChanges?
    /// "1 History and key figures", in reading order.
    public var sections: [(id: String, number: Int, title: String)]
    /// The attached file's name, pages and size; nil when only linked.
    public var attachment: (name: String, pages: Int, bytes: Int)?
    public var link: String?
    /// What the briefing prints beside a change none of its sections shows ("not shown in
    /// this selection"), when the audience reads a selection; nil for the whole briefing.
    public var notShown: String?
    /// The briefing's words, for how a change is worded (`FactChanges.Entry.line`).
    public var labels: Labels
    /// The confidence markers the judgements and key figures carry, each with what it means
    /// as the cover's note says it: a reported figure is marked in the mail as in the PDF.
    public var markers: [(marker: String, legend: String)]

    /// - Parameter changes: what changed since the edition compared with, even when nothing
    ///   did (the document keeps a panel only when something changed); nil for a first edition.
    public init(
        document: Document, changes: FactChanges?, edition: Int, audience: String, attachment: (name: String, pages: Int, bytes: Int)?,
        link: String?
    ) {
        title = document.title
        publisher = document.publisher
        dateText = document.dateText
        self.edition = edition
        self.audience = audience
        keyJudgements = Self.judgements(document.keyJudgements)
        keyFigures = document.keyFigures
        language = document.language
        // The document's own list when it has one: the same entries, each with the sections
        // of this audience's briefing that show it.
        self.changes = document.changes ?? changes
        sections = document.sections.map { ($0.id, $0.number, $0.title) }
        self.attachment = attachment
        self.link = link
        notShown = document.isSelection ? document.labels[.changesNotShown] : nil
        labels = document.labels
        var shown = Set(document.keyFigures.map(\.confidence.id))
        document.keyJudgements.forEach { $0.visitInlines { if case .confidenceMarker(let grade) = $0 { shown.insert(grade.id) } } }
        markers = document.gradesUsed.compactMap { grade in
            guard shown.contains(grade.id), let marker = grade.marker else { return nil }
            return (marker, grade.legend(document.labels))
        }
    }

    /// "28,023†": a key figure's value with its confidence marker.
    static func value(_ figure: Document.KeyFigure) -> String { figure.value + (figure.confidence.marker ?? "") }

    /// "Sino-Pak collaboration in science and technology · 30 November 2026 · 3 changes".
    public func subject(prefix: String?) -> String {
        let count = changes?.entries.count
        let changed =
            count.map { $0 == 0 ? "no changes" : $0 == 1 ? "1 change" : "\($0) changes" } ?? "first edition"
        return [prefix, "\(title) \u{00B7} \(dateText) \u{00B7} \(changed)"].compactMap { $0 }.joined(separator: " ")
    }

    // MARK: - Plain text

    public var text: String {
        var lines = [title, "\(publisher) \u{00B7} \(dateText) \u{00B7} edition \(edition) \u{00B7} for \(audience)", ""]
        if !keyJudgements.isEmpty {
            lines.append("KEY JUDGEMENTS")
            lines += keyJudgements.map { "- \($0.line)" }
            lines.append("")
        }
        if !keyFigures.isEmpty {
            lines.append("KEY FIGURES")
            lines += keyFigures.map { figure in
                "- \(Self.value(figure)) \(figure.label)" + (figure.detail.isEmpty ? "" : " (\(figure.detail))")
            }
            lines.append("")
        }
        if !markers.isEmpty {
            lines += markers.map { "\($0.marker) \($0.legend)" }
            lines.append("")
        }
        if let changes {
            lines.append("WHAT CHANGED SINCE \(changes.sinceText.uppercased()) (EDITION \(changes.sinceEdition))")
            lines += changes.entries.isEmpty ? ["No figure, source or grade changed."] : changes.entries.map { "- \(line($0))" }
            lines.append("")
        }
        lines.append("SECTIONS IN THIS EDITION")
        lines += sections.map { "\($0.number)  \($0.title)" }
        lines.append("")
        lines.append(whereItIs)
        lines.append("")
        lines.append("-- ")
        lines.append("Sent by Briefing for \(audienceName). Reply to the sender to change who receives it.")
        return lines.joined(separator: "\n")
    }

    private var whereItIs: String {
        var parts: [String] = []
        if let link, let webEdition { parts.append("Read it in your browser: \(link)\(Self.pathSegment(webEdition))") }
        if let attachment {
            parts.append("The briefing is attached: \(attachment.name) (\(Self.pages(attachment.pages)), \(Self.size(attachment.bytes))).")
        }
        if let link, let name = attachment?.name ?? linkName {
            parts.append((attachment == nil ? "Read the briefing at " : "It is also at ") + link + Self.pathSegment(name))
        }
        return parts.joined(separator: "\n")
    }

    /// A file name as one segment of a URL's path (RFC 3986): all but letters, digits and
    /// `-._~` percent-encoded as UTF-8, so "weekly brief é.pdf" stays one link in a mail
    /// program that ends a link at a space.
    static func pathSegment(_ name: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name
    }

    /// The PDF's name when only linked; nil when there is no PDF (the HTML edition alone).
    public var linkName: String?
    /// The HTML edition's file name, linked (under `link`) when the run made one.
    public var webEdition: String?

    // MARK: - HTML

    public var html: String {
        var body = """
            <header style="max-width:640px;margin:0 auto">
            <p style="margin:0;padding:10px 0;border-bottom:3px solid #1f3a5f;font:600 12px/1.2 Helvetica,Arial,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#1f3a5f">\(e(publisher))</p>
            </header>
            <main style="display:block;max-width:640px;margin:0 auto;font-family:Georgia,'Noto Serif',serif;color:#1b2430;line-height:1.45">
            <h1 style="font-size:24px;font-weight:normal;margin:18px 0 4px">\(e(title))</h1>
            <p style="margin:0 0 18px;font:13px Helvetica,Arial,sans-serif;color:#4a535e">\(e(dateText)) &middot; edition \(edition) &middot; for \(e(audience))</p>

            """
        if !keyJudgements.isEmpty {
            body += heading("Key judgements")
            body +=
                "<ul style=\"padding-left:20px;margin:0 0 18px\">"
                + keyJudgements.map { judgement in
                    let lead = judgement.leadIn.map { "<strong>\(e($0))</strong> " } ?? ""
                    return "<li style=\"margin:0 0 6px\">\(lead)\(e(judgement.text))</li>"
                }.joined() + "</ul>\n"
        }
        if !keyFigures.isEmpty {
            // Tiles that wrap on a phone; a list, so a screen reader counts them.
            body += heading("Key figures")
            body +=
                "<ul style=\"list-style:none;padding:0;margin:0 0 18px\">"
                + keyFigures.map { figure in
                    "<li style=\"display:inline-block;vertical-align:top;width:180px;margin:0 8px 8px 0;padding:10px 12px;background:#eef2f7;font-family:Helvetica,Arial,sans-serif\">"
                        + "<span style=\"display:block;font-size:20px;font-weight:600;color:#1f3a5f\">\(e(Self.value(figure)))</span>"
                        + "<span style=\"display:block;font-size:13px;color:#1b2430\">\(e(figure.label))</span>"
                        + (figure.detail.isEmpty
                            ? "" : "<span style=\"display:block;font-size:12px;color:#4a535e\">\(e(figure.detail))</span>")
                        + "</li>"
                }.joined() + "</ul>\n"
        }
        if !markers.isEmpty {
            body +=
                "<p style=\"margin:0 0 18px;font:12px Helvetica,Arial,sans-serif;color:#4a535e\">"
                + markers.map { "\(e($0.marker)) \(e($0.legend))" }.joined(separator: "<br>") + "</p>\n"
        }
        if let changes {
            body += heading("What changed since \(changes.sinceText)")
            if changes.entries.isEmpty {
                body += "<p style=\"margin:0 0 18px\">No figure, source or grade changed.</p>\n"
            } else {
                body +=
                    "<ul style=\"padding-left:20px;margin:0 0 18px\">"
                    + changes.entries.map { "<li style=\"margin:0 0 4px\">\(e(line($0)))</li>" }.joined() + "</ul>\n"
            }
        }
        body += heading("Sections in this edition")
        body +=
            "<ol style=\"padding-left:20px;margin:0 0 18px\">"
            + sections.map { "<li value=\"\($0.number)\">\(e($0.title))</li>" }.joined() + "</ol>\n"
        if let link, let webEdition {
            body +=
                "<p style=\"margin:0 0 8px;font:600 15px Helvetica,Arial,sans-serif\"><a href=\"\(e(link + Self.pathSegment(webEdition)))\" style=\"color:#1f3a5f\">Read it in your browser</a></p>\n"
        }
        if let attachment {
            body +=
                "<p style=\"margin:0 0 8px;padding:10px 12px;background:#eef2f7;font:14px Helvetica,Arial,sans-serif\">Attached: <b>\(e(attachment.name))</b> (\(Self.pages(attachment.pages)), \(Self.size(attachment.bytes)))</p>\n"
        }
        if let link, let name = attachment?.name ?? linkName {
            body +=
                "<p style=\"margin:0 0 8px;font:14px Helvetica,Arial,sans-serif\"><a href=\"\(e(link + Self.pathSegment(name)))\" style=\"color:#1f3a5f\">\(attachment == nil ? "Read the briefing" : "Open it on the intranet")</a></p>\n"
        }
        body +=
            "</main>\n<footer style=\"max-width:640px;margin:24px auto 0;padding-top:8px;border-top:1px solid #d5dae0;font:12px Helvetica,Arial,sans-serif;color:#4a535e\"><p style=\"margin:0\">Sent by Briefing for \(e(audienceName)). Reply to the sender to change who receives it.</p></footer>"
        return
            "<!DOCTYPE html>\n<html lang=\"\(e(language))\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(e(title))</title></head>\n<body style=\"margin:0;padding:16px;background:#ffffff\">\n\(body)\n</body></html>"
    }

    /// "the leadership" as the delivery file names it ("name: the leadership"), or "the
    /// defence audience" for a bare id: never "the the leadership".
    var audienceName: String {
        let lowered = audience.lowercased()
        return lowered.hasPrefix("the ") || lowered.hasPrefix("our ") ? audience : "the \(audience) audience"
    }

    private func heading(_ text: String) -> String {
        "<h2 style=\"font:600 12px/1.2 Helvetica,Arial,sans-serif;letter-spacing:.06em;text-transform:uppercase;color:#1f3a5f;margin:0 0 8px\">\(e(text))</h2>\n"
    }

    private func e(_ text: String) -> String { HTMLEscape.attribute(text) }

    // MARK: - Pieces

    /// One change as a reader reads it, with the section that shows it:
    /// "Students in China: 28,023 → 29,500 (section 1)".
    func line(_ entry: FactChanges.Entry) -> String {
        let shown = entry.sections.compactMap { id in sections.first { $0.id == id }?.number }
        var places = entry.onCover ? [labels[.changesCover]] : []
        if !shown.isEmpty { places.append("section\(shown.count == 1 ? "" : "s") \(shown.map(String.init).joined(separator: ", "))") }
        let place = places.isEmpty ? notShown.map { " (\($0))" } ?? "" : " (\(places.joined(separator: ", ")))"
        return entry.line(labels) + place
    }

    /// Key judgements: each list item (or paragraph), its opening bold span kept apart as
    /// its lead-in.
    static func judgements(_ blocks: [Block]) -> [Judgement] {
        func split(_ inlines: [Inline]) -> Judgement {
            var rest = inlines
            while case .text(let text)? = rest.first, text.trimmingCharacters(in: .whitespaces).isEmpty { rest.removeFirst() }
            guard case .strong(let lead)? = rest.first else { return Judgement(leadIn: nil, text: inlines.markedText.trimmed) }
            return Judgement(leadIn: lead.markedText.trimmed, text: Array(rest.dropFirst()).markedText.trimmed)
        }
        return blocks.flatMap { block -> [Judgement] in
            switch block {
            case .bulletList(let list), .orderedList(_, let list):
                list.compactMap { item in
                    if case .paragraph(let inlines)? = item.first, item.count == 1 { return split(inlines) }
                    let text = Self.items(item).joined(separator: " ")
                    return text.isEmpty ? nil : Judgement(leadIn: nil, text: text)
                }
            case .paragraph(let inlines): [split(inlines)]
            case .callout(let inner): judgements(inner)
            default: []
            }
        }.filter { !$0.line.isEmpty }
    }

    /// Key judgements as lines: each list item, or each paragraph.
    static func items(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .bulletList(let list), .orderedList(_, let list): list.map { Self.items($0).joined(separator: " ") }
            case .paragraph(let inlines): [inlines.markedText]
            case .callout(let inner): Self.items(inner)
            default: []
            }
        }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MiB", Double(bytes) / 1048576) : "\(max(1, bytes / 1024)) KiB"
    }
}

extension [Inline] {
    /// Plain text with each confidence marker kept ("81%†"): what the PDF's reader sees.
    fileprivate var markedText: String {
        map { inline in
            switch inline {
            case .confidenceMarker(let grade): grade.marker ?? ""
            case .emphasis(let children), .strong(let children), .link(_, let children): children.markedText
            default: inline.plainText
            }
        }.joined()
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
