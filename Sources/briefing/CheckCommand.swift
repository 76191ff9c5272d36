import ArgumentParser
import BriefingModel
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
            var request = BriefingRequest(
                template: try input.templateURL(), data: input.dataURL(), sections: sections, skip: skip, strict: strict)
            request.parameters = try input.parameters()
            let summary = try pipeline.check(request)
            try pipeline.checkStrict(request)
            let checked = try checkEveryValue(request)
            if !quiet {
                print(
                    "ok: \(request.template.path): \(summary.sections) sections, \(summary.charts) charts, \(summary.sources) sources cited, "
                        + "\(pipeline.warnings.count) warning(s)" + checked)
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// Every allowed value of each parameter that lists them, not given on the command line,
    /// checked in a load of its own (the others as given or by default): a data file or a
    /// sentence that only one partner's briefing reaches fails here, not in Monday's batch.
    /// Every failing value is reported before the check fails.
    private func checkEveryValue(_ request: BriefingRequest) throws -> String {
        let pipeline = Pipeline(world: .templatesOnly, warnings: { _ in })
        var tried: [String] = []
        var problems: [Diagnostic] = []
        var kind = InputError.Kind.invalidData
        for parameter in try pipeline.parameters(of: request.template) where request.parameters[parameter.id] == nil {
            for value in parameter.values ?? [] where value != parameter.defaultValue {
                var variant = request
                variant.parameters[parameter.id] = value
                tried.append("\(parameter.id)=\(value)")
                do {
                    _ = try pipeline.check(variant)
                    try pipeline.checkStrict(variant)
                } catch let error as InputError {
                    if error.kind == .missingInput { kind = .missingInput }
                    problems += error.diagnostics.map { diagnostic in
                        var noted = diagnostic
                        noted.message = "with --param \(parameter.id)=\(value): \(diagnostic.message)"
                        return noted
                    }
                }
            }
        }
        if !problems.isEmpty { throw InputError(kind: kind, diagnostics: problems) }
        return tried.isEmpty ? "" : "; also checked with \(tried.joined(separator: ", "))"
    }
}
