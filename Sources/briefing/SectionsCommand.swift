import ArgumentParser
import BriefingModel

/// `briefing sections`: what `--sections` and `--skip` can name.
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List the template's sections: id, title and a one-line summary."
    )

    @Option(name: .long, help: ArgumentHelp("Template folder holding briefing.yaml and data.yaml.", valueName: "dir"))
    var template: String?

    func run() throws {
        do {
            let template = try TemplateLoader.load(directory: try Resources.templateDirectory(template))
            let width = (template.spec.sections.map(\.id.count).max() ?? 0) + 2
            for section in template.spec.sections {
                print(section.id.padding(toLength: width, withPad: " ", startingAt: 0) + section.title)
                if !section.summary.isEmpty { print(String(repeating: " ", count: width) + section.summary) }
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
