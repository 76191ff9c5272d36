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
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(path), to: directory)
    }

    public func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    public func read(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    public func write(_ file: String, _ text: String) throws { try text.write(to: url(file), atomically: true, encoding: .utf8) }

    /// Replaces exactly one occurrence, so a test fails loudly if the template changed under it.
    public func replace(_ file: String, _ old: String, with new: String) throws {
        let text = try read(file)
        let parts = text.components(separatedBy: old)
        precondition(parts.count == 2, "'\(old)' occurs \(parts.count - 1) times in \(file)")
        try write(file, parts.joined(separator: new))
    }

    /// 1-based line of the first line containing `needle`.
    public func line(of needle: String, in file: String) throws -> Int {
        let lines = try read(file).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { preconditionFailure("'\(needle)' not in \(file)") }
        return index + 1
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
