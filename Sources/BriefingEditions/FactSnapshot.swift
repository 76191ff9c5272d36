import BriefingModel

/// The resolved fact base of a briefing as rows for the edition store: the fact catalog
/// (`FactBase.catalog`) with each fact's source title and its origin relative to the template.
public enum FactSnapshot {
    /// - Parameter folder: the template folder as locations name it (`DisplayPath`), so each
    ///   row's origin is relative to it whatever directory the run started in.
    public static func rows(of facts: FactBase, labels: Labels = .english, folder: String = "") -> [FactRow] {
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        func origin(_ location: SourceLocation) -> String {
            var location = location
            if !prefix.isEmpty, location.file.hasPrefix(prefix) { location.file.removeFirst(prefix.count) }
            return location.description
        }
        return facts.catalog(labels: labels).map { entry in
            let attribution = entry.attribution
            return FactRow(
                key: entry.key.description, kind: entry.key.kind, label: entry.label, value: entry.value, text: entry.text,
                unit: entry.unit, date: entry.date, sourceID: attribution.sourceID,
                sourceTitle: facts.source(attribution.sourceID)?.title ?? "", confidence: attribution.confidence.id,
                derived: entry.derived, origin: origin(entry.origin))
        }
    }
}
