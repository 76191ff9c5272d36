/// Decodes `briefing.yaml`: identity, date policy, key figures and the ordered sections.
struct BriefingSpecDecoder {
    let context: DecodeContext

    func decode(_ root: YAMLNode) -> BriefingSpec? {
        let keys = [
            "title", "subtitle", "publisher", "audience", "author", "keywords", "date", "key_judgements", "key_figures", "sections",
            "language", "labels", "claims", "parameters", "data",
        ]
        guard let map = root.mapping(keys: keys) else { return nil }
        let title = map.required("title")?.title(atMost: 300)
        let subtitle = map.optional("subtitle")?.title(atMost: 500) ?? ""
        let publisher = map.required("publisher")?.text()
        let audience = map.optional("audience")?.text() ?? ""
        let author = map.optional("author")?.text()
        let keywords = map.optional("keywords")?.stringList()?.map(\.0) ?? []
        let datePolicy = map.optional("date").flatMap(datePolicy) ?? .today
        let judgementsNode = map.required("key_judgements")
        let judgements = judgementsNode?.text()
        let keyFigures = map.optional("key_figures")?.stringList()?.map { (id: $0.0, location: $0.1) } ?? []
        let words = LabelsDecoder(context: context)
        let language = words.language(map.optional("language"))
        let labels = words.decode(map.optional("labels"))
        let sectionsNode = map.required("sections")
        let sections = sectionsNode?.list()?.compactMap(section) ?? []
        if let sectionsNode, case .sequence(let list) = sectionsNode.node, list.isEmpty {
            context.error(sectionsNode.node, "field 'sections': a briefing needs at least one section")
        }
        if sections.count > Limits.sections {
            context.diagnostics.error(
                sections[Limits.sections].location, "too many sections: \(sections.count) (the limit is \(Limits.sections))")
        }
        var seen: [String: Int] = [:]
        for section in sections {
            if let line = seen[section.id] {
                context.diagnostics.error(section.location, "duplicate section id '\(section.id)' (first defined at line \(line))")
            }
            seen[section.id] = section.location.line
        }
        guard let title, let publisher, let judgements else { return nil }
        var spec = BriefingSpec(
            title: title, subtitle: subtitle, publisher: publisher, audience: audience, author: author,
            keywords: keywords, datePolicy: datePolicy, keyJudgementsFile: judgements, keyFigures: keyFigures,
            sections: sections, language: language, labels: labels, location: root.location,
            keyJudgementsLocation: judgementsNode?.location)
        spec.claims = map.optional("claims").map(claims) ?? []
        return spec
    }

    /// `data:`, read with the parameters' values substituted even when the rest of the file
    /// does not decode, so the data file named there is read (and its problems reported).
    func dataFile(_ root: YAMLNode) -> (name: String, location: SourceLocation)? {
        guard case .mapping = root.node, let entry = root.pairs()?.first(where: { $0.key == "data" }),
            let name = entry.value.text()
        else { return nil }
        return (name, entry.value.location)
    }

    /// `parameters:`, read before the rest of the file so that their values are substituted
    /// as the rest is read (`decode` skips it). A list of `id`, `label`, `default`, `values`.
    func parameters(_ root: YAMLNode) -> [Parameter] {
        guard case .mapping = root.node, let entry = root.pairs()?.first(where: { $0.key == "parameters" }) else { return [] }
        var declared: [Parameter] = []
        for node in entry.value.list() ?? [] {
            guard let map = node.mapping(keys: ["id", "label", "default", "values"]), let idNode = map.required("id"),
                let id = idNode.text()
            else { continue }
            if id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                context.error(
                    idNode.node, "field '\(idNode.path)': parameter ids may use letters, digits, '-' and '_' only (found '\(id)')")
                continue
            }
            if let first = declared.first(where: { $0.id == id }) {
                context.diagnostics.error(
                    node.location, "duplicate parameter id '\(id)' (first declared at line \(first.location.line))")
                continue
            }
            let label = map.optional("label")?.text() ?? id
            let defaultNode = map.optional("default")
            let defaultValue = defaultNode?.text()
            var values: [String]?
            if let valuesNode = map.optional("values"), let list = valuesNode.stringList() {
                if list.isEmpty {
                    context.error(valuesNode.node, "field '\(valuesNode.path)': a list of allowed values needs at least one")
                }
                var seen = Set<String>()
                for (value, location) in list where !seen.insert(value).inserted {
                    context.diagnostics.error(location, "field '\(valuesNode.path)': '\(value)' is listed twice")
                }
                values = list.map(\.0)
            }
            if let defaultValue, let defaultNode, let values, !values.contains(defaultValue) {
                context.error(
                    defaultNode.node, "field '\(defaultNode.path)': the default '\(defaultValue)' is not one of the parameter's values",
                    hint: Suggestion.closest(to: defaultValue, in: values).map { "did you mean '\($0)'?" })
            }
            declared.append(Parameter(id: id, label: label, defaultValue: defaultValue, values: values, location: node.location))
        }
        return declared
    }

    /// `claims:` — id: condition. Syntax errors point at the character they are found at.
    private func claims(_ node: YAMLNode) -> [Claim] {
        guard let pairs = node.pairs() else { return [] }
        var claims: [Claim] = []
        for pair in pairs {
            guard let condition = pair.value.text() else { continue }
            if pair.key.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                context.diagnostics.error(pair.location, "claim ids may use letters, digits, '-' and '_' only (found '\(pair.key)')")
                continue
            }
            // A quoted condition starts one column after its quote.
            var start = pair.value.location
            if case .scalar(let scalar) = pair.value.node, scalar.isQuoted {
                start.column += 1
            }
            do {
                let expression = try ClaimParser.parse(condition)
                claims.append(Claim(id: pair.key, condition: condition, expression: expression, location: start))
            } catch {
                let at = SourceLocation(file: start.file, line: start.line, column: start.column + error.offset)
                context.diagnostics.error(at, "claim '\(pair.key)': \(error.message)", hint: error.hint)
            }
        }
        return claims
    }

    private func datePolicy(_ node: YAMLNode) -> BriefingSpec.DatePolicy? {
        guard let text = node.text(expandingParameters: false) else { return nil }
        if text == "today" { return .today }
        do {
            let date = try FuzzyDate.parse(text)
            guard date.precision == .day else {
                context.error(node.node, "field '\(node.path)': a briefing date needs a day (YYYY-MM-DD), found '\(text)'")
                return nil
            }
            return .fixed(date)
        } catch {
            let found = error.unrecognised ? "found '\(YAMLNode.shown(text))'" : error.message
            context.error(node.node, "field '\(node.path)': expected 'today' or a date YYYY-MM-DD (\(found))")
            return nil
        }
    }

    private func section(_ node: YAMLNode) -> BriefingSpec.Section? {
        guard let map = node.mapping(keys: ["id", "title", "summary", "file"]) else { return nil }
        let idNode = map.required("id")
        let id = idNode?.text()
        if let id, let idNode, id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            context.error(idNode.node, "field '\(idNode.path)': section ids may use letters, digits, '-' and '_' only (found '\(id)')")
        }
        let title = map.required("title")?.title(atMost: 300)
        let summary = map.optional("summary")?.title(atMost: 1_000) ?? ""
        let file = map.required("file")?.text()
        guard let id, let title, let file else { return nil }
        return BriefingSpec.Section(id: id, title: title, summary: summary, file: file, location: node.location)
    }
}
