import TestSupport

/// Generates section files for the chips template (`Tests/Fixtures/chips`) that mix what
/// floats (charts of every kind, PNG and SVG images, tables) with what opens structure
/// elements around them (lists, nested lists, shaded boxes, footnotes) and with section ends
/// and page breaks, in random order and length: the layouts where a figure waits for room
/// while a list or note is open, lands at a page's top, or meets a section's end.
struct MixedFloats {
    var random: SeededRandom

    static let events = [
        "tsmc-founded", "japan-materials", "arizona-announced", "huawei-rule", "intel-foundry", "kumamoto-agreed", "eu-chips-act",
        "chips-act", "october-rules", "rapidus", "gallium", "dresden", "kumamoto-opens", "subsidy-round", "arizona-volume",
        "pilot-line",
    ]
    static let figures = ["us-capacity", "japan-capacity", "europe-capacity", "korea-capacity"]
    static let series = ["us-wafers", "japan-wafers", "europe-wafers"]
    static let words = [
        "capacity", "fabs", "controls", "subsidies", "wafers", "quarterly", "leading-edge", "supply", "export", "licence", "plant",
        "output", "the", "and", "of", "in", "a", "new", "second", "source",
    ]

    /// One section file: blocks in random order, footnotes defined at the end.
    mutating func section() -> String {
        var notes = 0
        var blocks: [String] = []
        for _ in 0..<(2 + random.below(9)) { blocks.append(block(depth: 0, notes: &notes)) }
        // A section often ends on something that floats: what a section's end must flush.
        if random.below(2) == 0 { blocks.append(random.below(2) == 0 ? chart() : image()) }
        var text = blocks.joined(separator: "\n\n") + "\n"
        if notes > 0 {
            text += "\n" + (1...notes).map { "[^n\($0)]: \(sentence(3 + random.below(30)))" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// Key judgements of random length: sometimes more than the cover holds.
    mutating func judgements() -> String {
        (0..<(1 + random.below(7))).map { _ in "- **\(sentence(3))** \(sentence(10 + random.below(60)))" }.joined(separator: "\n") + "\n"
    }

    private mutating func block(depth: Int, notes: inout Int) -> String {
        switch random.below(depth > 0 ? 6 : 11) {
        case 0, 1: return paragraph(notes: &notes)
        case 2: return chart()
        case 3: return image()
        case 4: return table(notes: &notes)
        case 5: return list(depth: depth, notes: &notes)
        case 6: return callout(notes: &notes)
        case 7: return "## \(sentence(2 + random.below(6)))"
        case 8: return "<!-- page break -->"
        case 9: return paragraph(notes: &notes, lines: 20 + random.below(40))
        default: return list(depth: depth, notes: &notes)
        }
    }

    private mutating func sentence(_ count: Int) -> String {
        let text = (0..<max(1, count)).map { _ in random.pick(Self.words) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A paragraph of about `lines` lines (12 words each), with placeholders, cross-references
    /// and footnote references.
    private mutating func paragraph(notes: inout Int, lines: Int? = nil) -> String {
        var parts: [String] = []
        for _ in 0..<((lines ?? (1 + random.below(12))) * 2) {
            parts.append(sentence(4 + random.below(8)))
            switch random.below(12) {
            case 0: parts.append("It is {{fig.\(random.pick(Self.figures))}}.")
            case 1: parts.append("See {{ref.chart.\(random.pick(["line", "bar", "timeline", "supply-shares"]))}}.")
            case 2:
                notes += 1
                parts[parts.count - 1] += "[^n\(notes)]"
            case 3: parts.append("Output was {{series.us-wafers.latest}}.")
            default: break
            }
        }
        return parts.joined(separator: " ")
    }

    private mutating func chart() -> String {
        switch random.below(5) {
        case 0:
            let count = 1 + random.below(Self.events.count)
            let chosen = Array(Self.events.shuffled(by: &random).prefix(count))
            return "```chart timeline\nevents: \(chosen.joined(separator: ", "))\n```"
        case 1:
            let chosen = Array(Self.figures.shuffled(by: &random).prefix(1 + random.below(Self.figures.count)))
            return "```chart bar\nfigures: \(chosen.joined(separator: ", "))\n```"
        case 2:
            let chosen = Array(Self.series.shuffled(by: &random).prefix(1 + random.below(Self.series.count)))
            return "```chart line\nseries: \(chosen.joined(separator: ", "))\ntitle: \(sentence(3))\n```"
        case 3: return "```chart supply-shares\nseries: foundry-share\n```"
        default: return "![Growth](chart:growth-rates)"
        }
    }

    private mutating func image() -> String {
        random.below(2) == 0
            ? "![A raster of a wafer](images/wafer.png\(random.below(2) == 0 ? " \"A wafer\"" : ""))"
            : "![A schematic of fab sites](images/sites.svg\(random.below(2) == 0 ? " \"Sites (schematic)\"" : ""))"
    }

    private mutating func table(notes: inout Int) -> String {
        var rows = ["| Region | Capacity | Note |", "|---|--:|---|"]
        for index in 0..<(1 + random.below(14)) {
            var note = sentence(1 + random.below(5))
            if random.below(4) == 0 {
                notes += 1
                note += "[^n\(notes)]"
            }
            rows.append("| Region \(index + 1) | {{fig.\(random.pick(Self.figures)).value}} | \(note) |")
        }
        return rows.joined(separator: "\n")
    }

    /// A list whose items hold paragraphs and, now and then, a chart, an image, a table or a
    /// nested list: floats met while L, LI and LBody are open.
    private mutating func list(depth: Int, notes: inout Int) -> String {
        let ordered = random.below(2) == 0
        var items: [String] = []
        for index in 0..<(1 + random.below(6)) {
            let marker = ordered ? "\(index + 1)." : "-"
            var item = "\(marker) \(paragraph(notes: &notes, lines: 1 + random.below(5)))"
            if depth < 2, random.below(4) == 0 {
                let inner: String
                switch random.below(4) {
                case 0: inner = chart()
                case 1: inner = image()
                case 2: inner = table(notes: &notes)
                default: inner = list(depth: depth + 1, notes: &notes)
                }
                // Inside the item: indented under its text.
                let pad = String(repeating: " ", count: marker.count + 1)
                item +=
                    "\n\n"
                    + inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
                    .joined(separator: "\n")
            }
            items.append(item)
        }
        return items.joined(separator: "\n\n")
    }

    private mutating func callout(notes: inout Int) -> String {
        var body = [paragraph(notes: &notes, lines: 1 + random.below(6))]
        if random.below(3) == 0 { body.append(list(depth: 1, notes: &notes)) }
        if random.below(4) == 0 { body.append(chart()) }
        return body.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
            .joined(separator: "\n")
    }
}

extension Array {
    fileprivate func shuffled(by random: inout SeededRandom) -> [Element] {
        var items = self
        for index in items.indices.dropLast() { items.swapAt(index, index + random.below(items.count - index)) }
        return items
    }
}
