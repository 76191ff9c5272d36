import Foundation
import TestSupport
import Testing

/// The mail's HTML part, read as a reader's mail program would show it: in a real browser
/// (Debian's chromium), checked by axe-core, at a phone's width.
@Suite(.serialized, .systemTier) struct MailAccessibilityTests {
    @Test func theMailHasNoAccessibilityViolationsAndFitsAPhone() throws {
        let desk = try DeliveryTests.Desk()
        #expect(try desk.generate().status == 0)
        let mail = try desk.server.messages()
        let leadership = try #require(mail.first { $0.subject.hasPrefix("[Leadership]") })
        let defence = try #require(mail.first { !$0.subject.hasPrefix("[Leadership]") })
        // The key judgements keep their bold lead-ins; the key figures are tiles.
        #expect(leadership.html.contains("<strong>China is now almost Pakistan"), "\(leadership.html.prefix(2_000))")
        #expect(leadership.html.contains("<html lang=\"en-GB\">") && leadership.html.contains("<main"))
        #expect(leadership.html.contains(">28,023\u{2020}</span>"), "the key figure keeps its marker, as on the cover")
        #expect(leadership.html.contains("\u{2020} Reported: a secondary source"), "the mail says what the marker means")
        var files: [String] = []
        for (name, message) in [("leadership", leadership), ("defence", defence)] {
            let file = desk.directory.appendingPathComponent("\(name).html")
            try message.html.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let script = TemplateFixture.repository.appendingPathComponent("Tests/Fixtures/browser/axe-check.py")
        let axe = try Command.tool("python3", [script.path] + files)
        #expect(axe.status == 0, "axe-core in chromium: \(axe.stdout)\(axe.stderr)")
        #expect(axe.stdout.contains("\"violations\": []") && !axe.stdout.contains("\"scrollsSideways\": true"), "\(axe.stdout)")
    }
}
