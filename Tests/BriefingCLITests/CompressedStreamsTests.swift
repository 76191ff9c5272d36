import Foundation
import TestSupport
import Testing

/// The binary asks cairo for uncompressed content (`CAIRO_DEBUG_PDF`) and deflates every
/// stream itself: read back with pikepdf, each file's streams are all compressed but its
/// XMP metadata (and PDF/A's colour profile, which the finisher adds as it is), for every
/// `--pdf-standard` and for a chart exported alone; `none` keeps cairo's header and trailer
/// (PDF 1.5, no ID).
@Suite(.serialized, .systemTier) struct CompressedStreamsTests {
    static let reader = """
        import json, re, subprocess, sys, pikepdf
        out = []
        for name in sys.argv[1:]:
            with pikepdf.open(name) as pdf:
                streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
                bare = ['/ICC' if '/N' in o else str(o.get('/Type')) for o in streams if '/Filter' not in o]
                for o in streams:
                    o.read_bytes()
                # Objects nothing refers to (a stream's old length object, say), from qpdf's
                # JSON: pikepdf resolves an indirect /Length to its integer.
                objects = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', name], capture_output=True,
                                                    text=True, check=True).stdout)['qpdf'][1]
                def refs(value):
                    if isinstance(value, str):
                        match = re.fullmatch(r'(\\d+) (\\d+) R', value)
                        return ['obj:%s %s R' % match.groups()] if match else []
                    if isinstance(value, dict):
                        return [r for v in value.values() for r in refs(v)]
                    if isinstance(value, list):
                        return [r for v in value for r in refs(v)]
                    return []
                seen, todo = set(), refs(objects['trailer'])
                while todo:
                    key = todo.pop()
                    if key in seen or key not in objects:
                        continue
                    seen.add(key)
                    todo.extend(refs(objects[key]))
                orphans = [key for key in objects if key.startswith('obj:') and key not in seen]
                out.append({'file': name, 'version': pdf.pdf_version, 'streams': len(streams), 'bare': bare,
                            'id': '/ID' in pdf.trailer, 'orphans': len(orphans)})
        print(json.dumps(out))
        """

    struct Report: Decodable {
        var file: String
        var version: String
        var streams: Int
        var bare: [String]
        var id: Bool
        var orphans: Int
    }

    @Test func everyStreamButTheMetadataIsCompressed() throws {
        let directory = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs: [(String, [String])] = [
            ("ua.pdf", ["generate", "--date", "2026-11-30", "--quiet"]),
            ("a2b.pdf", ["generate", "--date", "2026-11-30", "--quiet", "--pdf-standard", "a-2b"]),
            ("none.pdf", ["generate", "--date", "2026-11-30", "--quiet", "--pdf-standard", "none"]),
            ("chart.pdf", ["chart", "1"]),
        ]
        var files: [String] = []
        for (name, arguments) in runs {
            let pdf = directory.appendingPathComponent(name)
            let result = try Command.run(Command.briefing, arguments + ["--output", pdf.path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            files.append(pdf.path)
        }
        let result = try Command.tool("python3", ["-c", Self.reader] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try JSONDecoder().decode([Report].self, from: result.data)
        #expect(reports.count == 4)
        for report in reports {
            let name = URL(fileURLWithPath: report.file).lastPathComponent
            #expect(report.streams > 10, "\(name)")
            #expect(report.orphans == 0, "\(name): \(report.orphans) objects nothing refers to")
            if name == "none.pdf" {
                #expect(report.bare.isEmpty, "\(name): \(report.bare)")
                #expect(report.version == "1.5" && !report.id, "\(name): cairo's header and trailer")
            } else {
                #expect(report.bare == (name == "a2b.pdf" ? ["/Metadata", "/ICC"] : ["/Metadata"]), "\(name): \(report.bare)")
                #expect(report.version == "1.7" && report.id, "\(name)")
            }
        }
    }

    /// The variable that asks cairo for uncompressed content is the program's own: a job run
    /// as cron runs it (`run-job`, whose process takes cron's environment) writes the bytes a
    /// hand run writes, and the programs a run starts (sendmail, a hook) never see it.
    @Test func aJobWritesWhatAHandRunWritesAndChildrenGetTheUsersEnvironment() throws {
        let fake = try ScheduleTests.FakeCrontab()
        defer { try? FileManager.default.removeItem(at: fake.directory) }
        let directory = fake.directory
        let record = directory.appendingPathComponent("record.sh")
        try "#!/bin/sh\nenv > '\(directory.path)/env-'\"$1\".txt\ncat > /dev/null\n".write(to: record, atomically: true, encoding: .utf8)
        let plan = directory.appendingPathComponent("deliver.yaml")
        try """
        from: desk@example.org
        sendmail: [/bin/sh, \(record.path), sendmail]
        on_success: [/bin/sh, \(record.path), hook]
        audiences:
          - id: desk
            to: desk@example.org

        """.write(to: plan, atomically: true, encoding: .utf8)
        let byHand = directory.appendingPathComponent("hand/briefing.pdf")
        let byJob = directory.appendingPathComponent("job/briefing.pdf")
        for folder in [byHand, byJob] {
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let hand = try fake.run(["generate", "--date", "2026-11-30", "--quiet", "--output", byHand.path, "--deliver", plan.path])
        #expect(hand.status == 0, "\(hand.stderr)")
        for child in ["sendmail", "hook"] {
            let environment = try String(contentsOf: directory.appendingPathComponent("env-\(child).txt"), encoding: .utf8)
            #expect(environment.contains("PATH="), "\(child) ran")
            #expect(!environment.contains("CAIRO_DEBUG_PDF"), "\(child) got the program's own variable")
        }
        let add = try fake.run(["schedule", "add", "weekly", "--cron", "0 6 * * mon", "--", "--date", "2026-11-30", "--output", byJob.path])
        #expect(add.status == 0, "\(add.stderr)")
        let job = try fake.run(["run-job", "weekly", "--jobs", fake.jobs.path])
        #expect(job.status == 0, "\(job.stderr)")
        #expect(try Data(contentsOf: byJob) == Data(contentsOf: byHand), "run-job and a hand run wrote different bytes")
    }
}
