import ArgumentParser
import BriefingContent
import BriefingEditions
import BriefingHTML
import BriefingModel
import BriefingPipeline
import BriefingRun
import BriefingRunState
import Foundation

/// `briefing site`: a static site of an output's editions, built from its state folder alone
/// (each edition's kept PDF and HTML and what it changed), so it can be rebuilt at any time.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static site of an output's editions: index.html, a page per edition, and an Atom feed (feed.xml).",
        discussion: """
            Every edition a run records keeps its PDF and HTML edition in OUTPUT's state folder (.briefing/NAME/editions/N/), \
            with --keep's retention. The site copies them to DIR/editions/N/ and links them. Files of DIR that are not the \
            site's are left alone. Exit status: 66 when OUTPUT has no editions, 73 when DIR cannot be written.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The briefing whose editions to publish.", valueName: "file"), completion: .file())
    var output: String = Generate.defaultOutput

    @Option(
        name: .long, help: ArgumentHelp("The folder to write the site into (made if missing).", valueName: "dir"), completion: .directory)
    var to: String

    @Option(
        name: .long,
        help: ArgumentHelp("Where the site will be served (https://host/path/): the feed's links are made absolute.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if let baseURL, !Self.isBaseURL(baseURL) {
            throw ValidationError(
                "--base-url must be a whole http(s) address of a folder, with a host and no spaces, query or fragment (https://intranet.example/briefing/), not '\(baseURL)'"
            )
        }
    }

    /// An http(s) address with a host, and nothing after its path that would swallow the
    /// names the site appends.
    static func isBaseURL(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }), let parts = URLComponents(string: text),
            let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil
        else { return false }
        return true
    }

    func run() throws {
        do {
            let (state, store) = try openStore()
            var site = SiteWriter(editions: try editions(state: state, store: store), baseURL: baseURL, identity: try store.identity())
            for edition in site.editions {
                for name in edition.files {
                    let kept = state.keptEditions.appendingPathComponent("\(edition.number)/\(name)")
                    let size = (try? FileManager.default.attributesOfItem(atPath: kept.path)[.size] as? Int) ?? nil
                    site.sizes[SiteWriter.file(edition, name)] = size
                }
            }
            let folder = URL(fileURLWithPath: to).standardizedFileURL
            try write(site, from: state, to: folder)
            if !quiet {
                print("wrote \(folder.path): \(site.editions.count) edition\(site.editions.count == 1 ? "" : "s"), index.html, feed.xml")
            }
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// The output's store: as named, or (for `-o b.pdf` with `--format html` runs) its HTML name
    /// (`b.html`; `b.html` too for `-o b`).
    private func openStore() throws -> (RunState, EditionStore) {
        let given = URL(fileURLWithPath: output).standardizedFileURL
        let candidates = [given, URL(fileURLWithPath: OutputFormat.html.path(beside: given.path))]
        guard let state = candidates.map(RunState.init(output:)).first(where: { FileManager.default.fileExists(atPath: $0.editions.path) })
        else {
            throw InputError(
                kind: .missingInput, SourceLocation(file: RunState(output: given).editions.path),
                "no editions recorded for \(given.path) yet",
                hint: "every successful generate with --output \(given.path) records one")
        }
        return (state, try EditionStore(url: state.editions))
    }

    /// Every edition in the store, with what its run kept (editions recorded before runs
    /// kept files are listed without links).
    private func editions(state: RunState, store: EditionStore) throws -> [SiteEdition] {
        let recorded = try store.editions()
        let kept = recorded.compactMap { edition -> SiteEdition? in
            let file = state.keptEditions.appendingPathComponent("\(edition.number)/\(SiteEdition.fileName)")
            return (try? Data(contentsOf: file)).flatMap { try? SiteEdition.decode($0) }
        }
        let latest = kept.max { $0.number < $1.number }
        return recorded.map { edition in
            if let found = kept.first(where: { $0.number == edition.number }) { return found }
            return SiteEdition(
                number: edition.number, printed: edition.printed, dateText: edition.printed, generated: edition.generated,
                title: latest?.title ?? state.output.deletingPathExtension().lastPathComponent, subtitle: "",
                publisher: latest?.publisher ?? "", language: latest?.language ?? "en", pages: edition.pages, since: nil, changes: [],
                files: [])
        }
    }

    /// The site's pages, each written whole; each edition's files copied beside its page;
    /// pages and folders of editions no longer kept removed (only names the site writes).
    private func write(_ site: SiteWriter, from state: RunState, to folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError(message: "cannot write the site to \(folder.path): it is a file, not a folder")
        }
        do {
            let editions = folder.appendingPathComponent("editions")
            try FileManager.default.createDirectory(at: editions, withIntermediateDirectories: true)
            for (path, data) in site.files() { try AtomicFile.publish(data, to: folder.appendingPathComponent(path)) }
            for edition in site.editions {
                let target = editions.appendingPathComponent("\(edition.number)")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                for name in edition.files {
                    let source = state.keptEditions.appendingPathComponent("\(edition.number)/\(name)")
                    try AtomicFile.publish(try Data(contentsOf: source), to: target.appendingPathComponent(name))
                }
            }
            let current = Set(site.editions.map { "\($0.number)" })
            for name in (try? FileManager.default.contentsOfDirectory(atPath: editions.path)) ?? [] {
                let stem = name.hasSuffix(".html") ? String(name.dropLast(5)) : name
                guard Int(stem) != nil, !current.contains(stem) else { continue }
                try? FileManager.default.removeItem(at: editions.appendingPathComponent(name))
            }
        } catch let error as InputError {
            throw error
        } catch let error as OutputError {
            throw error  // already names the file
        } catch let error as CocoaError {
            let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? folder.path
            let reason = (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "cannot be written"
            throw OutputError(message: "cannot write the site to \(folder.path): \(path): \(reason)")
        } catch {
            throw OutputError(message: "cannot write the site to \(folder.path): \(error)")
        }
    }
}
