import Foundation
import TestSupport
import Testing

/// One template, a briefing per partner: `--param`, `{{param.ID}}` in titles, text and the
/// data file's name, `--output` patterns, `check` over every allowed value, located errors.
@Suite(.serialized, .systemTier) struct ParametersTests {
    let fixture = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/partners")
    static let students = ["Pakistan": "28,023", "Bangladesh": "10,735", "Myanmar": "6,290"]

    private func text(_ pdf: URL) throws -> String { try Command.tool("pdftotext", [pdf.path, "-"]).stdout }

    @Test func eachPartnersBriefingCarriesItsOwnValuesAndFacts() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pattern = directory.appendingPathComponent("{partner}.pdf").path
        for partner in Self.students.keys.sorted() {
            let run = try Command.run(
                Command.briefing, ["generate", "--template", fixture.path, "--param", "partner=\(partner)", "-o", pattern])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("wrote \(directory.appendingPathComponent("\(partner).pdf").path)"), "\(run.stdout)")
        }
        for (partner, students) in Self.students {
            let text = try text(directory.appendingPathComponent("\(partner).pdf"))
            #expect(text.contains("China and \(partner)") && text.contains("\(partner) at a glance"), "\(partner)")
            #expect(text.contains("\(students) students") && text.contains("from \(partner) were studying"), "\(partner): \(text)")
            for (other, number) in Self.students where other != partner {
                #expect(!text.contains(number) && !text.contains("China and \(other)"), "\(partner)'s briefing shows \(other)'s facts")
            }
            #expect(!text.contains("rev"), "a first edition of its own: nothing marked revised")
        }
        // Each partner its own state folder: its own history of editions.
        let states = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(".briefing").path).sorted()
        #expect(states == ["Bangladesh.pdf", "Myanmar.pdf", "Pakistan.pdf"])

        // The value is an input: another partner into the same file is not "unchanged".
        let same = directory.appendingPathComponent("same.pdf").path
        #expect(try Command.run(Command.briefing, ["generate", "--template", fixture.path, "-o", same, "-q"]).status == 0)
        let other = try Command.run(
            Command.briefing, ["generate", "--template", fixture.path, "--param", "partner=Myanmar", "--if-changed", "-o", same])
        #expect(other.status == 0 && other.stdout.hasPrefix("wrote"), "\(other.stdout)")
    }

    @Test func mistakesOnTheCommandLineAreUsageErrors() throws {
        let value = try Command.run(
            Command.briefing, ["generate", "--template", fixture.path, "--param", "partner=Myanmr", "-o", "/tmp/never.pdf"])
        #expect(value.status == 64 && value.stderr.contains("--param: parameter 'partner': 'Myanmr' is not one of its values"))
        #expect(value.stderr.contains("did you mean 'Myanmar'?"), "\(value.stderr)")
        let name = try Command.run(Command.briefing, ["check", "--template", fixture.path, "--param", "country=Nepal"])
        #expect(name.status == 64 && name.stderr.contains("unknown parameter 'country'"), "\(name.stderr)")
        let pattern = try Command.run(Command.briefing, ["generate", "--template", fixture.path, "-o", "/tmp/{country}.pdf"])
        #expect(
            pattern.status == 64 && pattern.stderr.contains("'{country}' in '/tmp/{country}.pdf' names no parameter"), "\(pattern.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.pdf"))
    }

    /// Values as typed everywhere: a chart block's title is plain text, not Markdown; the
    /// output patterns of chart and watch are filled like generate's; a template's own
    /// mistakes are data errors at their lines, not --param's.
    @Test func valuesPrintAsTypedAndTemplateMistakesAreTheTemplates() throws {
        let copy = try TemplateFixture(copying: "Tests/Fixtures/partners")
        defer { copy.remove() }
        try copy.replace("briefing.yaml", "    values: [Pakistan, Bangladesh, Myanmar, Nepal, Sri Lanka, Maldives]\n", with: "")
        try copy.write("data/Guinea-Bissau.yaml", try copy.read("data/Nepal.yaml"))
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("{partner}.pdf").path
        let run = try Command.run(
            Command.briefing, ["generate", "--template", copy.directory.path, "--param", "partner=Guinea-Bissau", "-o", pdf])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try Command.tool("pdftotext", [directory.appendingPathComponent("Guinea-Bissau.pdf").path, "-"]).stdout
        #expect(text.contains("Milestones with Guinea-Bissau") && !text.contains("Guinea\\-"), "\(text)")
        let svg = directory.appendingPathComponent("{partner}-timeline.svg").path
        let chart = try Command.run(
            Command.briefing,
            ["chart", "timeline", "--template", copy.directory.path, "--param", "partner=Guinea-Bissau", "--format", "svg", "-o", svg])
        #expect(
            chart.status == 0 && FileManager.default.fileExists(atPath: directory.appendingPathComponent("Guinea-Bissau-timeline.svg").path)
        )

        // A value whose data file is missing: 65 at the data: line, naming the value.
        let missing = try Command.run(Command.briefing, ["check", "--template", copy.directory.path, "--param", "partner=Peru"])
        #expect(missing.status == 65, "\(missing.stderr)")
        let dataLine = try copy.line(of: "data: data/", in: "briefing.yaml")
        #expect(
            missing.stderr.contains(
                "briefing.yaml:\(dataLine):7: error: the data file 'data/Peru.yaml' does not exist (with partner=Peru)"),
            "\(missing.stderr)")
        // A default outside the values is the template's mistake (65), though no --param is given.
        try copy.replace("briefing.yaml", "    default: Pakistan\n", with: "    default: Pakistn\n    values: [Pakistan, Nepal]\n")
        let badDefault = try Command.run(Command.briefing, ["check", "--template", copy.directory.path])
        #expect(
            badDefault.status == 65 && badDefault.stderr.contains("the default 'Pakistn' is not one of the parameter's values"),
            "\(badDefault.stderr)")
        #expect(!badDefault.stderr.contains("--param"), "\(badDefault.stderr)")
    }

    /// `check` loads the template with every allowed value: a data file only one partner
    /// reads is checked on Friday, not found broken by Monday's batch.
    @Test func checkTriesEveryAllowedValue() throws {
        let ok = try Command.run(Command.briefing, ["check", "--template", fixture.path])
        #expect(
            ok.status == 0
                && ok.stdout.contains(
                    "also checked with partner=Bangladesh, partner=Myanmar, partner=Nepal, partner=Sri Lanka, partner=Maldives"),
            "\(ok.stdout)\(ok.stderr)")

        let copy = try TemplateFixture(copying: "Tests/Fixtures/partners")
        defer { copy.remove() }
        try copy.replace("data/Myanmar.yaml", "    value: 6290", with: "    value: lots")
        let line = try copy.line(of: "    value: lots", in: "data/Myanmar.yaml")
        let broken = try Command.run(Command.briefing, ["check", "--template", copy.directory.path])
        #expect(broken.status == 65, "\(broken.stdout)\(broken.stderr)")
        #expect(
            broken.stderr.contains("data/Myanmar.yaml:\(line):12: error: with --param partner=Myanmar: field 'figures[0].value'"),
            "\(broken.stderr)")
        // The default's own run is fine: only the broken value is named.
        #expect(!broken.stderr.contains("partner=Bangladesh"))
        // A generate of that partner fails at the same place; the others are made.
        let generate = try Command.run(
            Command.briefing, ["generate", "--template", copy.directory.path, "--param", "partner=Myanmar", "-o", "/tmp/never-myanmar.pdf"])
        #expect(generate.status == 65 && generate.stderr.contains("data/Myanmar.yaml:\(line):12"), "\(generate.stderr)")
    }
}
