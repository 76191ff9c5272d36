import CCairoPango
import Foundation

/// Collects what a cairo surface writes, so exporters return bytes and the caller decides
/// where they go (an atomically published file, standard output, a mail attachment). A
/// large PDF goes to a temporary file as cairo writes it (`SpillingBuffer`).
///
/// cairo writes in small pieces: an xref line, a structure element, an operator of an
/// uncompressed stream (25,000 calls for the default briefing, 120,000 with its content
/// uncompressed). Appending each to `Data` cost about 500 instructions a call, mostly
/// Foundation's exclusivity checks, so pieces are gathered in a plain 64 KiB block first,
/// reached through a pointer (no class property is accessed, nothing retained, per call).
final class ByteSink {
    /// Everything cairo's calls touch, behind the pointer cairo is given: a call reaches it
    /// without retaining the sink (a class reference from `Unmanaged` is retained and
    /// released around each method call, about 40 of the 135 instructions a call cost).
    private struct State {
        let block: UnsafeMutableRawPointer
        /// Bytes waiting in `block`.
        var used = 0
        var buffer = SpillingBuffer()
        /// Shown every byte, in order, as it goes into the buffer (a 64 KiB block at a time).
        var tap: PageMarking?
    }

    private static let blockSize = 64 << 10
    private let state: UnsafeMutablePointer<State>

    /// - Parameter tap: shown the bytes as they are collected (`PageMarking`).
    init(tap: PageMarking? = nil) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(block: .allocate(byteCount: Self.blockSize, alignment: 16), tap: tap))
    }

    deinit {
        state.pointee.block.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The write function cairo calls, with the sink's state passed as its closure pointer.
    /// Most calls copy a few bytes into the block; only a full block or a large piece leaves
    /// this function.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let state = closure.assumingMemoryBound(to: State.self)
        let count = Int(length), used = state.pointee.used
        if used + count <= 64 << 10 {
            (state.pointee.block + used).copyMemory(from: bytes, byteCount: count)
            state.pointee.used = used + count
            return CAIRO_STATUS_SUCCESS
        }
        return take(UnsafeRawBufferPointer(start: bytes, count: count), into: state) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// Adds `bytes` that do not fit in the block; false once bytes were lost (a disk failing
    /// under the run).
    private static func take(_ bytes: UnsafeRawBufferPointer, into state: UnsafeMutablePointer<State>) -> Bool {
        flush(state)
        if bytes.count >= blockSize / 2 {
            state.pointee.tap?.feed(bytes)
            state.pointee.buffer.append(bytes)
        } else if let base = bytes.baseAddress {
            state.pointee.block.copyMemory(from: base, byteCount: bytes.count)
            state.pointee.used = bytes.count
        }
        return state.pointee.buffer.lost == nil
    }

    /// Moves the gathered pieces into the buffer.
    private static func flush(_ state: UnsafeMutablePointer<State>) {
        guard state.pointee.used > 0 else { return }
        let gathered = UnsafeRawBufferPointer(start: state.pointee.block, count: state.pointee.used)
        state.pointee.tap?.feed(gathered)
        state.pointee.buffer.append(gathered)
        state.pointee.used = 0
    }

    /// The pointer to hand cairo; valid while the sink is alive.
    var closure: UnsafeMutableRawPointer { UnsafeMutableRawPointer(state) }

    /// Everything written, once cairo has finished.
    func data() throws -> Data {
        Self.flush(state)
        return try state.pointee.buffer.finish()
    }
}
