import Foundation

/// Reads the CSV files a data file names, inside the template folder and under the size
/// limit, each once per load however many series read it (a wide table feeds several).
final class CSVFiles {
    private let directory: URL
    private let files: any TemplateFiles
    private var cache: [String: Result<CSVTable, InputError>] = [:]
    /// The warnings of the files read (each file's once).
    private(set) var warnings: [Diagnostic] = []

    init(directory: URL, files: any TemplateFiles) {
        self.directory = directory
        self.files = files
    }

    /// The table, or a located error: at `location` (the data file's `file:` field) for a
    /// file that is missing, too large or outside the folder; in the CSV for bad CSV. A file
    /// that failed is reported once: later readers get an error without diagnostics.
    func table(_ relative: String, at location: SourceLocation) throws -> CSVTable {
        if let cached = cache[relative] {
            guard case .success(let table) = cached else { throw InputError(kind: .invalidData, diagnostics: []) }
            return table
        }
        let result: Result<CSVTable, InputError>
        do {
            let file = try Template.file(relative, in: directory, files: files, at: location)
            let data: Data
            do {
                data = try files.data(file.url, displayName: file.displayName, limit: CSVTable.maximumBytes)
            } catch let error as InputError {
                throw InputError(kind: .invalidData, location, "'\(relative)': \(error.diagnostics.first?.message ?? "cannot be read")")
            }
            let table = try CSVTable(data: data, file: file.displayName)
            warnings += table.warnings
            result = .success(table)
        } catch let error as InputError {
            result = .failure(error)
        } catch {
            result = .failure(InputError(kind: .invalidData, location, "'\(relative)': \(error)"))
        }
        cache[relative] = result
        return try result.get()
    }
}
