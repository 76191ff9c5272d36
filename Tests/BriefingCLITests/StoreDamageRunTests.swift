import Foundation
import TestSupport
import Testing

/// A damaged edition store never blocks publishing: the run moves it aside, publishes,
/// records the edition in a new store, exits 73 naming both files, and the owner hears.
@Suite(.serialized, .systemTier) struct StoreDamageRunTests {
    @Test func aRunPublishesPastADamagedStoreAndSaysSo() throws {
        let desk = try DeliveryTests.Desk()
        #expect(try desk.generate().status == 0)
        let store = desk.directory.appendingPathComponent(".briefing/briefing.pdf/editions.sqlite")
        try FileHandle(forWritingTo: store).truncate(atOffset: 3_000)
        let before = try Data(contentsOf: desk.output)
        let run = try desk.generate(date: "2026-12-07")
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("the edition store \(store.path) was damaged"), "\(run.stderr)")
        #expect(run.stderr.contains(".briefing/briefing.pdf/editions.damaged-") && run.stderr.contains("sqlite3"), "\(run.stderr)")
        #expect(try Data(contentsOf: desk.output) != before, "published anyway")
        #expect(try Command.tool("pdftotext", [desk.output.path, "-"]).stdout.contains("7 December 2026"))
        let owner = try desk.server.messages().filter { $0.envelope.to == ["owner@example.org"] }
        #expect(owner.count == 1 && owner.first?.text.contains("was damaged") == true, "\(owner.map(\.subject))")
        let editions = try Command.run(Command.briefing, ["editions", "--output", desk.output.path])
        #expect(editions.status == 0 && editions.stdout.contains("\n1 "), "\(editions.stdout)")
        // The next run is an ordinary one.
        #expect(try desk.generate(date: "2026-12-14").status == 0)
    }

    @Test func readingADamagedStoreSaysHowToRecover() throws {
        let folder = try Command.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("b.pdf")
        #expect(try Command.run(Command.briefing, ["generate", "--date", "2026-11-30", "--quiet", "--output", output.path]).status == 0)
        let store = folder.appendingPathComponent(".briefing/b.pdf/editions.sqlite")
        try Data("garbage".utf8).write(to: store)
        let editions = try Command.run(Command.briefing, ["editions", "--output", output.path])
        #expect(editions.status == 73, "\(editions.stderr)")
        #expect(editions.stderr.contains("is damaged") && editions.stderr.contains(".recover"), "\(editions.stderr)")
        #expect(try Data(contentsOf: store) == Data("garbage".utf8), "reading never moves or writes it")
    }
}
