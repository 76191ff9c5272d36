import BriefingDelivery
import BriefingModel
import BriefingPipeline
import BriefingRun
import Foundation

/// Everything a scheduled run needs, checked without making anything: the arguments parse
/// as `generate` parses them, the templates and fonts are found and load, the template and
/// its data load and the document builds (sections, claims), the output can be written,
/// and the delivery file loads, fits the template and names programs that are there.
///
/// `schedule add` runs it before touching the crontab; `run-job --check` runs it in the
/// job's own environment, and `doctor` runs that in a child with cron's, so each reports
/// what cron would see.
struct JobCheck {
    /// `generate`'s arguments, as stored in the job file.
    var arguments: [String]
    /// Where programs (sendmail, hooks) are looked up: the job's environment.
    var environment: [String: String]

    struct Finding {
        var text: String
        /// Nil when the check passed.
        var error: Error?
    }

    func run() -> [Finding] {
        var findings: [Finding] = []
        func passed(_ text: String) { findings.append(Finding(text: text, error: nil)) }
        func failed(_ text: String, _ error: Error) { findings.append(Finding(text: text, error: error)) }

        let generate: Generate
        do {
            generate = try Generate.parsed(arguments)
            passed("the arguments parse as 'generate' parses them")
        } catch {
            failed("the arguments do not parse", error)
            return findings
        }
        do {
            let fonts = try Resources.fontsDirectory()
            _ = try FontCheck.families(in: fonts)
            passed("templates and fonts found and loading: \(fonts.deletingLastPathComponent().path)")
        } catch {
            failed("templates and fonts", error)
            return findings
        }
        let pipeline = Pipeline(world: .templatesOnly, warnings: { _ in })
        let request: BriefingRequest
        let template: Template
        do {
            request = try generate.request()
            template = try pipeline.load(request).template
            let summary = try pipeline.check(request)
            passed("template \(request.template.path) loads and builds (\(summary.sections) sections, \(summary.charts) charts)")
        } catch {
            failed("the template does not load", error)
            return findings
        }
        // The values the delivery file is checked with below: a batch's first row's.
        var delivering = generate
        if let each = generate.each {
            // A batch: the parameter file reads, every row has a value the template allows
            // and its own output; the rows' outputs are checked below by the first one's folder.
            do {
                let rows = try generate.batchRows()
                var problems = rows.compactMap(\.problem)
                if let first = rows.first(where: { $0.problem == nil }) { delivering = generate.forRow(first) }
                // Each row's delivery file, with the row's addresses: a bad cell is found now,
                // not on the morning the batch runs.
                if let deliver = generate.deliver {
                    for row in rows where row.problem == nil {
                        do {
                            _ = try Delivering.plan(
                                file: deliver, formats: generate.briefing.formatList.formats,
                                parameters: try generate.forRow(row).deliveryValues())
                        } catch let error as InputError {
                            problems += error.diagnostics.map {
                                Diagnostic(.error, at: $0.location, "with line \(row.line) of \(each): \($0.message)", hints: $0.hints)
                            }
                        }
                    }
                }
                if !problems.isEmpty { throw InputError(kind: .invalidData, diagnostics: problems) }
                passed("parameter file \(each): \(rows.count) row(s), each with its own output")
            } catch {
                failed("the parameter file", error)
            }
        }
        do {
            let target = try OutputTarget.resolve(generate.output)
            if case .file(let file) = target {
                try AtomicFile.checkFolder(of: file)
                try OutputGuard.refuseOverwritingInputs(file, of: request)
            }
            passed("can write \(generate.output)")
        } catch {
            failed("the output", error)
        }
        guard let deliver = generate.deliver else { return findings }
        do {
            let plan = try Delivering.plan(
                file: deliver, formats: generate.briefing.formatList.formats, parameters: try delivering.deliveryValues())
            try DeliveryRun(plan: plan, output: URL(fileURLWithPath: generate.output)) { RunContract(output: $0, program: "") }.check(
                template)
            let missing = plan.missingPrograms(environment: environment)
            if !missing.isEmpty { throw InputError(kind: .missingInput, diagnostics: missing) }
            passed("delivery file \(deliver): \(plan.audiences.count) audience(s), sendmail and hooks found")
        } catch {
            failed("the delivery file", error)
        }
        return findings
    }

    /// The first failure, as the error to exit with.
    static func firstError(_ findings: [Finding]) -> Error? { findings.lazy.compactMap(\.error).first }
}
