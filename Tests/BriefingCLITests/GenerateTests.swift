import Foundation
import TestSupport
import Testing

/// End-to-end: the real binary, its real PDF, read back with poppler and qpdf.
@Suite(.serialized, .systemTier) struct GenerateTests {
    let date = "2026-11-30"

    private func generate(
        _ extra: [String] = [], output: URL, in directory: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> CommandResult {
        try Command.run(
            Command.briefing, ["generate", "--date", date, "--output", output.path] + extra, in: directory, environment: environment)
    }

    private func text(_ pdf: URL) throws -> String {
        let result = try Command.tool("pdftotext", [pdf.path, "-"])
        #expect(result.status == 0)
        // Lines wrap anywhere: compare with runs of white space folded to one space.
        return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func writesTheDefaultBriefing() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        let result = try generate(output: pdf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote"))

        let text = try text(pdf)
        let titles = [
            "History and key figures", "IT and connectivity", "Artificial intelligence", "E-commerce",
            "Defence industry and arms supply", "Nuclear and strategic cooperation", "Space", "Semiconductors",
            "Renewable energy", "Outlook and recommendations", "Sources", "Key judgements".uppercased(),
        ]
        for title in titles { #expect(text.contains(title), "missing section title '\(title)'") }
        let figures = [
            "28,023", "over 25,000", "820 km", "44 million USD", "81%", "84%", "18%", "3.5 bn USD in 2021 to 60 bn USD by 2031",
            "32.9% a year", "30 May 2024", "80%", "2021–25", "30 November 2026",
        ]
        for figure in figures { #expect(text.contains(figure), "missing key figure '\(figure)'") }
        // The essay's wrong launch month is named as a correction, never stated as the date.
        #expect(text.contains("dates the launch to June 2024"))
        #expect(text.contains("Reported: a secondary source attributes the figure to the primary publisher."))
        #expect(text.contains("Unconfirmed: stated in the source essay"))

        let check = try Command.tool("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let info = try Command.tool("pdfinfo", [pdf.path]).stdout
        #expect(info.contains("Title:           Sino-Pak collaboration in science and technology"))
        #expect(info.contains("Creator:         briefing "))
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(pages >= 5)
    }

    @Test func embedsAndSubsetsOnlyTheBundledFonts() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try generate(output: pdf).status == 0)
        let rows = try Command.tool("pdffonts", [pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        var families = Set<String>()
        for row in rows {
            let columns = row.split(separator: " ")
            let name = columns[0].split(separator: "+").last.map(String.init) ?? ""
            families.insert(String(name.split(separator: "-")[0]))
            #expect(columns[columns.count - 5] == "yes" && columns[columns.count - 4] == "yes", "not embedded and subset: \(row)")
        }
        #expect(families == ["NotoSerif", "Inter"])
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.pdf"), second = directory.appendingPathComponent("b.pdf")
        #expect(try generate(output: first).status == 0)
        #expect(try generate(output: second).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func badDataExits65AndKeepsThePreviousPDF() throws {
        let directory = try Command.temporaryDirectory()
        let fixture = try TemplateFixture()
        defer {
            try? FileManager.default.removeItem(at: directory)
            fixture.remove()
        }
        let pdf = directory.appendingPathComponent("briefing.pdf")
        #expect(try generate(["--template", fixture.directory.path], output: pdf).status == 0)
        let good = try Data(contentsOf: pdf)

        try fixture.replace("data.yaml", "shares: {China: 45}", with: "shares: {China: 145}")
        let line = try fixture.line(of: "shares: {China: 145}", in: "data.yaml")
        let result = try generate(["--template", fixture.directory.path], output: pdf)
        #expect(result.status == 65)
        #expect(result.stderr.contains("data.yaml:\(line):"))
        #expect(result.stderr.contains("error: field 'supply[0].rows[0].shares.China': a share cannot exceed 100% (found 145%)"))
        #expect(try Data(contentsOf: pdf) == good)
        // Beside the untouched PDF only the hidden state folder, holding lock, manifest, log
        // and the edition store, and no temporary file.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == [".briefing", "briefing.pdf"])
        let state = directory.appendingPathComponent(".briefing/briefing.pdf")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: state.path)) == ["lock", "manifest.json", "log", "editions.sqlite", "editions"])
    }

    @Test func unknownPlaceholderExits65WithItsPosition() throws {
        let directory = try Command.temporaryDirectory()
        let fixture = try TemplateFixture()
        defer {
            try? FileManager.default.removeItem(at: directory)
            fixture.remove()
        }
        try fixture.write("sections/semiconductors.md", "First line.\n\nSee {{fig.chips}} here.\n")
        let result = try generate(["--template", fixture.directory.path], output: directory.appendingPathComponent("b.pdf"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("sections/semiconductors.md:3:5: error: unknown placeholder 'fig.chips'"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.pdf").path))
    }

    @Test func missingInputExits66() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try generate(["--template", "/nonexistent/template"], output: directory.appendingPathComponent("b.pdf"))
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such template folder"))
        let noData = try generate(["--data", "/nonexistent/data.yaml"], output: directory.appendingPathComponent("b.pdf"))
        #expect(noData.status == 66)
    }

    @Test func unwritableOutputExits73() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missingFolder = try generate(output: directory.appendingPathComponent("missing/briefing.pdf"))
        #expect(missingFolder.status == 73)
        #expect(missingFolder.stderr.contains("does not exist"))
        let folder = directory.appendingPathComponent("folder.pdf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let isFolder = try generate(output: folder)
        #expect(isFolder.status == 73)
        #expect(isFolder.stderr.contains("it is a folder"))
    }

    @Test func badDateIsAUsageError() throws {
        let result = try Command.run(Command.briefing, ["generate", "--date", "2026-02-30", "--output", "/tmp/never.pdf"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("briefing: error: --date: February 2026 has no day 30 (it has 28 days) (expected YYYY-MM-DD)"),
            "\(result.stderr)")
    }

    @Test func sourceDateEpochSetsTheDate() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("b.pdf")
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1780272000"  // 2026-06-01T00:00:00Z
        let result = try Command.run(Command.briefing, ["--output", pdf.path, "--quiet"], environment: environment)
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try text(pdf).contains("1 June 2026"))
    }

    @Test func findsItsTemplatesFromAnyWorkingDirectory() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // As cron runs it: from another folder, default template, relative output path.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("output"), withIntermediateDirectories: true)
        let result = try Command.run(Command.briefing, ["--date", date], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("output/briefing.pdf").path))
    }

    @Test func printsVersionAndHelp() throws {
        let version = try Command.run(Command.briefing, ["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try Command.run(Command.briefing, ["generate", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--template") && help.stdout.contains("Exit status"))
    }
}
