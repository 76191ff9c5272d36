import ArgumentParser
import BriefingContent
import BriefingModel
import BriefingPipeline
import BriefingRun
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `--template` and `--data`: which briefing, for every command that reads one.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Template folder holding briefing.yaml and data.yaml.", valueName: "dir"), completion: .directory)
    var template: String?

    @Option(
        name: .long, help: ArgumentHelp("Data file to use instead of the template's data.yaml.", valueName: "file"), completion: .file())
    var data: String?

    /// The template folder (the bundled default when none is given), absolute.
    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "A value for a parameter the template declares, as ID=VALUE (repeatable); a parameter not given takes its default.",
            valueName: "id=value"))
    var param: [String] = []

    /// `--param` values by id: each ID=VALUE, each id once.
    func parameters() throws -> [String: String] {
        var values: [String: String] = [:]
        for given in param {
            guard let equals = given.firstIndex(of: "="), equals != given.startIndex else {
                throw InputErrorFactory.usage(
                    "--param", "expected ID=VALUE, found '\(given)'", hint: "for example --param partner=Bangladesh")
            }
            let id = String(given[..<equals]), value = String(given[given.index(after: equals)...])
            guard values[id] == nil else { throw InputErrorFactory.usage("--param", "parameter '\(id)' is given twice") }
            values[id] = value
        }
        return values
    }

    /// Every declared parameter's value for this run: the given one, else its default;
    /// resolved before anything is made, so a wrong value is 64 at once (watch too).
    func parameterValues() throws -> [String: String] {
        try Parameter.resolve(try TemplateLoader.parameters(directory: try templateURL()), given: try parameters())
    }

    /// `--output out/{partner}.pdf` with each `{ID}` this run's value; as given without braces.
    func filled(_ output: String?) throws -> String? {
        guard let output, output.contains("{") else { return output }
        return try OutputPattern.fill(output, values: try parameterValues())
    }

    func templateURL() throws -> URL { try Resources.templateDirectory(template).standardizedFileURL }

    func dataURL() -> URL? { data.map { URL(fileURLWithPath: $0).standardizedFileURL } }
}

/// What goes into one briefing: sections, date, format and strictness.
struct BriefingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Include only these sections (comma-separated ids, kept in template order).", valueName: "ids"))
    var sections: String?

    @Option(name: .long, help: ArgumentHelp("Include every section except these (comma-separated ids).", valueName: "ids"))
    var skip: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Date printed on the briefing (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the template's policy.",
            valueName: "date"))
    var date: String?

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format: pdf, html (one self-contained page, NAME.html), png or svg (a file per page: NAME-01.png, ...), or pdf,html (both from one load).",
            valueName: "format"))
    var formatList = FormatList([.pdf])

    /// The format written at the output's path.
    var format: OutputFormat { formatList.formats[0] }

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Resolution of PNG pages, in dots per inch.", valueName: "dpi"))
    var dpi: Double = 110

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The PDF's conformance: ua-1 (PDF/UA-1, the default), a-2b (PDF/A-2b, archival), ua-1,a-2b (both) or none (as cairo writes it).",
            valueName: "standard"))
    var pdfStandard: PDFStandard = .ua1

    @Flag(name: .long, help: "Treat warnings (a character no bundled font can draw, a reference to a left-out section) as errors.")
    var strict = false

    func validate() throws {
        if !(36...1200).contains(dpi) { throw ValidationError("--dpi must be between 36 and 1200") }
        try formatList.validate()
    }
}

/// The run contract's options: `--if-changed` and `--keep`.
struct ContractOptions: ParsableArguments {
    @Flag(name: .long, help: "Do nothing (exit 0, 'unchanged') when every input is as at the last successful run.")
    var ifChanged = false

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Also keep a dated copy in archive/ beside the output, deleting the oldest beyond N.", valueName: "n"))
    var keep: Int?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Stop a run still going after this many seconds (exit 75, the last briefing kept); 'run-job' defaults to 900.",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Stop a run whose resident memory grows past this many MiB (exit 75).", valueName: "mib"))
    var maxMemory: Int = 4096

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Compare with this edition (a number or printed date) in the 'What changed' panel; default the latest.", valueName: "n|date"))
    var since: String?

    @Option(name: .long, help: "'panel' (default): list what changed since the compared edition; 'none': no panel, no revised marks.")
    var changes: ChangesMode = .panel

    enum ChangesMode: String, ExpressibleByArgument { case panel, none }

    @Flag(
        name: .long,
        help: "Write the briefing even if claims in its text no longer hold, with a 'Draft' banner on every page; no edition is recorded.")
    var draft = false

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        if maxMemory < 16 { throw ValidationError("--max-memory must be at least 16 MiB") }
    }

    var limits: RunGuard.Limits { RunGuard.Limits(seconds: timeout, memoryMiB: maxMemory) }

    /// The contract these options ask of a run of `output` (the main one or an audience's).
    func run(for output: URL) -> RunContract {
        RunContract(output: output, ifChanged: ifChanged, keep: keep, program: BriefingCommand.programName, limits: limits)
    }
}

extension World {
    /// The disk, the bundled fonts, the process environment and the real clock.
    static func standard() throws -> World {
        World(fonts: .folder(try Resources.fontsDirectory()))
    }

    /// For commands that read templates and draw nothing (`sections`, `doctor`): fonts are
    /// not looked for, so a missing Fonts/ folder is not their error.
    static var templatesOnly: World {
        World(fonts: .folder(Resources.fonts ?? URL(fileURLWithPath: "Fonts")))
    }
}

extension BriefingOptions {
    /// The request these options describe for the template `input` names: what `generate`
    /// and `watch` share (generate adds the run contract's options).
    func request(_ input: TemplateOptions) throws -> BriefingRequest {
        var request = BriefingRequest(
            template: try input.templateURL(), data: input.dataURL(), sections: sections, skip: skip, date: date, format: format,
            dpi: dpi, strict: strict, creator: BriefingCommand.programName)
        request.alsoFormats = Array(formatList.formats.dropFirst())
        request.pdfStandard = pdfStandard
        request.parameters = try input.parameters()
        return request
    }
}

extension PDFStandard: ExpressibleByArgument {
    public static var allValueStrings: [String] { spellings }
}
