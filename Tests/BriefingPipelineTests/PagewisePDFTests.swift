import BriefingPipeline
import Foundation
import TestSupport
import Testing

/// A process that builds again (watch) makes each page's PDF apart and keeps the unchanged
/// ones: an edit redraws only the pages it changed, and the file joined from kept and
/// redrawn pages is the very file a first build of the edited briefing makes.
@Suite struct PagewisePDFTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A pipeline as the watch keeps one: fresh fonts, ready to build again.
    func rebuilding() -> Pipeline {
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let pipeline = Pipeline(world: world)
        pipeline.prepareRebuild()
        return pipeline
    }

    func build(_ pipeline: Pipeline, _ template: URL) throws -> Data {
        let made = try RealFonts.exclusive { try pipeline.generate(BriefingRequest(template: template, date: "2026-11-30")).get() }
        pipeline.prepareRebuild()
        return made.files[0]
    }

    func copy(_ template: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pagewise-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(template), to: folder)
        return folder
    }

    func edit(_ folder: URL, _ file: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit changes \(file)")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func anEditRedrawsOnlyItsPagesAndTheFileIsAFirstBuilds() throws {
        let folder = try copy("Templates/sino-pak")
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = rebuilding()
        let first = try build(watch, folder)
        let pages = try #require(watch.pagesDrawn)
        #expect(pages == 10, "a first build draws every page")
        #expect(first.starts(with: Data("%PDF-1.7".utf8)))

        // Nothing changed: nothing drawn, the same bytes.
        #expect(try build(watch, folder) == first)
        #expect(watch.pagesDrawn == 0)

        // One sentence longer.
        try edit(folder, "sections/space.md") {
            $0.replacingOccurrences(of: "Space is the most visible civilian success", with: "Space is, by some way, the most visible civilian success")
        }
        let edited = try build(watch, folder)
        let drawn = try #require(watch.pagesDrawn)
        #expect(drawn >= 1 && drawn < 4, "the space section's pages only, not \(drawn)")
        #expect(edited != first)
        #expect(edited == (try build(rebuilding(), folder)), "kept and redrawn pages join into a first build's file")
    }

    /// A section renamed changes the bookmarks, whose titles the links' words say: no page
    /// is kept, and the file is still a first build's.
    @Test func aSectionRenamedRedrawsEveryPage() throws {
        let folder = try copy("Templates/sino-pak")
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = rebuilding()
        _ = try build(watch, folder)
        try edit(folder, "briefing.yaml") { $0.replacingOccurrences(of: "title: Space\n", with: "title: Space and satellites\n") }
        let renamed = try build(watch, folder)
        #expect(watch.pagesDrawn == 10)
        #expect(renamed == (try build(rebuilding(), folder)))
    }

    /// The structure elements of each kind, counted in the file's text: an element a page
    /// opened again and that was not joined back would be one too many.
    func roles(_ pdf: Data) -> [String: Int] {
        var counts: [String: Int] = [:]
        let text = String(decoding: pdf, as: UTF8.self)
        for role in ["Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "TOC", "TOCI", "Table", "TR", "TH", "TD", "Note", "Figure", "Caption", "Link", "Span"] {
            // The name ends where a space, a line break or a delimiter follows.
            counts[role] = text.components(separatedBy: "/S /\(role)").dropFirst().filter { !($0.first?.isLetter ?? false) }.count
        }
        return counts
    }

    /// Lists and tables that run across page breaks, in three templates: the joined file has
    /// the elements a one-off run's file has, kind by kind.
    @Test(arguments: ["Templates/sino-pak", "Tests/Fixtures/chips", "Tests/Fixtures/partners"])
    func elementsCutByAPageBreakAreJoinedBack(template: String) throws {
        let folder = Self.repository.appendingPathComponent(template)
        let joined = try build(rebuilding(), folder)
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let once = try RealFonts.exclusive { try Pipeline(world: world).generate(BriefingRequest(template: folder, date: "2026-11-30")).get() }
        let expected = roles(once.files[0])
        #expect(expected["Document"] == 1 && expected["P", default: 0] > 10)
        #expect(roles(joined) == expected)
    }

    /// The identifiers of the Note elements and of the ID tree entries, in the file's text.
    func noteIdentifiers(_ pdf: Data) -> (elements: [String], tree: String?) {
        let text = String(decoding: pdf, as: UTF8.self)
        let elements = text.matches(of: /\/ID \((note\.\d+)\)/).map { String($0.1) }
        let tree = text.firstMatch(of: /\/IDTree << \/Names \[ ([^\]]*) \]/).map { String($0.1) }
        return (elements.sorted(), tree)
    }

    /// Notes on two pages are numbered through the document, as a run numbers them, and
    /// the structure tree names each in its ID tree (a page made apart numbers its own from 1);
    /// a note that runs over a page break is one note (found by helper-32: its second part
    /// took a number, and every later note was one off).
    @Test(arguments: [1, 110]) func notesOnDifferentPagesHaveIdentifiersOfTheirOwn(sentences: Int) throws {
        let folder = try copy("Templates/sino-pak")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = (1...sentences).map { "Filler sentence \($0) makes this footnote long enough to run over the page break." }
        try edit(folder, "sections/it.md") { $0 + "\nA sentence with a note.[^a]\n\n[^a]: First note. \(long.joined(separator: " "))\n" }
        try edit(folder, "sections/energy.md") { $0 + "\nAnother sentence with a note.[^b]\n\n[^b]: Second note.\n" }
        let joined = noteIdentifiers(try build(rebuilding(), folder))
        let world = World(
            fonts: .folder(Self.repository.appendingPathComponent("Fonts")), environment: [:],
            now: { Date(timeIntervalSince1970: 1_796_040_000) })
        let once = noteIdentifiers(
            try RealFonts.exclusive { try Pipeline(world: world).generate(BriefingRequest(template: folder, date: "2026-11-30")).get() }.files[0])
        #expect(once.elements == ["note.1", "note.2"])
        #expect(joined.elements == once.elements)
        #expect(once.tree?.contains("(note.1)") == true && once.tree?.contains("(note.2)") == true, "\(String(describing: once.tree))")
        #expect(joined.tree?.replacing(/\d+ 0 R/, with: "R") == once.tree?.replacing(/\d+ 0 R/, with: "R"))
    }
}

