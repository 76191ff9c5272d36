/// The line under a chart ("Source: SIPRI [1][2]; World Bank [4]. Note."), decided once for
/// every writer: which sources, grouped how, and the note as a sentence.
extension ChartFigure {
    /// The figure's listed sources grouped by publisher, in order of first appearance, each
    /// group's numbers ascending. Sources the briefing does not list are left out.
    public func sourcesByPublisher(_ source: (String) -> Document.SourceEntry?) -> [(publisher: String, numbers: [Int])] {
        var groups: [(publisher: String, numbers: [Int])] = []
        for id in sourceIDs {
            guard let entry = source(id) else { continue }
            if let index = groups.firstIndex(where: { $0.publisher == entry.publisher }) {
                groups[index].numbers.append(entry.number)
            } else {
                groups.append((entry.publisher, [entry.number]))
            }
        }
        return groups.map { ($0.publisher, $0.numbers.sorted()) }
    }

    /// The source note as a sentence: capitalised, with a full stop.
    public var sourceNoteSentence: String? {
        sourceNote.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
