import Foundation

/// Loads a template folder (`briefing.yaml`, `data.yaml`, the section files it names) and
/// validates it as a whole, so every problem is reported in one run.
public enum TemplateLoader {
    /// - Parameters:
    ///   - files: where the files are read from (the disk unless a caller injects another).
    ///   - parameters: `--param` values by id; a declared parameter not given takes its default.
    public static func load(
        directory: URL, dataFile: URL? = nil, files: any TemplateFiles = DiskFiles(), parameters: [String: String] = [:]
    ) throws -> Template {
        try checkExists(directory: directory, dataFile: dataFile, files: files)
        let specURL = directory.appendingPathComponent("briefing.yaml")

        var diagnostics = Diagnostics()
        var spec: BriefingSpec?
        var facts: FactBase?
        var missing = false
        var values: [String: String] = [:]
        var namedData: (name: String, location: SourceLocation)?
        do {
            try Template.confine(
                specURL, to: directory, files: files, named: specURL.lastPathComponent, at: SourceLocation(file: DisplayPath.of(specURL)))
            let (root, context) = try YAMLFile.load(specURL, displayName: DisplayPath.of(specURL), files: files)
            let decoder = BriefingSpecDecoder(context: context)
            let declared = decoder.parameters(root)
            // A value the command line got wrong is its own mistake (64), named before anything else.
            values = try Parameter.resolve(declared, given: parameters)
            context.parameters = values
            spec = decoder.decode(root)
            spec?.parameters = declared
            namedData = decoder.dataFile(root)
            spec?.dataFile = namedData?.name
            diagnostics.append(contentsOf: context.diagnostics.all)
        } catch let error as InputError {
            if error.kind == .usage { throw error }
            missing = missing || error.kind == .missingInput
            diagnostics.append(contentsOf: error.diagnostics)
        }

        // The data file: the one given, else the one briefing.yaml names (its parameters
        // substituted), else data.yaml; the template's own must stay inside it.
        var dataURL = dataFile ?? directory.appendingPathComponent("data.yaml")
        let csv = CSVFiles(directory: directory, files: files)
        do {
            if dataFile == nil, let named = namedData {
                // An unknown parameter in the name is reported where it is written; there is no file to read.
                guard !named.name.contains("{{") else { throw InputError(kind: .invalidData, diagnostics: []) }
                dataURL = try Template.file(named.name, in: directory, files: files, at: named.location).url
                if files.kind(of: dataURL) == .missing {
                    let given = values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                    throw InputError(
                        kind: .invalidData, named.location,
                        "the data file '\(named.name)' does not exist" + (given.isEmpty ? "" : " (with \(given))"),
                        hint: given.isEmpty ? nil : "add it, or take the value out of the parameter's values")
                }
            } else if dataFile == nil {
                try Template.confine(
                    dataURL, to: directory, files: files, named: dataURL.lastPathComponent,
                    at: SourceLocation(file: DisplayPath.of(dataURL)))
            }
            let (root, context) = try YAMLFile.load(dataURL, displayName: DisplayPath.of(dataURL), files: files)
            context.parameters = values
            let decoded = FactBaseDecoder(context: context, csv: csv).decode(root)
            context.diagnostics.append(contentsOf: decoded.validate())
            facts = decoded
            diagnostics.append(contentsOf: context.diagnostics.all)
        } catch let error as InputError {
            missing = missing || error.kind == .missingInput
            diagnostics.append(contentsOf: error.diagnostics)
        }
        if missing { throw InputError(kind: .missingInput, diagnostics: diagnostics.sortedByPosition().all) }
        guard let spec, let facts else { throw InputError(kind: .invalidData, diagnostics: diagnostics.sortedByPosition().all) }

        var template = Template(
            directory: directory, spec: spec, facts: facts, specFileName: DisplayPath.of(specURL),
            dataFileName: DisplayPath.of(dataURL), dataFile: dataURL, files: files)
        template.parameters = values
        diagnostics.append(contentsOf: resolveImports(&template, csv: csv))
        template.facts.importWarnings += csv.warnings
        // A fact that failed to decode would show up again as a dangling reference: skip the
        // cross-file checks until the data file and the CSV files it reads are clean.
        let dataIsClean = !diagnostics.all.contains { $0.location.file != template.specFileName && $0.severity == .error }
        diagnostics.append(contentsOf: validateReferences(template, checkFacts: dataIsClean))
        try diagnostics.sortedByPosition().check()
        return template
    }

    /// The parameters `briefing.yaml` declares, read without resolving them (`check` tries
    /// each allowed value; `sections` lists them).
    public static func parameters(directory: URL, files: any TemplateFiles = DiskFiles()) throws -> [Parameter] {
        try checkExists(directory: directory, dataFile: nil, files: files)
        let specURL = directory.appendingPathComponent("briefing.yaml")
        let (root, context) = try YAMLFile.load(specURL, displayName: DisplayPath.of(specURL), files: files)
        let declared = BriefingSpecDecoder(context: context).parameters(root)
        try context.diagnostics.sortedByPosition().check()
        return declared
    }

    /// The template folder and a data file given instead of its own must exist (66): checked
    /// first, and before anything about the output, so a mistyped path is named as such.
    public static func checkExists(directory: URL, dataFile: URL?, files: any TemplateFiles = DiskFiles()) throws {
        guard files.kind(of: directory) == .folder else {
            throw InputError(
                kind: .missingInput, SourceLocation(file: DisplayPath.of(directory)), "no such template folder",
                hint: "pass --template DIR with a folder holding briefing.yaml and data.yaml")
        }
        if let dataFile, files.kind(of: dataFile) == .missing {
            throw InputError(kind: .missingInput, SourceLocation(file: DisplayPath.of(dataFile)), "no such file")
        }
    }

    /// Files and figures that `briefing.yaml` names must exist.
    static func validateReferences(_ template: Template, checkFacts: Bool = true) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let spec = template.spec
        var files = spec.sections.map { ($0.file, $0.location, "section '\($0.id)'") }
        files.append((spec.keyJudgementsFile, spec.keyJudgementsLocation, "key judgements"))
        for (file, location, what) in files {
            do {
                let resolved = try template.file(file, at: location)
                if template.files.kind(of: resolved.url) == .missing {
                    problems.append(.error(location, "the file of \(what) does not exist: \(resolved.displayName)"))
                }
            } catch let error as InputError {
                problems.append(contentsOf: error.diagnostics)
            } catch {}
        }
        // Claims must read facts that exist, with fields they have: whether they hold is the
        // run's question, not the template's.
        let evaluator = ClaimEvaluator(facts: template.facts)
        for claim in spec.claims where checkFacts {
            do {
                _ = try evaluator.check(claim.expression)
            } catch {
                problems.append(.error(claim.location(at: error.offset), "claim '\(claim.id)': \(error.message)", hint: error.hint))
            }
        }
        for (name, location) in spec.keyFigures where checkFacts {
            if let reference = FactReference(name), template.facts.contains(reference) { continue }
            let hint =
                Suggestion.closest(to: name, in: template.facts.allReferences).map { "did you mean '\($0)'?" }
                ?? "write fig.ID, growth.ID, projection.ID, event.ID, supply.SERIES.ROW.SUPPLIER or series.ID.POINT"
            problems.append(.error(location, "key figure '\(name)' is not a fact in \(template.dataFileName)", hint: hint))
        }
        return problems
    }

    /// Fills the rows of supply series computed from files (`from:`), reading each file inside
    /// the template folder; problems are located in the data file or in the CSV.
    static func resolveImports(_ template: inout Template, csv: CSVFiles) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for spec in template.facts.supplyImports {
            guard let index = template.facts.supplySeries.firstIndex(where: { $0.id == spec.series }) else { continue }
            do {
                let export = try TIVExport.parse(try csv.table(spec.file, at: spec.location))
                template.facts.supplySeries[index].rows = try spec.rows(from: export, focus: template.facts.supplySeries[index].focus)
                // The chart's source line says what was computed, and from what.
                template.facts.supplySeries[index].measure +=
                    "; shares computed from SIPRI TIV"
                    + (export.generated.map { ", export generated \($0)" } ?? "")
                template.facts.importWarnings += export.warnings
            } catch let error as InputError {
                problems += error.diagnostics
            } catch {
                problems.append(.error(spec.location, "\(error)"))
            }
        }
        return problems
    }
}
