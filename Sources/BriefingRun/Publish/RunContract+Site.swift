import BriefingContent
import BriefingEditions
import BriefingHTML
import BriefingPipeline
import BriefingRunState
import Foundation

extension RunState {
    /// Each recorded edition's files and what the site shows of it (`editions/N/`).
    public var keptEditions: URL { folder.appendingPathComponent("editions") }
}

extension RunContract {
    /// Keeps a recorded edition's one-file outputs (the PDF, the HTML edition) and what the
    /// site shows of it in the state folder, so `briefing site` can be built at any time; and
    /// drops the kept files of editions the store no longer has (`--keep`'s retention).
    /// - Parameter files: each published file and its bytes. A kept copy is a hard link to
    /// the published file (the next run renames a new file over it, so the link keeps this
    /// edition's bytes without copying them), else a copy.
    func keepForSite(_ made: BriefingOutput, number: Int, files: [(published: URL, data: Data)], state: RunState) throws {
        do {
            let folder = state.keptEditions.appendingPathComponent("\(number)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                let kept = folder.appendingPathComponent(file.published.lastPathComponent)
                unlink(kept.path)
                if link(file.published.path, kept.path) != 0 { try AtomicFile.publish(file.data, to: kept) }
            }
            let document = made.document, loaded = made.loaded
            let date = loaded.date
            let edition = SiteEdition(
                number: number, printed: String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1),
                dateText: document.dateText, generated: RunManifest.timestamp(Date()), title: document.title,
                subtitle: document.subtitle, publisher: document.publisher, language: document.language, pages: made.pageCount,
                since: loaded.changes?.sinceEdition, changes: loaded.changes?.entries.map { $0.line(document.labels) } ?? [],
                files: files.map(\.published.lastPathComponent))
            try AtomicFile.publish(try edition.encoded(), to: folder.appendingPathComponent(SiteEdition.fileName))
            let kept = Set(try EditionStore.open(state.editions).editions().map { "\($0.number)" })
            for name in (try? FileManager.default.contentsOfDirectory(atPath: state.keptEditions.path)) ?? []
            where Int(name) != nil && !kept.contains(name) {
                try? FileManager.default.removeItem(at: state.keptEditions.appendingPathComponent(name))
            }
        } catch {
            throw OutputError(
                message: "the briefing was published and its edition recorded, but its copy for the site could not be kept in "
                    + "\(state.keptEditions.path): \(error)")
        }
    }
}
