import BriefingRunState
import Foundation

/// A throwaway copy of a bundled template (the default one unless named) that a test may edit.
public struct TemplateFixture {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public let directory: URL

    public init(template: String = "sino-pak") throws {
        try self.init(copying: "Templates/\(template)")
    }

    /// A copy of the template folder at `path`, relative to the repository (`Tests/Fixtures/chips`).
    public init(copying path: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-fixture-\(UUID().uuidString)")
        try FileCopy.copy(Self.repository.appendingPathComponent(path), to: directory)
    }

    public func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    public func read(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    public func write(_ file: String, _ text: String) throws { try text.write(to: url(file), atomically: true, encoding: .utf8) }

    /// Replaces exactly one occurrence, so a test fails loudly (an error, not a crash of the
    /// whole run) if the template changed under it.
    public func replace(_ file: String, _ old: String, with new: String) throws {
        let text = try read(file)
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else { throw FixtureError(message: "'\(old)' occurs \(parts.count - 1) times in \(file)") }
        try write(file, parts.joined(separator: new))
    }

    /// 1-based line of the first line containing `needle`.
    public func line(of needle: String, in file: String) throws -> Int {
        let lines = try read(file).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
            throw FixtureError(message: "'\(needle)' not in \(file)")
        }
        return index + 1
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// A fixture that no longer reads as a test expects.
public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
