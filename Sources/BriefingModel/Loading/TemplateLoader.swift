import Foundation

/// Loads a template folder (`briefing.yaml`, `data.yaml`, the section files it names) and
/// validates it as a whole, so every problem is reported in one run.
public enum TemplateLoader {
    /// - Parameter files: where the files are read from (the disk unless a caller injects another).
    public static func load(directory: URL, dataFile: URL? = nil, files: any TemplateFiles = DiskFiles()) throws -> Template {
        try checkExists(directory: directory, dataFile: dataFile, files: files)
        let specURL = directory.appendingPathComponent("briefing.yaml")
        let dataURL = dataFile ?? directory.appendingPathComponent("data.yaml")

        var diagnostics = Diagnostics()
        var spec: BriefingSpec?
        var facts: FactBase?
        var missing = false
        let csv = CSVFiles(directory: directory, files: files)
        for (url, isSpec) in [(specURL, true), (dataURL, false)] {
            do {
                // A data file given on the command line is the user's choice; the template's own must stay inside it.
                if isSpec || dataFile == nil {
                    try Template.confine(
                        url, to: directory, files: files, named: url.lastPathComponent, at: SourceLocation(file: DisplayPath.of(url)))
                }
                let (root, context) = try YAMLFile.load(url, displayName: DisplayPath.of(url), files: files)
                if isSpec {
                    spec = BriefingSpecDecoder(context: context).decode(root)
                } else {
                    let decoded = FactBaseDecoder(context: context, csv: csv).decode(root)
                    context.diagnostics.append(contentsOf: decoded.validate())
                    facts = decoded
                }
                diagnostics.append(contentsOf: context.diagnostics.all)
            } catch let error as InputError {
                missing = missing || error.kind == .missingInput
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        if missing { throw InputError(kind: .missingInput, diagnostics: diagnostics.sortedByPosition().all) }
        guard let spec, let facts else { throw InputError(kind: .invalidData, diagnostics: diagnostics.sortedByPosition().all) }

        var template = Template(
            directory: directory, spec: spec, facts: facts, specFileName: DisplayPath.of(specURL),
            dataFileName: DisplayPath.of(dataURL), dataFile: dataURL, files: files)
        diagnostics.append(contentsOf: resolveImports(&template, csv: csv))
        // A fact that failed to decode would show up again as a dangling reference: skip the
        // cross-file checks until the data file and the CSV files it reads are clean.
        let dataIsClean = !diagnostics.all.contains { $0.location.file != template.specFileName && $0.severity == .error }
        diagnostics.append(contentsOf: validateReferences(template, checkFacts: dataIsClean))
        try diagnostics.sortedByPosition().check()
        return template
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
