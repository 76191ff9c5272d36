import BriefingModel

/// How a change is worded, once, for every reader of it: the briefing's "What changed" panel,
/// the mail and `briefing diff`. The kind comes from the template's labels ("Revised", "New
/// source", ...); the rest is the fact's own label and values as printed.
extension FactChanges.Entry {
    /// "Revised", "New source", "Regraded", "New", "New event", "Removed" (the labels'
    /// `changes_*` keys).
    public func kindLabel(_ labels: Labels) -> String {
        switch kind {
        case .revised: labels[.changesRevised]
        case .source: labels[.changesSource]
        case .confidence: labels[.changesConfidence]
        case .added: labels[.changesAdded]
        case .event: labels[.changesEvent]
        case .removed: labels[.changesRemoved]
        }
    }

    /// "Pakistani students in China: 28,023 students → 28,100 students", with a source or
    /// grade change appended where one came with it.
    public var wording: String {
        var text: String
        switch kind {
        case .revised: text = "\(label): \(old ?? "") \u{2192} \(new ?? "")"
        case .source, .confidence, .added, .event: text = "\(label): \(new ?? "")"
        case .removed: text = "\(label) (\(old ?? ""))"
        }
        if let old = oldSource, let new = newSource { text += "; source \(old) \u{2192} \(new)" }
        if let old = oldConfidence, let new = newConfidence { text += "; \(old) \u{2192} \(new)" }
        return text
    }

    /// "Revised: Pakistani students in China: 28,023 students → 28,100 students (derived)":
    /// the whole change on one line, as the mail lists it.
    public func line(_ labels: Labels) -> String {
        "\(kindLabel(labels)): \(wording)" + (derived ? " (\(labels[.changesDerived]))" : "")
    }
}
