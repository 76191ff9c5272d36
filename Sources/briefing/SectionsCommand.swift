import ArgumentParser
import BriefingPipeline

/// `briefing sections`: what `--sections` and `--skip` can name.
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List the template's sections: id, title and a one-line summary."
    )

    @OptionGroup var input: TemplateOptions

    func run() throws {
        do {
            let sections = try Pipeline(world: .templatesOnly).sections(of: try input.templateURL(), parameters: try input.parameters())
            let width = (sections.map(\.id.count).max() ?? 0) + 2
            for section in sections {
                print(section.id.padding(toLength: width, withPad: " ", startingAt: 0) + section.title)
                if !section.summary.isEmpty { print(String(repeating: " ", count: width) + section.summary) }
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
