import BriefingContent
import BriefingModel

/// Which facts a briefing shows its reader: those named by a placeholder in a chosen
/// section or in the key judgements, drawn by a chart of a chosen section, or listed as a key
/// figure on the cover. An audience reading two sections is told of (and mailed for) a
/// change only when it shows in what it reads.
public enum FactVisibility {
    public static func shown(_ keys: [String], in document: Document, template: Template) -> Set<String> {
        let spec = template.spec
        let locator = ChangeLocator(facts: template.facts)
        // Each text's placeholder names read once, then asked about every key.
        let sections: [(section: Document.Section, named: ChangeLocator.Named)] = document.sections.map { section in
            let file = spec.sections.first { $0.id == section.id }
            return (section, ChangeLocator.Named(in: file.flatMap { try? template.read($0.file, at: $0.location).text } ?? ""))
        }
        let cover = ChangeLocator.Named(
            in: ChangeLocator.coverText(
                judgements: (try? template.read(spec.keyJudgementsFile, at: spec.keyJudgementsLocation).text) ?? "",
                keyFigures: spec.keyFigures.map(\.id)))
        return Set(
            keys.filter { key in
                locator.names(key, in: cover) || sections.contains { locator.shows(key, in: $0.section, named: $0.named) }
            })
    }
}
