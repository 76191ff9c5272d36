import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Template parameters: declared in briefing.yaml, given with --param, substituted in the
/// YAML values (titles, the data file's name) and located when wrong.
@Suite struct ParameterTests {
    static let partner = Parameter(
        id: "partner", label: "Partner country", defaultValue: "Pakistan", values: ["Pakistan", "Bangladesh", "Myanmar"],
        location: SourceLocation(file: "briefing.yaml", line: 9, column: 5))
    static let desk = Parameter(id: "desk", label: "Desk", defaultValue: nil, values: nil, location: SourceLocation(file: "briefing.yaml"))

    private func messages(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputError {
            #expect(error.kind == .usage, "a --param mistake is a usage error (64)")
            return error.diagnostics.map { "\($0.message) | \($0.hints.joined(separator: "; "))" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func givenValuesWinDefaultsFillTheRest() throws {
        #expect(try Parameter.resolve([Self.partner], given: [:]) == ["partner": "Pakistan"])
        #expect(
            try Parameter.resolve([Self.partner, Self.desk], given: ["partner": "Myanmar", "desk": "Asia"]) == [
                "partner": "Myanmar", "desk": "Asia",
            ])
        #expect(try Parameter.resolve([], given: [:]).isEmpty)
    }

    @Test func mistakesNameTheClosestParameterOrValue() {
        #expect(
            messages { _ = try Parameter.resolve([Self.partner], given: ["partnr": "Nepal"]) } == [
                "unknown parameter 'partnr' | did you mean 'partner'?"
            ])
        #expect(
            messages { _ = try Parameter.resolve([Self.partner], given: ["partner": "Myanmr"]) }
                == ["parameter 'partner': 'Myanmr' is not one of its values | did you mean 'Myanmar'?"])
        #expect(
            messages { _ = try Parameter.resolve([Self.partner], given: ["partner": "Peru"]) }
                == ["parameter 'partner': 'Peru' is not one of its values | one of: Pakistan, Bangladesh, Myanmar"])
        #expect(
            messages { _ = try Parameter.resolve([Self.desk], given: [:]) }
                == ["parameter 'desk' (Desk) has no default: give --param desk=VALUE | "])
        #expect(
            messages { _ = try Parameter.resolve([], given: ["x": "1"]) } == [
                "unknown parameter 'x' | this template declares no parameters"
            ])
    }

    @Test func placeholdersInValuesAreReplacedUnknownOnesReported() {
        var unknown: [String] = []
        let text = Parameter.substitute(in: "China and {{param.partner}} ({{ param.partner }}); {{param.x}}", values: ["partner": "Nepal"])
        {
            unknown.append($0)
        }
        #expect(text == "China and Nepal (Nepal); {{param.x}}")
        #expect(unknown == ["x"])
        #expect(Parameter.substitute(in: "no placeholder {{fig.x}}", values: ["partner": "Nepal"]) { _ in } == "no placeholder {{fig.x}}")
    }

    @Test func outputPatternsTakeEachValueAndRefuseWhatNoFileCanBe() throws {
        #expect(try OutputPattern.fill("out/{partner}.pdf", values: ["partner": "Sri Lanka"]) == "out/Sri Lanka.pdf")
        #expect(try OutputPattern.fill("out/b.pdf", values: [:]) == "out/b.pdf")
        #expect(
            messages { _ = try OutputPattern.fill("out/{partnr}.pdf", values: ["partner": "Nepal"]) }.first?.contains(
                "did you mean {partner}?") == true)
        #expect(
            messages { _ = try OutputPattern.fill("out/{partner}.pdf", values: ["partner": "a/b"]) }.first?.contains(
                "cannot be part of a file name") == true)
        #expect(
            messages { _ = try OutputPattern.fill("out/{partner.pdf", values: ["partner": "x"]) }.first?.contains("without a closing")
                == true)
    }

    /// The partners fixture: the parameter picks the data file and fills the titles.
    @Test func theFixtureLoadsEachPartnersOwnData() throws {
        let directory = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/partners")
        let numbers = ["Pakistan": 28_023.0, "Bangladesh": 10_735, "Myanmar": 6_290]
        for (partner, students) in numbers {
            let template = try TemplateLoader.load(directory: directory, parameters: ["partner": partner])
            #expect(template.spec.title == "China and \(partner)")
            #expect(template.spec.sections.first?.title == "\(partner) at a glance")
            #expect(template.dataFile.lastPathComponent == "\(partner).yaml")
            #expect(template.parameters == ["partner": partner])
            #expect(template.facts.figures.first { $0.id == "students" }?.value == students)
            #expect(template.facts.events.allSatisfy { !$0.title.contains(where: \.isNewline) })
        }
        #expect(
            try TemplateLoader.parameters(directory: directory) == [
                Parameter(
                    id: "partner", label: "Partner country", defaultValue: "Pakistan",
                    values: ["Pakistan", "Bangladesh", "Myanmar", "Nepal", "Sri Lanka", "Maldives"],
                    location: try TemplateLoader.parameters(directory: directory)[0].location)
            ])
    }

    /// Mistakes in the template are data errors at their line: an unknown parameter in a value,
    /// a default outside the values, a duplicate id.
    @Test func templateMistakesAreLocated() throws {
        let fixture = try TemplateFixture(copying: "Tests/Fixtures/partners")
        defer { fixture.remove() }
        try fixture.replace("briefing.yaml", "title: China and {{param.partner}}", with: "title: China and {{param.partnr}}")
        try fixture.replace("briefing.yaml", "    default: Pakistan", with: "    default: Pakistn")
        do {
            _ = try TemplateLoader.load(directory: fixture.directory, parameters: ["partner": "Bangladesh"])
            Issue.record("loaded a template with mistakes")
        } catch let error as InputError {
            #expect(error.kind == .invalidData)
            let text = "\(error)"
            #expect(text.contains("briefing.yaml:3:8: error: field 'title': unknown parameter 'param.partnr'"), "\(text)")
            #expect(text.contains("did you mean 'param.partner'?"))
            #expect(
                text.contains("briefing.yaml:11:14: error: field 'parameters[0].default': the default 'Pakistn' is not one of"), "\(text)")
        }
    }
}
