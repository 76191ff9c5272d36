import ArgumentParser
import BriefingPipeline

/// `briefing check`: validates a template (data, sections, placeholders, charts) without
/// laying out or drawing anything, for editors and CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a template without rendering it: data, sections, placeholders and charts.",
        discussion: "Exit status: 0 valid, 64 usage, 65 invalid data (or any warning with --strict), 66 missing input."
    )

    @OptionGroup var input: TemplateOptions

    @Option(name: .long, help: ArgumentHelp("Check only these sections (comma-separated ids).", valueName: "ids"))
    var sections: String?

    @Option(name: .long, help: ArgumentHelp("Check every section except these.", valueName: "ids"))
    var skip: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing when the template is valid (errors and warnings still go to standard error).")
    var quiet = false

    func run() throws {
        do {
            let pipeline = Pipeline(world: .templatesOnly, warnings: ExitStatus.printWarning)
            let request = BriefingRequest(
                template: try input.templateURL(), data: input.dataURL(), sections: sections, skip: skip, strict: strict)
            let summary = try pipeline.check(request)
            try pipeline.checkStrict(request)
            if !quiet {
                print(
                    "ok: \(request.template.path): \(summary.sections) sections, \(summary.charts) charts, \(summary.sources) sources cited, "
                        + "\(pipeline.warnings.count) warning(s)")
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
