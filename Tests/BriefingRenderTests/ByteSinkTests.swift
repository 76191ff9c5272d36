import CCairoPango
import Foundation
import Testing

@testable import BriefingRender

/// `ByteSink` gathers cairo's writes in a block before its buffer: whatever the sizes of
/// the pieces (tiny, filling the block exactly, spilling over it, larger than half of it),
/// the bytes come out whole and in order.
@Suite struct ByteSinkTests {
    private func write(_ pieces: [[UInt8]]) throws -> Data {
        let sink = ByteSink()
        for piece in pieces {
            let status = piece.withUnsafeBufferPointer { ByteSink.write(sink.closure, $0.baseAddress, UInt32($0.count)) }
            #expect(status == CAIRO_STATUS_SUCCESS)
        }
        return try sink.data()
    }

    private func piece(_ count: Int, _ seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test func piecesOfEverySizeComeOutInOrder() throws {
        let block = 64 << 10
        let sizes = [1, 7, 0, block - 8, 8, 1, block, 3, block / 2, block / 2 - 1, 5 * block + 3, 2, 40_000, 40_000, 1]
        let pieces = sizes.enumerated().map { piece($0.element, $0.offset) }
        #expect(try write(pieces) == Data(pieces.joined()))
    }

    @Test func manySmallWritesAsCairoMakesThem() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = (0..<20_000).map { piece(Int.random(in: 0...40, using: &generator), $0) }
        #expect(try write(pieces) == Data(pieces.joined()))
    }

    @Test func nothingWrittenIsEmpty() throws {
        #expect(try write([]).isEmpty)
    }
}
