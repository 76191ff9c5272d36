/// Reads a template's own vocabularies from `data.yaml`: event `domains:`, confidence
/// `grades:` and figure `qualifiers:`. Each replaces its defaults when given, so templates
/// written before vocabularies existed keep working unchanged.
struct VocabularyDecoder {
    let context: DecodeContext

    // MARK: - Domains

    /// `domains:` — each an id, a `label`, and optionally a `phrase` (in a sentence), a
    /// `colour` (`#RRGGBB`) and a `marker`. Missing colours and markers are given in order,
    /// skipping those already taken, so every domain differs in shape and colour.
    func domains(_ node: YAMLNode) -> [Domain] {
        guard let items = node.list() else { return Domain.defaults }
        if items.isEmpty {
            context.error(node.node, "field '\(node.path)': no domains declared", hint: "declare at least one, or remove 'domains:'")
            return Domain.defaults
        }
        var declared: [(id: String, title: String, phrase: String?, colour: Int?, marker: Domain.Marker?)] = []
        for item in items {
            guard let map = item.mapping(keys: ["id", "label", "phrase", "colour", "color", "marker"]) else { continue }
            let id = map.required("id")?.text()
            let label = map.required("label")?.text()
            let phrase = map.optional("phrase")?.text()
            let colour = (map.optional("colour") ?? map.optional("color")).flatMap(colourValue)
            let marker = map.optional("marker").flatMap { node -> Domain.Marker? in
                guard let text = node.text() else { return nil }
                if let marker = Domain.Marker(rawValue: text) { return marker }
                let names = Domain.Marker.allCases.map(\.rawValue)
                context.error(
                    node.node, "field '\(node.path)': '\(text)' is not one of \(names.joined(separator: ", "))",
                    hint: Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" })
                return nil
            }
            guard let id, let label else { continue }
            if declared.contains(where: { $0.id == id }) {
                context.error(item.node, "duplicate domain id '\(id)'")
                continue
            }
            declared.append((id, label, phrase, colour, marker))
        }
        var freeColours = Domain.palette.filter { colour in !declared.contains { $0.colour == colour } }
        var freeMarkers = Domain.Marker.allCases.filter { marker in !declared.contains { $0.marker == marker } }
        return declared.enumerated().map { order, domain in
            let colour = domain.colour ?? (freeColours.isEmpty ? Domain.palette[order % Domain.palette.count] : freeColours.removeFirst())
            let marker =
                domain.marker
                ?? (freeMarkers.isEmpty ? Domain.Marker.allCases[order % Domain.Marker.allCases.count] : freeMarkers.removeFirst())
            return Domain(id: domain.id, title: domain.title, phrase: domain.phrase, colour: colour, marker: marker, order: order)
        }
    }

    /// `#1F6FB4` or `1F6FB4`.
    private func colourValue(_ node: YAMLNode) -> Int? {
        guard let text = node.text() else { return nil }
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6, let value = Int(hex, radix: 16) else {
            context.error(node.node, "field '\(node.path)': expected a colour like '#1F6FB4', found '\(text)'")
            return nil
        }
        return value
    }

    // MARK: - Grades

    /// `grades:` — best first; each an id, and below the best a `marker` and the `legend`
    /// explaining it on the cover. The best grade has no marker.
    func grades(_ node: YAMLNode) -> [Confidence] {
        guard let items = node.list() else { return Confidence.defaults }
        if items.isEmpty {
            context.error(node.node, "field '\(node.path)': no grades declared", hint: "declare at least one, or remove 'grades:'")
            return Confidence.defaults
        }
        var grades: [Confidence] = []
        for (rank, item) in items.enumerated() {
            guard let map = item.mapping(keys: ["id", "marker", "legend"]) else { continue }
            let id = map.required("id")?.text()
            var marker: String?
            var legend: String?
            if rank == 0 {
                if let extra = map.optional("marker") ?? map.optional("legend") {
                    context.error(extra.node, "field '\(extra.path)': the best grade carries no marker", hint: "list grades best first")
                }
            } else {
                marker = map.required("marker")?.text()
                legend = map.required("legend")?.text()
            }
            guard let id else { continue }
            if grades.contains(where: { $0.id == id }) {
                context.error(item.node, "duplicate grade id '\(id)'")
                continue
            }
            if let marker, let other = grades.first(where: { $0.marker == marker }) {
                context.error(
                    item.node, "grade '\(id)' uses the marker '\(marker)' of grade '\(other.id)'", hint: "give each grade its own marker")
            }
            grades.append(Confidence(id: id, rank: rank, marker: marker, legend: legend, isLowest: rank == items.count - 1 && rank > 0))
        }
        return grades.isEmpty ? Confidence.defaults : grades
    }

    // MARK: - Qualifiers

    /// `qualifiers:` — the only words allowed before a figure's value, each a text (`up to`)
    /// or an `id` with its `text`.
    func qualifiers(_ node: YAMLNode) -> [Figure.Qualifier]? {
        guard let items = node.list() else { return nil }
        var qualifiers: [Figure.Qualifier] = [.exact]
        for item in items {
            if case .scalar = item.node {
                guard let text = item.text() else { continue }
                qualifiers.append(Figure.Qualifier(id: text, text: text))
            } else if let map = item.mapping(keys: ["id", "text"]) {
                guard let id = map.required("id")?.text(), let text = map.required("text")?.text() else { continue }
                qualifiers.append(Figure.Qualifier(id: id, text: text))
            }
        }
        return qualifiers
    }
}
