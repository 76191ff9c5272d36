import Foundation
import TestSupport
import Testing

/// A source's URL with characters a PDF string must escape (cairo writes URIs unescaped):
/// the file stays well formed and every link leads where the source says.
@Suite(.systemTier) struct LinkURITests {
    @Test func parenthesesAndBackslashesInAURLKeepThePDFWhole() throws {
        let fixture = try TemplateFixture()
        let out = try Command.temporaryDirectory()
        defer {
            fixture.remove()
            try? FileManager.default.removeItem(at: out)
        }
        let first = "https://www.thenews.com.pk/latest/457905-china-becomes-top-destination-for-pakistani-students"
        let odd = "https://example.org/Pakistan_(country)/a(b\\c\\"
        try fixture.write("data.yaml", try fixture.read("data.yaml").replacingOccurrences(of: "url: " + first, with: "url: '\(odd)'"))
        let pdf = out.appendingPathComponent("b.pdf")
        let run = try Command.run(Command.briefing, ["generate", "--template", fixture.directory.path, "--date", "2026-11-30", "--output", pdf.path])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try Command.tool("qpdf", ["--check", pdf.path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING") && !check.stderr.contains("WARNING"), "\(check.stdout)\(check.stderr)")
        let uris = try Command.tool("python3", ["-c", """
            import pikepdf, sys
            pdf = pikepdf.open(sys.argv[1])
            for page in pdf.pages:
                for annot in page.get('/Annots', []):
                    action = annot.get('/A')
                    if action is not None and '/URI' in action: print(str(action.URI))
            """, pdf.path])
        #expect(uris.stdout.contains("https://example.org/Pakistan_%28country%29/a%28b%5Cc%5C\n"), "\(uris.stdout)\(uris.stderr)")
        let links = try PDFObjects(pdf).dictionaries(where: "/Subtype", is: "/Link").compactMap { PDFObjects.text($0["/Contents"]) }
        #expect(links.contains("Link to \(odd)"), "the description names the source's URL as written: \(links)")
    }
}
