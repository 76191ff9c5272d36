import BriefingPipeline
import BriefingRunState
import Foundation

/// Names of per-page image files beside the PDF path: `output/briefing.pdf` with png gives
/// `output/briefing-01.png`, `-02.png`, ... (numbered wide enough for the page count).
struct PageFiles {
    let folder: URL
    let stem: String
    let format: String
    let count: Int

    init(pdf: URL, format: String, count: Int) {
        folder = pdf.deletingLastPathComponent()
        stem =
            pdf.pathExtension.lowercased() == "pdf" || pdf.pathExtension.lowercased() == format
            ? pdf.deletingPathExtension().lastPathComponent : pdf.lastPathComponent
        self.format = format
        self.count = count
    }

    private var digits: Int { max(2, String(count).count) }

    func name(_ page: Int) -> String {
        let number = String(page)
        return "\(stem)-\(String(repeating: "0", count: max(0, digits - number.count)))\(number).\(format)"
    }

    var urls: [URL] { (1...max(1, count)).map { folder.appendingPathComponent(name($0)) } }

    var pattern: String { folder.appendingPathComponent("\(stem)-*.\(format)").relativePath }

    /// The page files' names, as the manifest records them.
    var names: [String] { urls.map(\.lastPathComponent) }

    /// Deletes the pages an earlier run of ours wrote (`written`, from its manifest or the
    /// watch's memory) that this set no longer has, so the folder holds one consistent set.
    /// A file we did not write is left alone, however much it looks like a page
    /// (`report-2024.png` beside `report.pdf`).
    func removeStale(written: [String]) {
        let current = Set(names)
        for name in written where !current.contains(name) && OwnedFiles.isPageFile(name, stem: stem, format: format) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
