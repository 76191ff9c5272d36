/// Decodes `labels:` and `language:` of `briefing.yaml`: overrides of the English words a
/// briefing prints, each checked for slots it may not use.
struct LabelsDecoder {
    let context: DecodeContext

    /// The default labels with the template's overrides; problems go to the context.
    func decode(_ node: YAMLNode?) -> Labels {
        guard let node, let map = node.mapping(keys: Labels.Key.allCases.map(\.rawValue) + ["months"]) else { return .english }
        var overrides: [Labels.Key: String] = [:]
        for key in Labels.Key.allCases {
            guard let field = map.optional(key.rawValue), let text = field.text() else { continue }
            let unknown = Labels.slots(in: text).filter { !key.slots.contains($0) }
            if let first = unknown.first {
                let allowed =
                    key.slots.isEmpty
                    ? "this label takes no slots" : "it may use " + key.slots.sorted().map { "{\($0)}" }.joined(separator: ", ")
                context.diagnostics.error(field.location, "field '\(field.path)': unknown slot {\(first)}", hint: allowed)
                continue
            }
            overrides[key] = text
        }
        var months: [String]?
        if let field = map.optional("months"), let names = field.stringList() {
            if names.count == 12 {
                months = names.map(\.0)
            } else {
                context.diagnostics.error(field.location, "field '\(field.path)': expected 12 month names, found \(names.count)")
            }
        }
        return Labels.english.overriding(overrides, months: months)
    }

    /// A BCP 47 language tag such as `en-GB`, `de` or `fr-FR` (default `en-GB`).
    func language(_ node: YAMLNode?) -> String {
        guard let node, let text = node.text() else { return "en-GB" }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard valid else {
            context.diagnostics.error(
                node.location, "field '\(node.path)': '\(text)' is not a language tag",
                hint: "write a BCP 47 tag such as en-GB, de or fr-FR")
            return "en-GB"
        }
        return text
    }
}
