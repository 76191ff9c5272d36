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

    /// Deletes pages left from a longer earlier run, so the folder holds one consistent set.
    func removeStale() {
        let current = Set(urls.map(\.lastPathComponent))
        let prefix = "\(stem)-", suffix = ".\(format)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) && !current.contains(name) {
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            if !middle.isEmpty, middle.allSatisfy(\.isNumber) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
