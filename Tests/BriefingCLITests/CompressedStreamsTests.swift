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
        import json, sys, pikepdf
        out = []
        for name in sys.argv[1:]:
            with pikepdf.open(name) as pdf:
                streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
                bare = ['/ICC' if '/N' in o else str(o.get('/Type')) for o in streams if '/Filter' not in o]
                for o in streams:
                    o.read_bytes()
                out.append({'file': name, 'version': pdf.pdf_version, 'streams': len(streams), 'bare': bare,
                            'id': '/ID' in pdf.trailer})
        print(json.dumps(out))
        """

    struct Report: Decodable {
        var file: String
        var version: String
        var streams: Int
        var bare: [String]
        var id: Bool
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
            if name == "none.pdf" {
                #expect(report.bare.isEmpty, "\(name): \(report.bare)")
                #expect(report.version == "1.5" && !report.id, "\(name): cairo's header and trailer")
            } else {
                #expect(report.bare == (name == "a2b.pdf" ? ["/Metadata", "/ICC"] : ["/Metadata"]), "\(name): \(report.bare)")
                #expect(report.version == "1.7" && report.id, "\(name)")
            }
        }
    }
}
