import BriefingLayout

/// Where on the finished pages something was drawn, in the words of the template: "page 5
/// (5 of the body), section 'outlook', block 4". An internal drawing error names it, so the
/// report says which part of which section to look at.
enum DrawingPlace {
    /// The place of item `item` of page `page` (the whole page when nil), named by the
    /// last destination drawn at or before it (a section, its nth block, a figure).
    static func describe(page: Int, item: Int? = nil, in document: PagedDocument) -> String {
        var text = "page \(page + 1)"
        let label = document.pages[page].label
        if !label.isEmpty, label != "\(page + 1)" { text += " (labelled \(label))" }
        var anchor: String?
        search: for index in stride(from: page, through: 0, by: -1) {
            let items = document.pages[index].items
            let end = index == page ? min(items.count, (item ?? items.count - 1) + 1) : items.count
            for candidate in items[..<end].reversed() {
                if let name = candidate.anchorName {
                    anchor = name
                    break search
                }
            }
        }
        if let anchor { text += ", " + describe(anchor: anchor) }
        return text
    }

    /// "section 'outlook', block 4" for `section-outlook.4`, "Figure 3" for `figure-3`.
    static func describe(anchor name: String) -> String {
        if name.hasPrefix("section-") {
            let rest = name.dropFirst("section-".count)
            let parts = rest.split(separator: ".", maxSplits: 1)
            guard parts.count == 2 else { return "section '\(rest)'" }
            if let note = parts[1].range(of: "note-") { return "section '\(parts[0])', note \(parts[1][note.upperBound...])" }
            return "section '\(parts[0])', block \(parts[1].replacingOccurrences(of: ".", with: " > "))"
        }
        if name.hasPrefix("figure-") { return "Figure \(name.dropFirst("figure-".count))" }
        if name.hasPrefix("source-") { return "the Sources list, entry \(name.dropFirst("source-".count))" }
        if name.hasPrefix("key-judgements") { return "the key judgements" }
        return name
    }
}
