import Foundation

/// What `briefing watch --serve` and its preview server (`briefing-preview`, a process of its
/// own) say to each other over pipes. The server answers its start with one line, `port N`
/// or `error MESSAGE`; then the watch sends a frame after each build, a header line and the
/// bytes it counts:
///
///     built HTML-BYTES PDF-BYTES|-      the HTML edition, then the PDF (`-`: none)
///     failed MESSAGE-BYTES              the build's error, UTF-8
///
/// The server ends when its input does: the watch stopped, or was killed.
public enum PreviewFrame: Equatable, Sendable {
    case built(html: Data, pdf: Data?)
    case failed(String)

    public var encoded: Data {
        switch self {
        case .built(let html, let pdf):
            var data = Data("built \(html.count) \(pdf.map { String($0.count) } ?? "-")\n".utf8)
            data.append(html)
            if let pdf { data.append(pdf) }
            return data
        case .failed(let message):
            var data = Data("failed \(message.utf8.count)\n".utf8)
            data.append(Data(message.utf8))
            return data
        }
    }

    /// The next frame; nil at the end of the input. Throws on anything else.
    public static func read(from input: ByteReader) throws -> PreviewFrame? {
        guard let header = try input.line() else { return nil }
        let words = header.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        func count(_ word: String) throws -> Int {
            guard let value = Int(word), value >= 0, value <= 1 << 31 else { throw Malformed(header: header) }
            return value
        }
        switch (words.first, words.count) {
        case ("built", 3):
            let html = try input.bytes(try count(words[1]))
            let pdf = words[2] == "-" ? nil : try input.bytes(try count(words[2]))
            return .built(html: html, pdf: pdf)
        case ("failed", 2):
            return .failed(String(decoding: try input.bytes(try count(words[1])), as: UTF8.self))
        default:
            throw Malformed(header: header)
        }
    }

    /// A header this side does not know, or a frame cut short.
    public struct Malformed: Error, CustomStringConvertible {
        public var header: String
        public var description: String { "the preview link sent '\(header.prefix(80))'" }
    }
}

/// The server's answer to its start: the port it listens on (the system's choice for port
/// 0), or why it could not.
public enum PreviewHandshake: Equatable, Sendable {
    case listening(port: Int)
    case failed(String)

    public var line: String {
        switch self {
        case .listening(let port): "port \(port)\n"
        case .failed(let message): "error \(message.replacing("\n", with: " "))\n"
        }
    }

    public init?(line: String) {
        if line.hasPrefix("port "), let port = Int(line.dropFirst(5)) {
            self = .listening(port: port)
        } else if line.hasPrefix("error ") {
            self = .failed(String(line.dropFirst(6)))
        } else {
            return nil
        }
    }
}
