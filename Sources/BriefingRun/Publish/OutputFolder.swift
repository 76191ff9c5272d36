import BriefingPipeline
import Foundation

/// The default output folder (`output/` in the working directory) is made when it is missing,
/// so a new user's first `briefing generate` works from any folder. A folder the user names
/// is never created: a typo there should fail (73), not scatter folders.
public enum OutputFolder {
    public static func makeDefault(for path: String) throws {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(message: "cannot create the output folder \(folder.path): \(error.localizedDescription)")
        }
    }
}
