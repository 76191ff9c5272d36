import ArgumentParser
import BriefingModel
import BriefingPipeline
import BriefingRunState
import Foundation

/// `briefing new DIR`: a small, generic, commented template to start from, which generates
/// as it is (a copy of the bundled `Templates/starter`).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter template (two sections, a fact of each kind, a chart of each kind) into a new folder.",
        discussion: "Exit status: 0 written, 73 the folder exists and is not empty, 66 the bundled starter is missing."
    )

    @Argument(help: "The folder to create (it may exist if it is empty).", completion: .directory)
    var folder: String

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        do {
            let target = URL(fileURLWithPath: folder).standardizedFileURL
            guard let starter = Resources.home()?.appendingPathComponent("Templates/starter") else {
                throw InputError(
                    kind: .missingInput, SourceLocation.program, "cannot find the bundled starter template",
                    hint: "set BRIEFING_HOME to the folder holding Templates/ and Fonts/")
            }
            let fileManager = FileManager.default
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: target.path, isDirectory: &isFolder) {
                let empty = isFolder.boolValue && (try? fileManager.contentsOfDirectory(atPath: target.path))?.isEmpty == true
                guard empty else {
                    throw OutputError(message: "\(target.path) already exists and is not an empty folder; choose a new one")
                }
                try fileManager.removeItem(at: target)
            }
            do {
                // Folders above it are made, as `mkdir -p` would (a new user's first command).
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileCopy.copy(starter, to: target)
            } catch {
                throw OutputError(message: "cannot create \(target.path): \(error.localizedDescription)")
            }
            guard !quiet else { return }
            print("wrote a starter template to \(target.path)")
            print("  check it:     briefing check --template \(folder)")
            // Beside the template, not inside it: a template folder holds what a briefing is made from.
            let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
            print("  generate it:  briefing generate --template \(folder) --output \(trimmed).pdf")
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
