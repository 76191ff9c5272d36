import CCairoPango
import Foundation

/// Collects what a cairo surface writes, so exporters return bytes and the caller decides
/// where they go (an atomically published file, standard output, a mail attachment). A
/// large PDF goes to a temporary file as cairo writes it (`SpillingBuffer`).
final class ByteSink {
    private var buffer = SpillingBuffer()

    /// The write function cairo calls, with the sink passed as its closure pointer.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.buffer.append(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
        return sink.buffer.lost == nil ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    /// The pointer to hand cairo; valid while the sink is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Everything written, once cairo has finished.
    func data() throws -> Data { try buffer.finish() }
}
