import Foundation
import Testing

@testable import BriefingRender

/// The finished file assembled on disk reads back exactly as assembled in memory: the same
/// bytes in the same order, across the megabyte blocks it is written out in.
@Suite struct AssembledFileTests {
    /// 3.5 MiB of varied bytes in pieces of varied sizes, some larger than a block.
    static let pieces: [[UInt8]] = (0..<40).map { index in
        (0..<(index % 7 == 0 ? 600_000 : 20_000 + index * 977)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
    }

    static func fill(_ file: inout AssembledFile) {
        file.append(Data("%PDF-1.5\n".utf8))
        file.replaceByte(at: 7, with: UInt8(ascii: "7"))
        for (index, piece) in pieces.enumerated() {
            if index.isMultiple(of: 2) { file.append(piece) } else { file.append(Data(piece)) }
        }
    }

    @Test func onDiskReadsBackAsInMemory() throws {
        var memory = AssembledFile.inMemory(capacity: 0)
        Self.fill(&memory)
        let expected = try memory.finish()
        #expect(expected.count == 9 + Self.pieces.reduce(0) { $0 + $1.count })
        #expect(expected.starts(with: Data("%PDF-1.7\n".utf8)))

        var disk = try #require(AssembledFile.onDisk())
        Self.fill(&disk)
        #expect(disk.count == expected.count)
        let mapped = try disk.finish()
        #expect(mapped == expected)
    }

    /// The temporary file is unlinked when made: nothing is left in the temporary folder.
    @Test func leavesNoFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("briefing-finish-") })
        var disk = try #require(AssembledFile.onDisk())
        Self.fill(&disk)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("briefing-finish-") })
        #expect(after.subtracting(before).isEmpty)
        _ = try disk.finish()
    }
}
