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
/// reached through a pointer (no class property is accessed per call).
final class ByteSink {
    private struct State {
        var buffer = SpillingBuffer()
        /// Bytes waiting in `block`.
        var used = 0
    }

    private static let blockSize = 64 << 10
    private let state: UnsafeMutablePointer<State>
    private let block: UnsafeMutableRawPointer

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        block = .allocate(byteCount: Self.blockSize, alignment: 16)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        block.deallocate()
    }

    /// The write function cairo calls, with the sink passed as its closure pointer.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        return sink.take(UnsafeRawBufferPointer(start: bytes, count: Int(length))) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// Adds `bytes`; false once bytes were lost (a disk failing under the run).
    func take(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let used = state.pointee.used
        if used + bytes.count <= Self.blockSize {
            if let base = bytes.baseAddress { (block + used).copyMemory(from: base, byteCount: bytes.count) }
            state.pointee.used = used + bytes.count
            return true
        }
        flush()
        if bytes.count >= Self.blockSize / 2 {
            state.pointee.buffer.append(bytes)
        } else if let base = bytes.baseAddress {
            block.copyMemory(from: base, byteCount: bytes.count)
            state.pointee.used = bytes.count
        }
        return state.pointee.buffer.lost == nil
    }

    /// Moves the gathered pieces into the buffer.
    private func flush() {
        guard state.pointee.used > 0 else { return }
        state.pointee.buffer.append(UnsafeRawBufferPointer(start: block, count: state.pointee.used))
        state.pointee.used = 0
    }

    /// The pointer to hand cairo; valid while the sink is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Everything written, once cairo has finished.
    func data() throws -> Data {
        flush()
        return try state.pointee.buffer.finish()
    }
}
