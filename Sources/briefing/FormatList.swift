import ArgumentParser
import BriefingContent

/// `--format pdf`, `html`, `png`, `svg`, or one-file formats together (`pdf,html`): written
/// from one load, the first at the output's path, the others beside it under their extension.
/// The PDF comes first whatever order they are given in: the first names the output's state
/// folder, and `html,pdf` and `pdf,html` must share one history of editions.
struct FormatList: ExpressibleByArgument, Sendable {
    var formats: [OutputFormat]

    init(_ formats: [OutputFormat]) { self.formats = formats }

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let formats = parts.compactMap(OutputFormat.init(rawValue:))
        guard !formats.isEmpty, formats.count == parts.count, Set(formats).count == formats.count else { return nil }
        self.formats = formats.filter { $0 == .pdf } + formats.filter { $0 != .pdf }
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) + ["pdf,html"] }

    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }

    /// Page images write a file per page: they go alone.
    func validate() throws {
        if formats.count > 1, formats.contains(where: { $0.files == .perPage }) {
            throw ValidationError("--format: png and svg write one file per page and go alone; combine pdf and html")
        }
    }
}
