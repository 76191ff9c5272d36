import Foundation

/// Runs a program to completion and captures its output: how tests drive the real `briefing`
/// binary and read its PDFs with poppler and qpdf.
public struct CommandResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var data: Data
}

public enum Command {
    /// The `briefing` binary built by SwiftPM next to the test bundle (or `$BRIEFING_BINARY`).
    public static var briefing: URL {
        if let explicit = ProcessInfo.processInfo.environment["BRIEFING_BINARY"] { return URL(fileURLWithPath: explicit) }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("briefing"),
            TemplateFixture.repository.appendingPathComponent(".build/debug/briefing"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    @discardableResult
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String]? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once, before waiting: a child that fills one pipe while the other
        // is being read to its end would block forever (seen with a renderer fuzz case whose
        // warnings filled standard error).
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), data: outData)
    }

    /// Runs a tool found on PATH (pdftotext, pdffonts, qpdf).
    @discardableResult
    public static func tool(_ name: String, _ arguments: [String]) throws -> CommandResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
    }

    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
