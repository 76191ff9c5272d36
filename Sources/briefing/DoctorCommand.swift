import ArgumentParser
import BriefingDelivery
import BriefingPipeline
import BriefingRunState
import BriefingSchedule
import Foundation

/// `briefing doctor`: checks, as a cron job will run (minimal environment, started from
/// $HOME), everything an unattended regeneration needs, and says how to fix what is wrong.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that scheduled regeneration will work, and say how to fix what will not.",
        discussion: "Exit status: 0 when every check passes, 1 when any fails."
    )

    @Flag(name: .shortAndLong, help: "Print only what is wrong (and its fix).")
    var quiet = false

    final class Report {
        var failures = 0
        var warnings = 0
        var quiet = false
        func ok(_ text: String) { if !quiet { print("ok    \(text)") } }
        func warn(_ text: String, fix: String) {
            warnings += 1
            print("warn  \(text)\n      fix: \(fix)")
        }

        /// The last line: what failed, else what only warned (the status stays 0 for those).
        var summary: String {
            let warned = warnings == 0 ? "" : "\(warnings) warning\(warnings == 1 ? "" : "s")"
            if failures > 0 { return "\(failures) problem(s) found" + (warned.isEmpty ? "" : ", and \(warned)") }
            return warned.isEmpty ? "all checks passed" : "no problem found, \(warned)"
        }
        func fail(_ text: String, fix: String) {
            failures += 1
            print("FAIL  \(text)\n      fix: \(fix)")
        }
    }

    func run() throws {
        let report = Report()
        report.quiet = quiet
        let executable = JobArguments.executable

        // The binary, run the way cron runs it: empty environment, cron's PATH, from /.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.environment = OwnEnvironment.forChildren()
        probe.arguments = ["-i", "PATH=\(CronCommand.path)", "LANG=C.UTF-8", executable, "--version"]
        probe.currentDirectoryURL = URL(fileURLWithPath: "/")
        probe.standardOutput = Pipe()
        probe.standardError = Pipe()
        if (try? probe.run()) != nil {
            probe.waitUntilExit()
            if probe.terminationStatus == 0 {
                report.ok("the binary runs in cron's minimal environment: \(executable)")
            } else {
                report.fail(
                    "the binary fails in a minimal environment (exit \(probe.terminationStatus))",
                    fix: "install it with 'make install PREFIX=/usr/local' and schedule that copy")
            }
        } else {
            report.fail("cannot run \(executable)", fix: "check the file exists and is executable")
        }

        // Templates and fonts, found without the working directory.
        if let home = Resources.home() {
            report.ok("templates and fonts found in \(home.path)")
            do {
                let families = try FontCheck.families(in: home.appendingPathComponent("Fonts"))
                report.ok("the bundled fonts load (\(families.joined(separator: ", ")))")
            } catch {
                report.fail("the bundled fonts do not load: \(error)", fix: "reinstall with 'make install' or restore the Fonts/ folder")
            }
            if let template = Resources.defaultTemplate {
                check(template: template, report: report)
            }
        } else {
            report.fail("cannot find Templates/ and Fonts/", fix: "set BRIEFING_HOME, or install with 'make install PREFIX=/usr/local'")
        }
        if FileManager.default.fileExists(atPath: "/usr/share/hyphen/hyph_en_GB.dic") {
            report.ok("the hyphenation dictionary is installed")
        } else {
            report.warn("no hyphenation dictionary: justified text will be looser", fix: "apt-get install hyphen-en-gb")
        }
        if FontCheck.svgAvailable {
            report.ok("librsvg can be opened: SVG images can be drawn")
        } else {
            report.warn("librsvg cannot be opened: templates with SVG images will fail", fix: "apt-get install librsvg2-2")
        }
        if FontCheck.qpdfAvailable {
            report.ok("libqpdf can be opened: PDFs can be completed for PDF/UA")
        } else {
            report.fail("libqpdf cannot be opened: every PDF run will fail (exit 69) but those with --pdf-standard none", fix: "apt-get install libqpdf29")
        }
        if access(PreviewProcess.program, X_OK) == 0 {
            // Started without arguments it must say its usage (64): that proves it loads,
            // which a copy without its libraries, or truncated, does not.
            let probe = ChildProcess.run(URL(fileURLWithPath: PreviewProcess.program), [], timeout: 10)
            if probe.status == 64, probe.errors.contains("usage: briefing-preview") {
                report.ok("the preview server starts: 'watch --serve' can serve")
            } else {
                let said = probe.errors.isEmpty ? "" : ": \(probe.errors.prefix(200))"
                report.warn(
                    "\(PreviewProcess.program) does not start (\(probe.ending)\(said)): 'watch --serve' cannot serve (watching without it works)",
                    fix: "reinstall with 'make install', which puts briefing-preview beside briefing")
            }
        } else {
            report.warn(
                "\(access(PreviewProcess.program, F_OK) == 0 ? "cannot run" : "no") \(PreviewProcess.program): 'watch --serve' cannot serve (watching without it works)",
                fix: "reinstall with 'make install', which puts briefing-preview beside briefing")
        }
        if let profile = FontCheck.colorProfile {
            report.ok("an sRGB profile for PDF/A: \(profile)")
        } else {
            report.warn("no sRGB ICC profile: '--pdf-standard a-2b' cannot write PDF/A", fix: "apt-get install icc-profiles-free")
        }

        // The cron daemon and the crontab.
        if cronDaemonRunning() {
            report.ok("a cron daemon is running")
        } else {
            report.fail(
                "no cron daemon is running: scheduled briefings will not be made", fix: "apt-get install cron && service cron start")
        }
        let jobs: [CrontabBlock.Job]
        do {
            jobs = CrontabBlock.jobs(in: try Crontab.read() ?? "")
            report.ok("the crontab can be read (\(jobs.filter { !$0.name.hasSuffix(JobFile.outboxSuffix) }.count) briefing job(s))")
        } catch {
            report.fail("cannot read the crontab: \(error)", fix: "apt-get install cron")
            jobs = []
        }
        let names = Set(jobs.map(\.name))
        for job in jobs where !job.name.hasSuffix(JobFile.outboxSuffix) {
            check(job: job, report: report, hasRetryLine: names.contains(job.name + JobFile.outboxSuffix))
        }

        // Mail: the system's sendmail, which delivery files use unless they name another.
        if let sendmail = Sendmail(command: [DeliveryPlan.defaultSendmail]).describe() {
            report.ok("the system's sendmail: \(sendmail)")
        } else {
            report.warn(
                "no sendmail at \(DeliveryPlan.defaultSendmail): 'generate --deliver' cannot mail",
                fix: "apt-get install msmtp-mta (a light relay; configure /etc/msmtprc) or postfix (queues mail)")
        }

        if !quiet || report.failures > 0 { print("\n" + report.summary) }
        if report.failures > 0 { throw ExitCode(1) }
    }

    func check(template: URL, report: Report) {
        do {
            let count = try Pipeline(world: .templatesOnly).check(template: template)
            report.ok("template \(template.path) is valid (\(count) sections)")
        } catch {
            report.fail(
                "template \(template.path) does not load:\n\(error)",
                fix: "correct the files named above; 'briefing generate' shows the same errors")
        }
    }

    /// True if a process named cron or crond is running.
    private func cronDaemonRunning() -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for entry in entries where entry.allSatisfy(\.isNumber) {
            if let name = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
                ["cron", "crond"].contains(name.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return true
            }
        }
        return false
    }
}
