import Foundation
import Testing

@testable import BriefingPreviewLink

#if canImport(Glibc)
    import Glibc
#endif

/// The frames the watch sends its preview server, read back as the server reads them: from a
/// pipe, through `ByteReader`.
@Suite struct PreviewFrameTests {
    /// Writes `data` into a pipe (from a thread, so a large frame does not fill it first) and
    /// reads frames from the other end until it ends.
    func readBack(_ data: Data) throws -> [PreviewFrame] {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer = Thread {
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let count = write(writeEnd, bytes.baseAddress! + offset, min(4096, bytes.count - offset))
                    guard count > 0 else { break }
                    offset += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        let reader = ByteReader(descriptor: readEnd)
        var frames: [PreviewFrame] = []
        while let frame = try PreviewFrame.read(from: reader) { frames.append(frame) }
        return frames
    }

    @Test func framesSurviveThePipe() throws {
        let pdf = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let frames: [PreviewFrame] = [
            .built(html: Data("<html>\nfailed 3\n</html>".utf8), pdf: pdf),
            .failed("data.yaml:3:5: error: expected a number\n  hint: …"),
            .built(html: Data(), pdf: nil),
            .failed(""),
        ]
        #expect(try readBack(frames.reduce(Data()) { $0 + $1.encoded }) == frames)
    }

    @Test func aCutOrUnknownFrameIsAnError() throws {
        #expect(throws: ByteReader.CutShort.self) { try readBack(Data("built 10 -\nshort".utf8)) }
        #expect(throws: PreviewFrame.Malformed.self) { try readBack(Data("shown 1\nx".utf8)) }
        #expect(throws: PreviewFrame.Malformed.self) { try readBack(Data("built -1 -\n".utf8)) }
        #expect(try readBack(Data()) == [])
    }

    @Test func theHandshakeIsOneLine() {
        #expect(PreviewHandshake(line: "port 8080") == .listening(port: 8080))
        #expect(PreviewHandshake.listening(port: 0).line == "port 0\n")
        let failed = PreviewHandshake.failed("bind(descriptor:ptr:bytes:): Address already in use\n(errno: 98)")
        #expect(failed.line == "error bind(descriptor:ptr:bytes:): Address already in use (errno: 98)\n")
        #expect(PreviewHandshake(line: String(failed.line.dropLast())) == .failed("bind(descriptor:ptr:bytes:): Address already in use (errno: 98)"))
        #expect(PreviewHandshake(line: "listening") == nil)
    }
}
