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
        // Each text's placeholder names and each section's charts gathered once, each key
        // read once, then every key asked about every place (for ten audiences this was 100
        // million instructions when each question parsed the key and gathered the charts).
        let places = document.sections.map { section in
            let file = spec.sections.first { $0.id == section.id }
            return ChangeLocator.Place(
                section, named: ChangeLocator.Named(in: file.flatMap { try? template.read($0.file, at: $0.location).text } ?? ""))
        }
        let cover = ChangeLocator.Named(
            in: ChangeLocator.coverText(
                judgements: (try? template.read(spec.keyJudgementsFile, at: spec.keyJudgementsLocation).text) ?? "",
                keyFigures: spec.keyFigures.map(\.id)))
        return Set(
            keys.filter { key in
                let fact = locator.fact(key)
                return locator.names(fact, in: cover) || places.contains { locator.shows(fact, in: $0) }
            })
    }
}
