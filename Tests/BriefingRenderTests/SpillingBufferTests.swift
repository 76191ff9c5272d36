import Foundation
import Testing

@testable import BriefingRender

/// Bytes spilled to a temporary file read back exactly as kept in memory: the same bytes in
/// the same order, across the blocks they are written in, and in memory again when the
/// file cannot be written.
@Suite struct SpillingBufferTests {
    /// 3.5 MiB of varied bytes in pieces of varied sizes, some larger than a block.
    static let pieces: [[UInt8]] = (0..<40).map { index in
        (0..<(index % 7 == 0 ? 600_000 : 20_000 + index * 977)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
    }
    static let expected: Data = Data("%PDF-1.7\n".utf8) + pieces.reduce(Data()) { $0 + Data($1) }

    static func fill(_ buffer: inout SpillingBuffer) {
        buffer.append(Data("%PDF-1.5\n".utf8))
        buffer.replaceByte(at: 7, with: UInt8(ascii: "7"))
        for (index, piece) in pieces.enumerated() {
            switch index % 3 {
            case 0: buffer.append(piece)
            case 1: buffer.append(Data(piece))
            default: piece.withUnsafeBytes { buffer.append($0) }
            }
        }
    }

    @Test func spilledBytesReadBackAsWritten() throws {
        var buffer = SpillingBuffer()
        Self.fill(&buffer)
        #expect(buffer.count == Self.expected.count)
        #expect(try buffer.finish() == Self.expected)
    }

    @Test func smallBytesStayInMemory() throws {
        var buffer = SpillingBuffer(limit: 1 << 30)
        Self.fill(&buffer)
        #expect(try buffer.finish() == Self.expected)
    }

    /// A device that refuses every write (a full disk): the bytes stay in memory, whole.
    @Test func aFullDiskKeepsTheBytesInMemory() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        var buffer = SpillingBuffer(limit: 64 * 1024, descriptor: full)
        Self.fill(&buffer)
        #expect(try buffer.finish() == Self.expected)
    }

    /// The temporary file is unlinked when made: nothing is left in the temporary folder.
    @Test func leavesNoFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.path
        func ours() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("briefing-") && $0.count == 15 })
        }
        let before = try ours()
        var buffer = SpillingBuffer()
        Self.fill(&buffer)
        #expect(try ours().subtracting(before).isEmpty)
        _ = try buffer.finish()
    }
}
